// What Q1's fast-path statement costs PostgreSQL, per execution: every column against the columns the
// server now reads (test/bench/raw-baseline.mjs), each unnamed and as a named prepared statement. One
// connection per variant, variants alternating in blocks, backend CPU from /proc/<pid>/stat (same machine).
//   node test/bench/statement-cpu.mjs postgres://postgres@127.0.0.1:5432/bench_s [blocks] [per block]
import { readFileSync } from 'node:fs';
import pg from 'pg';
const url = process.argv[2];
const blocks = Number(process.argv[3] ?? 10), perBlock = Number(process.argv[4] ?? 200);
const WHERE = `"p"."alliance_id" = $1 AND "p"."status" = $2 AND "p"."category_id" = (SELECT c.id FROM service_category c WHERE c.alliance_id = $1 AND c.code = $3) AND ("p"."title" ILIKE $4 ESCAPE '\\' OR "p"."description" ILIKE $4 ESCAPE '\\' OR array_to_string("p"."tags", ' ') ILIKE $4 ESCAPE '\\')`;
const row = (a, cols) => `json_build_array(${cols.map((c) => `${a}."${c}"`).join(', ')})`;
const ALL = {
  p: ['id', 'alliance_id', 'unit_id', 'category_id', 'title', 'description', 'status', 'review_comment', 'capacity_per_month', 'tags', 'created_at', 'updated_at', 'version'],
  c: ['id', 'alliance_id', 'code', 'name', 'sort_order'],
  u: ['id', 'alliance_id', 'name', 'kind', 'credit_code', 'party_org_name', 'party_member_count', 'contact_name', 'contact_phone', 'address', 'status', 'joined_at', 'created_at', 'updated_at', 'version'],
  a: ['id', 'alliance_id', 'unit_id', 'signed_at', 'valid_until', 'responsibilities', 'created_at'],
};
const NARROW = { p: ['id', 'unit_id', 'category_id', 'title', 'status', 'capacity_per_month', 'tags', 'created_at', 'version'], c: ['id', 'code', 'name'], u: ['id', 'name'], a: ['id', 'signed_at', 'valid_until'] };
const statement = (k) => `WITH filtered AS NOT MATERIALIZED (SELECT p.created_at AS "k0", "p"."id" AS "k1" FROM "shelf_project" "p" WHERE ${WHERE})
SELECT json_build_array((SELECT count(*) FROM filtered),
  (SELECT coalesce(json_agg(json_build_array(${row('e', k.p)},
      (SELECT json_build_array(${row('c1', k.c)}) FROM service_category c1 WHERE c1.alliance_id = $1 AND c1.id = e.category_id),
      (SELECT json_build_array(${row('c2', k.u)},
          (SELECT json_build_array(${row('c3', k.a)}) FROM agreement c3 WHERE c3.alliance_id = $1 AND c3.unit_id = c2.id
            ORDER BY c3.signed_at DESC, c3.created_at DESC LIMIT 1))
        FROM member_unit c2 WHERE c2.alliance_id = $1 AND c2.id = e.unit_id)) ORDER BY pg.k0 DESC, pg.k1 DESC), '[]')
   FROM (SELECT * FROM filtered f ORDER BY f.k0 DESC, f.k1 DESC LIMIT $5) pg
   JOIN shelf_project e ON e.id = pg.k1 AND e.alliance_id = $1)) AS result`;
const variants = {
  'every column, unnamed': { text: statement(ALL) },
  'narrowed, unnamed': { text: statement(NARROW) },
  'every column, prepared': { text: statement(ALL), name: 'all' },
  'narrowed, prepared': { text: statement(NARROW), name: 'narrow' },
};
const tick = 1000 / 100;
const cpu = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * tick; };
const admin = new pg.Client({ connectionString: url }); await admin.connect();
const { rows: [a] } = await admin.query(`SELECT p.alliance_id, count(*) FROM shelf_project p JOIN service_category c ON c.id = p.category_id WHERE c.code = 'LIVELIHOOD_SECURITY' AND p.status = 'ON_SHELF' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
await admin.end();
const values = [a.alliance_id, 'ON_SHELF', 'LIVELIHOOD_SECURITY', '%志愿%', 21];
const clients = {};
for (const name of Object.keys(variants)) { const c = new pg.Client({ connectionString: url }); await c.connect(); c.pid = (await c.query('SELECT pg_backend_pid() AS p')).rows[0].p; clients[name] = c; for (let i = 0; i < 20; i++) await c.query({ ...variants[name], values }); }
const spent = Object.fromEntries(Object.keys(variants).map((n) => [n, 0]));
const bytes = {};
for (let b = 0; b < blocks; b++) for (const [name, v] of Object.entries(variants)) {
  const c = clients[name]; const before = cpu(c.pid);
  for (let i = 0; i < perBlock; i++) { const r = await c.query({ ...v, values }); bytes[name] = JSON.stringify(r.rows[0].result).length; }
  spent[name] += cpu(c.pid) - before;
}
for (const [name, ms] of Object.entries(spent)) console.log(`${name.padEnd(24)} ${(ms / (blocks * perBlock)).toFixed(3)} ms CPU per execution (PostgreSQL backend), result ${bytes[name]} bytes of JSON`);
for (const c of Object.values(clients)) await c.end();
