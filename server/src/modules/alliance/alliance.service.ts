import type { RequestContext } from '../../graphql/context.js';
import { publish } from '../../common/events/event-bus.js';
import { notFound } from '../../graphql/errors.js';
import { Alliance } from './alliance.entity.js';
import { AllianceSettingsUpdated } from './events/alliance-settings-updated.event.js';

export class AllianceService {
  /** The committee's settings of its alliance; an unchanged value is no change and publishes nothing. */
  async updateSettings(ctx: RequestContext, settings: { maxOpenClaims: number }): Promise<Alliance> {
    return ctx.scope.transaction(async (tx) => {
      const alliance = await tx.manager
        .createQueryBuilder(Alliance, 'a')
        .where('a.id = :id', { id: tx.allianceId })
        .setLock('pessimistic_write')
        .getOne();
      if (!alliance) throw notFound('Alliance');
      const before = { maxOpenClaims: alliance.maxOpenClaims };
      if (before.maxOpenClaims === settings.maxOpenClaims) return alliance;
      alliance.maxOpenClaims = settings.maxOpenClaims;
      await tx.manager.query(`UPDATE alliance SET max_open_claims = $2 WHERE id = $1`, [tx.allianceId, settings.maxOpenClaims]);
      const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() };
      await publish(ctx, tx, new AllianceSettingsUpdated(origin, alliance.name, before, { maxOpenClaims: settings.maxOpenClaims }));
      return alliance;
    });
  }
}

export const allianceService = new AllianceService();
