// PostGraphile v5 over the bench database, for the side-by-side in docs/benchmarks.md.
// Run with the Node 22 binary of the `node` package: node_modules/.bin/node server.mjs
// Env: DATABASE_URL, PORT (default 5678). Amber preset + the connection-filter plugin
// (for the shelf search); no JWT, no RLS: the alliance is a condition in each query.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const port = Number(process.env.PORT ?? 5678);
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { port, graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  // Amber lets clients filter and sort only on indexed columns; the shelf search
  // filters on title and description (as our Q1 does), so that rule is lifted.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
if (process.argv[2] === '--print-schema') {
  const { printSchema } = await import('graphql');
  console.log(printSchema(await pgl.getSchema()));
  await pgl.release();
  process.exit(0);
}
await pgl.getSchema();
server.listen(port, '127.0.0.1', () => console.log(`PostGraphile ready on http://127.0.0.1:${port}/graphql`));
const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
