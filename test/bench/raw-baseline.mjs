// The raw baseline of docs/benchmarks.md: our Q1 (the shelf, page by cursor)
// answered by a bare Node HTTP handler that sends, with `pg`, the same four SQL
// statements our server sends for it (text captured from the server's own
// query log), in the same two waves, and writes the same JSON by hand; like
// ours, it holds the alliances' categories in memory (read at start). No
// GraphQL, no token, no ORM: the limit of this stack for that request.
// Env: DATABASE_URL, PORT. Body: {"variables": {"allianceId", "categoryCode", "pattern", "first", "after"}}.
import { createServer } from 'node:http';
import pg from 'pg';

pg.types.setTypeParser(1082, (v) => v); // date stays YYYY-MM-DD, as GraphQL's Date
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'bench-raw' });

const WHERE = `"p"."alliance_id" = $1 AND "p"."status" = $2 AND "p"."category_id" = (SELECT c.id FROM service_category c WHERE c.alliance_id = $1 AND c.code = $3) AND ("p"."title" ILIKE $4 ESCAPE '\\' OR "p"."description" ILIKE $4 ESCAPE '\\' OR array_to_string("p"."tags", ' ') ILIKE $4 ESCAPE '\\')`;
const PROJECT_COLUMNS = `"p"."id" AS "p_id", "p"."alliance_id" AS "p_alliance_id", "p"."unit_id" AS "p_unit_id", "p"."category_id" AS "p_category_id", "p"."title" AS "p_title", "p"."description" AS "p_description", "p"."status" AS "p_status", "p"."review_comment" AS "p_review_comment", "p"."capacity_per_month" AS "p_capacity_per_month", "p"."tags" AS "p_tags", "p"."created_at" AS "p_created_at", "p"."updated_at" AS "p_updated_at", "p"."version" AS "p_version"`;
const RAW_Q1_PAGE = `SELECT ${PROJECT_COLUMNS} FROM "shelf_project" "p" WHERE ${WHERE} AND ("p"."created_at", "p"."id") < ($5, $6) ORDER BY "p"."created_at" DESC, "p"."id" DESC LIMIT `;
const FIRST_PAGE = `SELECT ${PROJECT_COLUMNS} FROM "shelf_project" "p" WHERE ${WHERE} ORDER BY "p"."created_at" DESC, "p"."id" DESC LIMIT `;
const COUNT = `SELECT COUNT(1) AS "cnt" FROM "shelf_project" "p" WHERE ${WHERE}`;
const CATEGORIES = `SELECT "e"."id" AS "e_id", "e"."alliance_id" AS "e_alliance_id", "e"."code" AS "e_code", "e"."name" AS "e_name", "e"."sort_order" AS "e_sort_order" FROM "service_category" "e"`;
/** Every alliance's categories, held as our server holds them (alliance/reference-data.ts). */
const categories = pool.query(CATEGORIES).then(({ rows }) => new Map(rows.map((c) => [c.e_id, { id: c.e_id, code: c.e_code, name: c.e_name }])));
const UNITS = `SELECT "e"."id" AS "e_id", "e"."alliance_id" AS "e_alliance_id", "e"."name" AS "e_name", "e"."kind" AS "e_kind", "e"."credit_code" AS "e_credit_code", "e"."party_org_name" AS "e_party_org_name", "e"."party_member_count" AS "e_party_member_count", "e"."contact_name" AS "e_contact_name", "e"."contact_phone" AS "e_contact_phone", "e"."address" AS "e_address", "e"."status" AS "e_status", "e"."joined_at" AS "e_joined_at", "e"."created_at" AS "e_created_at", "e"."updated_at" AS "e_updated_at", "e"."version" AS "e_version" FROM "member_unit" "e" WHERE "e"."alliance_id" = $1 AND "e"."id" = ANY($2)`;
const AGREEMENTS = `SELECT DISTINCT ON ("a"."unit_id") "a"."id" AS "a_id", "a"."alliance_id" AS "a_alliance_id", "a"."unit_id" AS "a_unit_id", "a"."signed_at" AS "a_signed_at", "a"."valid_until" AS "a_valid_until", "a"."responsibilities" AS "a_responsibilities", "a"."created_at" AS "a_created_at" FROM "agreement" "a" WHERE "a"."alliance_id" = $1 AND "a"."unit_id" = ANY($2) ORDER BY "a"."unit_id" ASC, "a"."signed_at" DESC, "a"."created_at" DESC`;

async function q1({ allianceId, categoryCode, pattern, first = 20, after }, counter) {
  const query = (text, params) => {
    counter.n++;
    return pool.query(text, params);
  };
  const limit = Math.max(1, Math.min(100, Number(first) | 0)) + 1;
  const base = [allianceId, 'ON_SHELF', categoryCode, pattern];
  let page;
  if (after) {
    const [createdAt, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    page = query(RAW_Q1_PAGE + limit, [...base, new Date(createdAt), id]);
  } else {
    page = query(FIRST_PAGE + limit, base);
  }
  const [rows, count] = await Promise.all([page, query(COUNT, base)]);
  const hasNextPage = rows.rows.length > first;
  const nodes = hasNextPage ? rows.rows.slice(0, first) : rows.rows;
  const unitIds = [...new Set(nodes.map((p) => p.p_unit_id))];
  const [cat, units, agreements] = await Promise.all([
    categories,
    query(UNITS, [allianceId, unitIds]),
    query(AGREEMENTS, [allianceId, unitIds]),
  ]);
  const agr = new Map(agreements.rows.map((a) => [a.a_unit_id, { id: a.a_id, signedAt: a.a_signed_at, validUntil: a.a_valid_until }]));
  const unit = new Map(units.rows.map((u) => [u.e_id, { id: u.e_id, name: u.e_name, agreement: agr.get(u.e_id) ?? null }]));
  const last = nodes[nodes.length - 1];
  return {
    shelfProjects: {
      totalCount: Number(count.rows[0].cnt),
      pageInfo: {
        endCursor: last ? Buffer.from(JSON.stringify([last.p_created_at.toISOString(), last.p_id])).toString('base64url') : null,
        hasNextPage,
      },
      nodes: nodes.map((p) => ({
        id: p.p_id,
        title: p.p_title,
        status: p.p_status,
        tags: p.p_tags,
        capacityPerMonth: p.p_capacity_per_month,
        createdAt: p.p_created_at.toISOString(),
        version: p.p_version,
        category: cat.get(p.p_category_id),
        unit: unit.get(p.p_unit_id),
      })),
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
