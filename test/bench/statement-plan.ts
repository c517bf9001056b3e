import { readFileSync } from 'node:fs';
import pg from 'pg';
import { benchDatabase } from './generate.js';
import { startCapturingServer } from './plans.js';
import { gql, login } from './harness.js';
import { committeeName, Q1_CATEGORY, SEARCH_WORD } from './data.js';
import { Q1, Q3, Q4 } from './scenarios.js';

/*
 * What PostgreSQL spends on one fast-path read's statement (Q1 the shelf's
 * page 3, Q3 the largest activity's page, Q4 the needs board), apart from
 * our server: the statement and its parameters as the server sends them
 * (the server runs in this process, its logger wrapped), then executed
 * `runs` times as the same named prepared statement on one connection, the
 * backend's CPU (utime + stime from /proc) divided by the runs; and whether
 * PostgreSQL then keeps a generic plan or plans each execution afresh.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/statement-plan.ts <size> <Q1|Q3|Q4> [runs]
 *   e.g. ... statement-plan.ts L Q4 400   (on an existing bench_l)
 */
const size = process.argv[2] ?? 'L';
const scenario = process.argv[3] ?? 'Q4';
const runs = Number(process.argv[4] ?? 400);
const url = `postgres://postgres@127.0.0.1:5432/${benchDatabase(size)}`;

const server = await startCapturingServer(url);
const { sent } = server;
const db = new pg.Client({ connectionString: url });
await db.connect();
try {
  const api = server.api;
  const [{ alliance_id: allianceId }] = (await db.query(`SELECT alliance_id FROM app_user WHERE username = $1`, [committeeName(0)])).rows;
  const token = await login(api, committeeName(0));
  let request: { query: string; variables: Record<string, unknown>; marker: string };
  if (scenario === 'Q1') {
    const variables: Record<string, unknown> = { filter: { status: 'ON_SHELF', categoryCode: Q1_CATEGORY, search: SEARCH_WORD }, first: 20, after: null };
    for (let page = 1; page < 3; page++) {
      const conn = (await gql(api, Q1, variables, token)).body.data.shelfProjects;
      if (!conn.pageInfo.hasNextPage) break;
      variables.after = conn.pageInfo.endCursor;
    }
    request = { query: Q1, variables, marker: Q1_CATEGORY };
  } else if (scenario === 'Q3') {
    const [{ id }] = (
      await db.query(
        `SELECT a.id FROM activity a WHERE a.alliance_id = $1 AND EXISTS (SELECT 1 FROM activity_project p WHERE p.activity_id = a.id)
          ORDER BY (SELECT count(*) FROM signup s WHERE s.activity_id = a.id) DESC, a.id LIMIT 1`,
        [allianceId],
      )
    ).rows;
    request = { query: Q3, variables: { id }, marker: id };
  } else {
    const [{ id: gridId }] = (await db.query(`SELECT id FROM grid WHERE alliance_id = $1 ORDER BY sort_order LIMIT 1`, [allianceId])).rows;
    request = { query: Q4, variables: { gridId, first: 20 }, marker: gridId };
  }
  sent.length = 0;
  const answer = await gql(api, request.query, request.variables, token);
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  // The read's one statement: the longest sent (the caller's account lookup, when sent, is short).
  const board = sent.filter((s) => !/^\s*(START|BEGIN|COMMIT|ROLLBACK)/i.test(s.query)).sort((a, b) => b.query.length - a.query.length)[0];
  if (!board) throw new Error(`${scenario} sent no statement`);

  const [{ pid }] = (await db.query('SELECT pg_backend_pid() AS pid')).rows;
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  };
  const execute = () => db.query({ name: 'board', text: board.query, values: board.parameters });
  for (let i = 0; i < 20; i++) await execute();
  const before = cpuMs();
  for (let i = 0; i < runs; i++) await execute();
  const perRun = (cpuMs() - before) / runs;
  // The same text under PREPARE: after five executions PostgreSQL keeps a generic plan when it costs no more.
  await db.query(`PREPARE board_explained AS ${board.query}`);
  const literal = (v: unknown): string =>
    Array.isArray(v)
      ? `ARRAY[${v.map(literal).join(',')}]`
      : typeof v === 'number'
        ? String(v)
        : `'${(v instanceof Date ? v.toISOString() : String(v)).replace(/'/g, "''")}'`;
  const args = board.parameters.map(literal).join(', ');
  for (let i = 0; i < 6; i++) await db.query(`EXECUTE board_explained(${args})`);
  const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE board_explained(${args})`)).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
  const generic = !plan.includes(request.marker);
  console.log(`${benchDatabase(size)} ${scenario}: ${perRun.toFixed(3)} ms of PostgreSQL CPU per execution (${runs} runs); ${generic ? 'generic plan kept' : 'planned afresh each time (custom plan)'}`);
  console.log(plan.match(/Planning Time.*|Execution Time.*/g)?.join('; '), '|', plan.match(/Buffers: shared hit=\d+/)?.[0]);
} finally {
  await db.end();
  await server.close();
}
