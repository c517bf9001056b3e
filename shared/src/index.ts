export * from './enums.js';
export * from './lifecycle.js';
export * from './lifecycles.js';
export * from './validators.js';
export * from './labels.js';
export * from './access.js';
export * from './dates.js';
export * from './audit.js';
