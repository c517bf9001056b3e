import { fastType } from '../../common/fast-path.js';
import { Grid } from './grid.entity.js';
import { ServiceCategory } from './service-category.entity.js';

// Reference data: answered from the row alone (docs/architecture.md, "Fast path").
fastType<ServiceCategory>('ServiceCategory', { entity: ServiceCategory, plain: ['id', 'code', 'name'], columns: { always: ['id'] }, relations: {} });
fastType<Grid>('Grid', { entity: Grid, plain: ['id', 'name', 'branchName', 'outline'], columns: { always: ['id'] }, relations: {} });
