import { HeldLoader } from '../../common/held-loader.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { periodConditions, type PointsPeriod } from './points.service.js';

export interface UnitPeriodKey extends PointsPeriod {
  unitId: string;
}

export function createPointsLoaders(scope: TenantScope) {
  return {
    /**
     * A unit's points earned in a period (local days; an open end is open;
     * no ends: all time): the sum of its ledger, never a stored counter. One
     * `= ANY($1)` statement per distinct period in the batch (one, as a rule).
     */
    unitPoints: new HeldLoader<UnitPeriodKey, number, string>(
      async (keys) => {
        const byPeriod = new Map<string, UnitPeriodKey[]>();
        for (const k of keys) {
          const p = `${k.from ?? ''}|${k.to ?? ''}`;
          byPeriod.set(p, [...(byPeriod.get(p) ?? []), k]);
        }
        const sums = new Map<string, number>();
        await Promise.all(
          [...byPeriod.values()].map(async (group) => {
            const params: unknown[] = [[...new Set(group.map((k) => k.unitId))], scope.allianceId];
            const conds = periodConditions('earned_at', group[0]!, (v) => {
              params.push(v);
              return `$${params.length}`;
            });
            const rows: { key: string; value: string | number }[] = await scope.manager.query(
              `SELECT unit_id AS key, sum(points) AS value FROM points_entry
                WHERE unit_id = ANY($1) AND alliance_id = $2${conds.map((c) => ` AND ${c}`).join('')}
                GROUP BY unit_id`,
              params,
            );
            for (const r of rows) sums.set(`${r.key}|${group[0]!.from ?? ''}|${group[0]!.to ?? ''}`, Number(r.value));
          }),
        );
        return keys.map((k) => sums.get(`${k.unitId}|${k.from ?? ''}|${k.to ?? ''}`) ?? 0);
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.from ?? ''}|${k.to ?? ''}` },
    ),
  };
}
