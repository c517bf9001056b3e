import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { ok } from '../../need/__tests__/need-helpers.js';
import { sendDueWebhooks, signature, SENDER_DEFAULTS } from '../webhook.sender.js';

/**
 * The alliance's outgoing webhook: the committee sets it (the secret is never
 * read back); events of the chosen kinds are queued in their transaction and
 * sent after commit, signed, retried with exponential backoff, recorded.
 */
let s: TestServer;
let committee: Client;
let unit1: Client;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingMessage['headers']; body: string; at: number }[] = [];
/** The answers the receiver gives, in turn: it fails twice (the first one slowly), then takes it. */
const answers = [
  { status: 500, delayMs: 1500 },
  { status: 503, delayMs: 0 },
  { status: 200, delayMs: 0 },
];
const SECRET = 'a-group-robot-secret-0123';

beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  unit1 = await s.as('unit1');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answer = answers[Math.min(received.length, answers.length - 1)]!;
      received.push({ headers: req.headers, body, at: Date.now() });
      setTimeout(() => res.writeHead(answer.status).end(), answer.delayMs);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const addr = receiver.address() as { port: number };
  receiverUrl = `http://127.0.0.1:${addr.port}/robot`;
});
afterAll(async () => {
  await s?.close();
  await new Promise((r) => receiver?.close(r));
});

const SET = `mutation($input: WebhookInput!) { setAllianceWebhook(input: $input) { url kinds enabled } }`;
const REVIEW = `mutation($id: ID!, $approve: Boolean!, $comment: String) { reviewShelfProject(id: $id, approve: $approve, comment: $comment) { status } }`;

async function pendingProject(): Promise<string> {
  const input = { title: `便民理发（${Math.random().toString(36).slice(2, 8)}）`, description: '每月第一个周六上午', categoryCode: 'LIVELIHOOD_SECURITY', capacityPerMonth: 2, tags: [] };
  const p = ok(await unit1(`mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id } }`, { input })).createShelfProject;
  ok(await unit1(`mutation($id: ID!) { submitShelfProject(id: $id) { id } }`, { id: p.id }));
  return p.id;
}

const deliveries = () => s.sql(`SELECT id, kind, status, attempts, response_code, next_attempt_at, body FROM webhook_delivery ORDER BY created_at`);

describe('the webhook', () => {
  it('is the committee\'s: others are FORBIDDEN; a bad address is BAD_USER_INPUT naming url; the secret is never read back', async () => {
    expect(codeOf(await unit1(SET, { input: { url: receiverUrl, secret: SECRET, kinds: [], enabled: true } }))).toBe('FORBIDDEN');
    const bad = await committee(SET, { input: { url: 'ftp://example.org/x', secret: SECRET, kinds: [], enabled: true } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('url');
    const noSecret = await committee(SET, { input: { url: receiverUrl, kinds: [], enabled: true } });
    expect(noSecret.errors![0]!.extensions!.field).toBe('secret');
    expect(await s.sql(`SELECT 1 FROM alliance_webhook`)).toEqual([]);
    const set = ok(await committee(SET, { input: { url: receiverUrl, secret: SECRET, kinds: ['PROJECT_APPROVED'], enabled: true } })).setAllianceWebhook;
    expect(set).toEqual({ url: receiverUrl, kinds: ['PROJECT_APPROVED'], enabled: true });
    const asked = await committee(`{ allianceWebhook { secret } }`);
    expect(codeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
    // Saved again without a secret: the one kept stays.
    ok(await committee(SET, { input: { url: receiverUrl, kinds: ['PROJECT_APPROVED'], enabled: true } }));
    expect(await s.sql(`SELECT secret FROM alliance_webhook`)).toEqual([{ secret: SECRET }]);
  });

  it('a refused change and an unpicked kind queue nothing; a picked one is sent after commit without holding the request, signed, retried with backoff until it is taken', async () => {
    const rejected = await pendingProject();
    expect(codeOf(await committee(REVIEW, { id: rejected, approve: false }))).toBe('BAD_USER_INPUT');
    ok(await committee(REVIEW, { id: rejected, approve: false, comment: '与现有项目重复' }));
    expect(await deliveries()).toEqual([]);

    const approved = await pendingProject();
    const started = Date.now();
    ok(await committee(REVIEW, { id: approved, approve: true }));
    // The receiver takes 1.5 s to fail: the request did not wait for it.
    expect(Date.now() - started).toBeLessThan(1200);
    const [queued] = await deliveries();
    expect(queued).toMatchObject({ kind: 'PROJECT_APPROVED' });
    expect(queued.body).toMatchObject({ kind: 'PROJECT_APPROVED', subjectType: 'SHELF_PROJECT', subjectId: approved });

    // The instance's sender heard the commit and tried at once: 500, the next try 30 s later.
    const deadline = Date.now() + 5000;
    while ((await deliveries())[0].response_code === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    let [d] = await deliveries();
    expect(d).toMatchObject({ status: 'PENDING', attempts: 1, response_code: 500 });
    const wait1 = new Date(d.next_attempt_at).getTime() - Date.now();
    expect(wait1).toBeGreaterThan(25_000);
    expect(wait1).toBeLessThan(31_000);
    // Not due yet: nothing is sent.
    const log = pino({ level: 'silent' });
    expect(await sendDueWebhooks(s.db, log)).toBe(0);

    // As if the wait were over, twice: 503 then twice the wait; then 200.
    await s.sql(`UPDATE webhook_delivery SET next_attempt_at = now()`);
    expect(await sendDueWebhooks(s.db, log)).toBe(1);
    [d] = await deliveries();
    expect(d).toMatchObject({ status: 'PENDING', attempts: 2, response_code: 503 });
    const wait2 = new Date(d.next_attempt_at).getTime() - Date.now();
    expect(wait2).toBeGreaterThan(55_000);
    expect(wait2).toBeLessThan(61_000);
    await s.sql(`UPDATE webhook_delivery SET next_attempt_at = now()`);
    // Two senders at once (two instances): one request, not two.
    const both = await Promise.all([sendDueWebhooks(s.db, log), sendDueWebhooks(s.db, log)]);
    expect(both.sort()).toEqual([0, 1]);
    [d] = await deliveries();
    expect(d).toMatchObject({ status: 'DELIVERED', attempts: 3, response_code: 200 });

    expect(received).toHaveLength(3);
    for (const r of received) {
      expect(r.body).toBe(received[0]!.body);
      expect(JSON.parse(r.body)).toMatchObject({ kind: 'PROJECT_APPROVED', subjectId: approved });
      expect(r.headers['x-alliance-delivery']).toBe(d.id);
      const ts = Number(r.headers['x-alliance-timestamp']);
      expect(Math.abs(ts * 1000 - r.at)).toBeLessThan(5000);
      expect(r.headers['x-alliance-signature']).toBe(signature(SECRET, ts, r.body));
      expect(r.headers['x-alliance-signature']).not.toBe(signature('another-secret-0000', ts, r.body));
    }
    expect(SENDER_DEFAULTS.maxAttempts).toBeGreaterThan(3);
  });

  it("every change is in the audit log (before and after, the address's key masked), never the secret; a refused one writes none", async () => {
    const audit = () =>
      s.sql(`SELECT a.summary, u.username FROM audit_entry a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'ALLIANCE_WEBHOOK' ORDER BY a.at, a.id`);
    const first = await audit();
    // The first test's two saves: made (no webhook before), then saved again keeping the secret.
    expect(first.map((r: any) => [r.username, r.summary.before, r.summary.after, r.summary.secretReplaced])).toEqual([
      ['committee', null, { url: receiverUrl, kinds: ['PROJECT_APPROVED'], enabled: true }, true],
      ['committee', { url: receiverUrl, kinds: ['PROJECT_APPROVED'], enabled: true }, { url: receiverUrl, kinds: ['PROJECT_APPROVED'], enabled: true }, false],
    ]);

    const robotKey = 'wecom-robot-key-5f3a9c';
    const newSecret = 'another-group-robot-secret-77';
    const robotUrl = `http://bot:pw@127.0.0.1:9/cgi-bin/webhook/send?key=${robotKey}&debug=1#top`;
    expect(codeOf(await committee(SET, { input: { url: 'not a url', secret: newSecret, kinds: [], enabled: true } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(SET, { input: { url: robotUrl, secret: newSecret, kinds: [], enabled: true } }))).toBe('FORBIDDEN');
    expect(await audit()).toHaveLength(2);

    ok(await committee(SET, { input: { url: robotUrl, secret: newSecret, kinds: ['PROJECT_APPROVED', 'NEED_ASSIGNED'], enabled: false } }));
    const rows = await audit();
    expect(rows).toHaveLength(3);
    expect(rows[2].summary).toEqual({
      before: { url: receiverUrl, kinds: ['PROJECT_APPROVED'], enabled: true },
      after: { url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=***&debug=***', kinds: ['PROJECT_APPROVED', 'NEED_ASSIGNED'], enabled: false },
      secretReplaced: true,
    });
    // Nowhere in the log: neither secret, nor the robot's key, nor the address's password.
    const log = JSON.stringify(await s.sql(`SELECT * FROM audit_entry`));
    for (const hidden of [SECRET, newSecret, robotKey, 'bot:pw']) expect(log).not.toContain(hidden);
  });
});
