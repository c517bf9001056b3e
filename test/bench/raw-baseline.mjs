// The raw baseline of docs/benchmarks.md: our Q1 (the shelf, page by cursor)
// answered by a bare Node HTTP handler that sends, with `pg`, the one SQL
// statement our server's fast path sends for it (docs/architecture.md, "Fast
// path": the filtered set, its count and the page with each project's
// unit and agreement as JSON; the alliance's categories held in memory, as
// ours holds them), and writes the same JSON by hand.
// No GraphQL, no token, no ORM: the limit of this stack for that request.
// Env: DATABASE_URL, PORT. Body: {"variables": {"allianceId", "categoryCode", "pattern", "first", "after"}}.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'bench-raw' });

const WHERE = `"p"."alliance_id" = $1 AND "p"."status" = $2 AND "p"."category_id" = $3 AND ("p"."title" ILIKE $4 ESCAPE '\\' OR "p"."description" ILIKE $4 ESCAPE '\\' OR array_to_string("p"."tags", ' ') ILIKE $4 ESCAPE '\\')`;
const row = (a, columns) => `json_build_array(${columns.map((c) => `${a}."${c}"`).join(', ')})`;
// The columns the server's statement reads for Q1's selection (`columns` in its .fast.ts files: the fields
// selected and what its resolvers, visibility rules and order read), in the server's order.
const PROJECT = ['id', 'unit_id', 'category_id', 'title', 'status', 'capacity_per_month', 'tags', 'created_at', 'version'];
const UNIT = ['id', 'name'];
const AGREEMENT = ['id', 'signed_at', 'valid_until'];
const P = Object.fromEntries(PROJECT.map((c, i) => [c, i]));
const U = Object.fromEntries(UNIT.map((c, i) => [c, i]));
const A = Object.fromEntries(AGREEMENT.map((c, i) => [c, i]));

/**
 * An alliance's categories, read once and held, as our server holds them
 * (docs/architecture.md, "Reference data held per instance"): the statement
 * filters by the category's id and reads no category.
 */
const categories = new Map();
async function categoriesOf(allianceId) {
  let held = categories.get(allianceId);
  if (!held) {
    const { rows } = await pool.query('SELECT id, code, name FROM service_category WHERE alliance_id = $1', [allianceId]);
    held = { byId: new Map(rows.map((c) => [c.id, c])), byCode: new Map(rows.map((c) => [c.code, c])) };
    categories.set(allianceId, held);
  }
  return held;
}

/** $5, $6: the cursor (or none); the last parameter: first + 1. */
function statement(withCursor) {
  const limit = withCursor ? '$7' : '$5';
  return `WITH filtered AS NOT MATERIALIZED (SELECT p.created_at AS "k0", "p"."id" AS "k1" FROM "shelf_project" "p" WHERE ${WHERE})
SELECT json_build_array((SELECT count(*) FROM filtered),
  (SELECT coalesce(json_agg(json_build_array(${row('e', PROJECT)},
      (SELECT json_build_array(${row('c2', UNIT)},
          (SELECT json_build_array(${row('c3', AGREEMENT)}) FROM agreement c3 WHERE c3.alliance_id = $1 AND c3.unit_id = c2.id
            ORDER BY c3.signed_at DESC, c3.created_at DESC LIMIT 1))
        FROM member_unit c2 WHERE c2.alliance_id = $1 AND c2.id = e.unit_id)) ORDER BY pg.k0 DESC, pg.k1 DESC), '[]')
   FROM (SELECT * FROM filtered f${withCursor ? ' WHERE (f.k0, f.k1) < ($5, $6)' : ''} ORDER BY f.k0 DESC, f.k1 DESC LIMIT ${limit}) pg
   JOIN shelf_project e ON e.id = pg.k1 AND e.alliance_id = $1)) AS result`;
}
// Named prepared statements, as the server sends its fast path's (server/src/database/prepared.ts).
const FIRST_PAGE = { name: 'q1_first', text: statement(false) };
const LATER_PAGE = { name: 'q1_later', text: statement(true) };

async function q1({ allianceId, categoryCode, pattern, first = 20, after }, counter) {
  const limit = Math.max(1, Math.min(100, Number(first) | 0)) + 1;
  const held = await categoriesOf(allianceId);
  // An unknown code matches nothing, as our server's filter.
  const base = [allianceId, 'ON_SHELF', held.byCode.get(categoryCode)?.id ?? '00000000-0000-0000-0000-000000000000', pattern];
  counter.n++;
  const { rows } = after
    ? await pool.query({ ...LATER_PAGE, values: [...base, ...(([createdAt, id]) => [new Date(createdAt), id])(JSON.parse(Buffer.from(after, 'base64url').toString('utf8'))), limit] })
    : await pool.query({ ...FIRST_PAGE, values: [...base, limit] });
  const [count, page] = rows[0].result;
  const hasNextPage = page.length > first;
  const nodes = hasNextPage ? page.slice(0, first) : page;
  const createdAt = (n) => new Date(n[0][P.created_at]).toISOString();
  const last = nodes[nodes.length - 1];
  return {
    shelfProjects: {
      totalCount: count,
      pageInfo: {
        endCursor: last ? Buffer.from(JSON.stringify([createdAt(last), last[0][P.id]])).toString('base64url') : null,
        hasNextPage,
      },
      nodes: nodes.map((n) => {
        const [p, u] = n;
        const c = held.byId.get(p[P.category_id]);
        const a = u?.[1];
        return {
          id: p[P.id],
          title: p[P.title],
          status: p[P.status],
          tags: p[P.tags],
          capacityPerMonth: p[P.capacity_per_month],
          createdAt: createdAt(n),
          version: p[P.version],
          category: c ? { id: c.id, code: c.code, name: c.name } : null,
          unit: u && {
            id: u[0][U.id],
            name: u[0][U.name],
            agreement: a ? { id: a[0][A.id], signedAt: a[0][A.signed_at], validUntil: a[0][A.valid_until] } : null,
          },
        };
      }),
    },
  };
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const counter = { n: 0 };
      const body = JSON.stringify({ data: await q1(variables, counter) });
      res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': String(counter.n) });
      res.end(body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
    }
  });
});
server.listen(Number(process.env.PORT ?? 5679), '127.0.0.1', () => console.log('raw baseline ready'));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
