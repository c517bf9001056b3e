import { fastType } from '../../common/fast-path.js';
import { categoriesInMemory } from '../alliance/alliance.fast.js';
import { ShelfProject } from './shelf-project.entity.js';

/** What the fast path knows of a shelf project (docs/architecture.md, "Fast path"); each relation reads what its loader reads. */
fastType<ShelfProject>('ShelfProject', {
  entity: ShelfProject,
  plain: ['id', 'title', 'description', 'status', 'reviewComment', 'capacityPerMonth', 'tags', 'createdAt', 'updatedAt', 'version'],
  // status and unitId decide who sees a project (visibleToCaller, in nested lists too); createdAt is the shelf's order key.
  columns: { always: ['id', 'status', 'unitId', 'createdAt'], reads: { category: ['categoryId'], unit: ['unitId'], orderCount: [] } },
  relations: {
    category: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.category_id`,
      inMemory: categoriesInMemory,
      prime: (ctx, project, category) => ctx.loaders.category.prime(project.categoryId, category),
    },
    unit: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.unit_id`,
      prime: (ctx, project, unit) => ctx.loaders.unit.prime(project.unitId, unit),
    },
    orderCount: {
      value: (a, _args, q) => `(SELECT count(*) FROM need_project o WHERE o.shelf_project_id = ${a.p}.id AND o.alliance_id = ${q.tenant})`,
      prime: (ctx, project, count) => ctx.loaders.orderCount.prime(project.id, Number(count)),
    },
  },
});
