import { checkPeriod, periodConditions } from '../points/points.service.js';
import { fastType, type RowsRelation } from '../../common/fast-path.js';
import { Agreement } from './agreement.entity.js';
import { MemberUnit } from './member-unit.entity.js';

/** Every agreement of the unit, oldest first (the agreementsOfUnit loader): what agreementStatus is judged on. */
const AGREEMENTS: RowsRelation<MemberUnit> = {
  many: true,
  where: (a) => `${a.c}.unit_id = ${a.p}.id`,
  orderBy: (a) => `${a.c}.signed_at, ${a.c}.created_at, ${a.c}.id`,
  prime: (ctx, unit, agreements) => ctx.loaders.agreementsOfUnit.prime(unit.id, agreements),
};

/**
 * What the fast path knows of a member unit (docs/architecture.md, "Fast
 * path"). contactPhone is masked by its field resolver, as on the general path.
 */
fastType<MemberUnit>('MemberUnit', {
  entity: MemberUnit,
  plain: [
    'id', 'name', 'kind', 'creditCode', 'partyOrgName', 'partyMemberCount', 'contactName', 'contactPhone', 'address', 'status',
    'joinedAt', 'version', 'agreementStatus',
  ],
  needs: { agreementStatus: () => ({ rows: AGREEMENTS, type: 'Agreement' }) },
  // contactPhone's mask reads the id (seesUnitPhone); the relations read the unit by its id.
  columns: { always: ['id'], reads: { agreementStatus: [], agreement: [], shelfProjects: [], points: [] } },
  relations: {
    agreement: {
      many: false,
      where: (a) => `${a.c}.unit_id = ${a.p}.id`,
      orderBy: (a) => `${a.c}.signed_at DESC, ${a.c}.created_at DESC`,
      prime: (ctx, unit, agreement) => ctx.loaders.currentAgreement.prime(unit.id, agreement),
    },
    shelfProjects: {
      many: true,
      where: (a, args, q) => `${a.c}.unit_id = ${a.p}.id${args.status ? ` AND ${a.c}.status = ${q.params.add(args.status)}` : ''}`,
      orderBy: (a) => `${a.c}.created_at DESC, ${a.c}.id DESC`,
      prime: (ctx, unit, projects, args) => ctx.loaders.projectsOfUnit.prime({ key: unit.id, status: (args.status as string) ?? null }, projects),
    },
    points: {
      value: (a, args, q) => {
        // A refused period is refused by the field's resolver, at the field, as on the general path.
        if (args.from && args.to && (args.to as string) < (args.from as string)) return 'NULL';
        const period = checkPeriod(args.from as string | null, args.to as string | null);
        const conds = periodConditions('pe.earned_at', period, (v) => q.params.add(v));
        return `(SELECT coalesce(sum(pe.points), 0) FROM points_entry pe WHERE pe.unit_id = ${a.p}.id AND pe.alliance_id = ${q.tenant}${conds
          .map((c) => ` AND ${c}`)
          .join('')})`;
      },
      prime: (ctx, unit, points, args) =>
        points !== null &&
        ctx.loaders.unitPoints.prime({ unitId: unit.id, from: (args.from as string) ?? null, to: (args.to as string) ?? null }, Number(points)),
    },
  },
});

// The dates are what a unit's agreementStatus is judged on (read with none of the agreements' fields selected).
fastType<Agreement>('Agreement', {
  entity: Agreement,
  plain: ['id', 'signedAt', 'validUntil', 'responsibilities'],
  columns: { always: ['id', 'signedAt', 'validUntil'] },
  relations: {},
});
