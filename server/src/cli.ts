import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { openDatabase } from './database/bootstrap.js';
import { bootstrapAlliance } from './modules/alliance/bootstrap.js';

const USAGE = `usage: ADMIN_PASSWORD=... node server/dist/cli.js bootstrap --name <联盟名称> --region <所在区域> --admin <username> [--display-name <姓名>] [--grids 7] [--code <page code, e.g. xincheng: the residents' page /r/xincheng>]
Creates an alliance with the three shelf categories, its grids and its first committee admin.`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      region: { type: 'string' },
      admin: { type: 'string' },
      'display-name': { type: 'string' },
      grids: { type: 'string', default: '7' },
      code: { type: 'string' },
    },
  });
  if (positionals[0] !== 'bootstrap' || !values.name || !values.region || !values.admin) {
    console.error(USAGE);
    process.exit(2);
  }
  const log = pino({ level: 'warn' });
  const config = loadConfig();
  // Loaded only without DATABASE_URL, as in main.ts.
  const embedded = config.databaseUrl ? null : await (await import('./database/embedded.js')).startEmbeddedPostgres(config.dataDir, log);
  const dataSource = await openDatabase(config.databaseUrl ?? embedded!.url, log, 2);
  try {
    const { allianceId } = await bootstrapAlliance(dataSource, {
      name: values.name,
      regionName: values.region,
      grids: Number(values.grids),
      adminUsername: values.admin,
      adminDisplayName: values['display-name'] ?? values.admin,
      adminPassword: process.env.ADMIN_PASSWORD ?? '',
      code: values.code ?? null,
    });
    console.log(`alliance ${allianceId} created; sign in as ${values.admin}`);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
