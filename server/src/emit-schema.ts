import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printEmittedSchema } from './graphql/print.js';
import { buildAppSchema } from './composition.js';

/** Writes server/schema.graphql, the emitted SDL the web's codegen reads. */
const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, printEmittedSchema(await buildAppSchema()));
