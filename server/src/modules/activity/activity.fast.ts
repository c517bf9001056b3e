import { fastType } from '../../common/fast-path.js';
import { categoriesInMemory } from '../alliance/alliance.fast.js';
import { Activity } from './activity.entity.js';
import { Signup } from './signup.entity.js';

/**
 * What the fast path knows of an activity and its sign-ups (docs/architecture.md,
 * "Fast path"): each relation reads what its loader (activity.loaders.ts) reads, in its order.
 */
fastType<Activity>('Activity', {
  entity: Activity,
  plain: [
    'id', 'title', 'description', 'kind', 'status', 'startsAt', 'endsAt', 'location', 'maxUnits', 'confirmedCount', 'cancelReason',
    'recordedAfterwards', 'version', 'outcome',
  ],
  columns: {
    always: ['id'],
    reads: {
      outcome: ['status', 'outcomeParticipants', 'outcomeVolunteerHours', 'outcomeBeneficiaries', 'outcomeSummary'],
      category: ['categoryId'],
      shelfProjects: [],
      needs: [],
      signups: [],
    },
  },
  relations: {
    category: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.category_id`,
      inMemory: categoriesInMemory,
      prime: (ctx, activity, category) => activity.categoryId && ctx.loaders.category.prime(activity.categoryId, category),
    },
    shelfProjects: {
      many: true,
      join: (a) => `JOIN activity_project ${a.j} ON ${a.j}.shelf_project_id = ${a.c}.id AND ${a.j}.alliance_id = ${a.c}.alliance_id`,
      where: (a) => `${a.j}.activity_id = ${a.p}.id`,
      orderBy: (a) => `${a.c}.title, ${a.c}.id`,
      prime: (ctx, activity, projects) => ctx.loaders.activityProjects.prime(activity.id, projects),
    },
    needs: {
      many: true,
      join: (a) => `JOIN activity_need ${a.j} ON ${a.j}.need_id = ${a.c}.id AND ${a.j}.alliance_id = ${a.c}.alliance_id`,
      where: (a) => `${a.j}.activity_id = ${a.p}.id`,
      orderBy: (a) => `${a.c}.reported_at DESC, ${a.c}.id DESC`,
      prime: (ctx, activity, needs) => ctx.loaders.activityNeeds.prime(activity.id, needs),
    },
    signups: {
      many: true,
      where: (a, args, q) => `${a.c}.activity_id = ${a.p}.id${args.status ? ` AND ${a.c}.status = ${q.params.add(args.status)}` : ''}`,
      orderBy: (a) => `${a.c}.created_at, ${a.c}.id`,
      prime: (ctx, activity, signups, args) =>
        ctx.loaders.signupsOfActivity.prime({ key: activity.id, status: (args.status as string) ?? null }, signups),
    },
  },
});

fastType<Signup>('Signup', {
  entity: Signup,
  plain: ['id', 'status', 'headcount', 'note', 'createdAt'],
  columns: { always: ['id'], reads: { unit: ['unitId'], activity: ['activityId'] } },
  relations: {
    unit: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.unit_id`,
      prime: (ctx, signup, unit) => ctx.loaders.unit.prime(signup.unitId, unit),
    },
    activity: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.activity_id`,
      prime: (ctx, signup, activity) => ctx.loaders.activity.prime(signup.activityId, activity),
    },
  },
});
