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
  // A production tool: like main.ts it never loads the embedded PostgreSQL (a development server seeds its own demo alliances).
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is required: bootstrap creates an alliance in the PostgreSQL of a production install');
    process.exit(2);
  }
  const dataSource = await openDatabase(config.databaseUrl, log, 2);
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
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
