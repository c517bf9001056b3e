import { fastType } from '../../common/fast-path.js';
import type { RequestContext } from '../../graphql/context.js';
import { Grid } from './grid.entity.js';
import { ServiceCategory } from './service-category.entity.js';

// Reference data: answered from the row alone (docs/architecture.md, "Fast path").
fastType<ServiceCategory>('ServiceCategory', { entity: ServiceCategory, plain: ['id', 'code', 'name'], columns: { always: ['id'] }, relations: {} });
fastType<Grid>('Grid', { entity: Grid, plain: ['id', 'name', 'branchName', 'outline'], columns: { always: ['id'] }, relations: {} });

/**
 * The `inMemory` of every relation to a category or a grid: the instance
 * holds the caller's alliance's (reference-data.ts), so a statement need not
 * read them. One function each, shared: a kept plan's key asks each once.
 */
export const categoriesInMemory = (ctx: RequestContext): boolean => ctx.loaders.category.answersFromMemory();
export const gridsInMemory = (ctx: RequestContext): boolean => ctx.loaders.grid.answersFromMemory();
