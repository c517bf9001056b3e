import 'reflect-metadata';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestContext } from '../../../graphql/context.js';
import { auditService } from '../../../modules/audit/audit.service.js';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { TenantScope } from '../../tenant-scope.js';
import { DomainEvent } from '../domain-event.js';
import { EventBus } from '../event-bus.js';

class Happened extends DomainEvent {
  constructor(
    allianceId: string,
    readonly label: string,
  ) {
    super({ allianceId, actorId: null, at: new Date() });
  }
}
class Other extends DomainEvent {}

let s: TestServer;
let allianceId: string;
let userId: string;
beforeAll(async () => {
  s = await startTestServer();
  [{ id: userId, alliance_id: allianceId }] = await s.sql(`SELECT id, alliance_id FROM app_user WHERE username = 'committee'`);
});
afterAll(() => s?.close());

/** A bus whose in-transaction subscriber writes an audit row (as the audit log does), and what it saw. */
function setUp(o: { failInTx?: boolean; failAfter?: boolean } = {}) {
  const errors: unknown[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
  const bus = new EventBus(log);
  const seen = { inTx: [] as string[], after: [] as string[], visibleAtCommit: [] as number[] };
  const ctx = { deps: { events: bus }, me: { id: userId }, clientIp: '127.0.0.1' } as unknown as RequestContext;
  bus.inTransaction(Happened, async (c, tx, e) => {
    seen.inTx.push(e.label);
    await auditService.record(c, tx, { action: 'ALLIANCE_SETTINGS', subjectType: 'ALLIANCE', subjectId: null, summary: { label: e.label } });
    if (o.failInTx) throw new Error('subscriber failed');
  });
  bus.onCommitted(Happened, (e) => {
    seen.after.push(e.label);
    if (o.failAfter) throw new Error('after-commit subscriber failed');
  });
  // Runs after the failing one: one subscriber's error does not stop the others.
  bus.onCommitted(DomainEvent, (e) => void seen.after.push(`any:${(e as Happened).label}`));
  bus.onCommitted(Other, () => void seen.after.push('other'));
  const scope = new TenantScope(s.db.manager, allianceId);
  return { bus, ctx, scope, seen, errors };
}

const rowsLabelled = async (label: string) =>
  (await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE summary->>'label' = $1`, [label]))[0].n as number;

describe('the event bus', () => {
  it('runs in-transaction subscribers in the transaction, the others once it has committed, each once', async () => {
    const { bus, ctx, scope, seen } = setUp();
    const label = `commit-${Math.random()}`;
    bus.onCommitted(Happened, async (e) => void seen.visibleAtCommit.push(await rowsLabelled(e.label)));
    await scope.transaction(async (tx) => {
      await bus.publish(ctx, tx, new Happened(allianceId, label));
      expect(seen).toMatchObject({ inTx: [label], after: [] });
      // A nested transaction joins this one: its events too wait for the outer commit.
      await tx.transaction(async (inner) => bus.publish(ctx, inner, new Happened(allianceId, `${label}-nested`)));
      expect(seen.after).toEqual([]);
    });
    expect(seen.inTx).toEqual([label, `${label}-nested`]);
    expect(seen.after).toEqual([label, `any:${label}`, `${label}-nested`, `any:${label}-nested`]);
    // The after-commit subscriber read each in-transaction subscriber's row from another connection: committed.
    await vi.waitFor(() => expect(seen.visibleAtCommit).toEqual([1, 1]));
    expect(await rowsLabelled(label)).toBe(1);
  });

  it('a transaction rolled back after publishing hands nothing on, and what its subscribers wrote is gone', async () => {
    const { bus, ctx, scope, seen } = setUp();
    const label = `rollback-${Math.random()}`;
    await expect(
      scope.transaction(async (tx) => {
        await bus.publish(ctx, tx, new Happened(allianceId, label));
        throw new Error('refused after publishing');
      }),
    ).rejects.toThrow('refused after publishing');
    expect(seen).toMatchObject({ inTx: [label], after: [] });
    expect(await rowsLabelled(label)).toBe(0);
  });

  it('an in-transaction subscriber that fails rolls the change back', async () => {
    const { bus, ctx, scope, seen } = setUp({ failInTx: true });
    const label = `failing-${Math.random()}`;
    await expect(scope.transaction((tx) => bus.publish(ctx, tx, new Happened(allianceId, label)))).rejects.toThrow('subscriber failed');
    expect(seen.after).toEqual([]);
    expect(await rowsLabelled(label)).toBe(0);
  });

  it('an after-commit subscriber that fails is logged; the change stands and the other subscribers run', async () => {
    const { bus, ctx, scope, seen, errors } = setUp({ failAfter: true });
    const label = `after-fails-${Math.random()}`;
    await expect(scope.transaction(async (tx) => bus.publish(ctx, tx, new Happened(allianceId, label)).then(() => 'done'))).resolves.toBe('done');
    expect(seen.after).toEqual([label, `any:${label}`]);
    expect(errors).toEqual([expect.objectContaining({ msg: 'after-commit event subscriber failed', event: 'Happened' })]);
    expect(await rowsLabelled(label)).toBe(1);
  });

  it('refuses to publish outside scope.transaction(), before any subscriber runs', async () => {
    const { bus, ctx, scope, seen } = setUp();
    await expect(bus.publish(ctx, scope, new Happened(allianceId, 'outside'))).rejects.toThrow(/outside scope.transaction/);
    await expect(
      s.db.transaction((m) => bus.publish(ctx, new TenantScope(m, allianceId), new Happened(allianceId, 'foreign'))),
    ).rejects.toThrow(/outside scope.transaction/);
    expect(seen).toMatchObject({ inTx: [], after: [] });
  });

  it("refuses an event of another alliance than the scope's", async () => {
    const { bus, ctx, scope, seen } = setUp();
    const [{ id: other }] = await s.sql(`SELECT id FROM alliance WHERE id <> $1 LIMIT 1`, [allianceId]);
    await expect(scope.transaction((tx) => bus.publish(ctx, tx, new Happened(other, 'elsewhere')))).rejects.toThrow(/another alliance/);
    expect(seen).toMatchObject({ inTx: [], after: [] });
  });
});
