import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { localDate } from '@alliance/shared';
import UnitBookingsView from '../../views/services/UnitBookingsView.vue';
import { confirmAction } from '../../lib/feedback';
import { mountAs, user, type Handler } from '../../__tests__/mount';

// The confirmation answers as each test says; the toasts stay real.
vi.mock('../../lib/feedback', async (original) => ({ ...(await original<typeof import('../../lib/feedback')>()), confirmAction: vi.fn(async () => true) }));

const slot = (id: string, startsAt: Date, unitId = 'unit-1') => ({
  __typename: 'ServiceSlot',
  id,
  startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
  capacity: 3,
  booked: 1,
  offHours: true,
  project: { __typename: 'ShelfProject', id: 'p1', title: '青少年心理辅导', unit: { __typename: 'MemberUnit', id: unitId, name: '松风小学' } },
});
const booking = (id: string, status: string, begun: boolean) => ({
  __typename: 'Booking',
  id,
  status,
  residentName: `居民${id}`,
  residentPhone: '13904701234',
  location: '松山小区3号楼',
  note: null,
  createdAt: '2026-01-01T00:00:00Z',
  slot: slot(`s-${id}`, new Date(Date.now() + (begun ? -60_000 : 3_600_000))),
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.mocked(confirmAction).mockReset().mockResolvedValue(true);
});

const liaison = user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' } });

function handler(recorded: { op: string; vars: Record<string, unknown> }[]): Handler {
  return (op) => {
    recorded.push({ op: op.operationName, vars: op.variables });
    if (op.operationName === 'UnitBookings') return { data: { unitBookings: [booking('a', 'BOOKED', true), booking('b', 'BOOKED', false), booking('c', 'DONE', true)] } };
    if (op.operationName === 'CompleteBooking') return { data: { completeBooking: { ...booking('a', op.variables.outcome, true) } } };
    return { data: {} };
  };
}

describe('UnitBookingsView: the unit\'s week of bookings', () => {
  it('asks for its own unit\'s week from Monday; 完成/未到 only on a begun, booked one', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(UnitBookingsView, liaison, { handler: handler(calls) });
    const q = calls.find((c) => c.op === 'UnitBookings')!;
    const monday = new Date(`${q.vars.from}T00:00:00Z`);
    expect(monday.getUTCDay()).toBe(1);
    expect(q.vars.unitId).toBeNull();
    expect((q.vars.from as string) <= localDate() && localDate() <= (q.vars.to as string)).toBe(true);
    const tests = wrapper.findAll('[data-test^="booking-"]').map((b) => b.attributes('data-test')).filter((t) => !t!.startsWith('booking-status'));
    expect(tests).toEqual(['booking-done-a', 'booking-no-show-a']);
    // A unit admin does not choose the unit.
    expect(wrapper.find('[data-test="bookings-unit"]').exists()).toBe(false);
  });

  it('moves a week at a time and back to this one, showing Monday to Sunday (WeekSwitcher, as the rooms)', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(UnitBookingsView, liaison, { handler: handler(calls) });
    const asked = () => calls.filter((c) => c.op === 'UnitBookings').at(-1)!.vars;
    const first = asked();
    const day = (d: unknown, plus: number) => new Date(Date.parse(`${d}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
    expect(asked().to).toBe(day(first.from, 6));
    expect(wrapper.find('[data-test="week-range"]').text()).toBe(`${first.from} – ${first.to}`);
    await wrapper.find('[data-test="week-prev"]').trigger('click');
    await flushPromises();
    expect([asked().from, asked().to]).toEqual([day(first.from, -7), day(first.from, -1)]);
    await wrapper.find('[data-test="week-next"]').trigger('click');
    await wrapper.find('[data-test="week-next"]').trigger('click');
    await flushPromises();
    expect([asked().from, asked().to]).toEqual([day(first.from, 7), day(first.from, 13)]);
    expect(wrapper.find('[data-test="week-range"]').text()).toBe(`${day(first.from, 7)} – ${day(first.from, 13)}`);
    await wrapper.find('[data-test="week-this"]').trigger('click');
    await flushPromises();
    expect([asked().from, asked().to]).toEqual([first.from, first.to]);
  });

  it('sends 未到 only once confirmed; a refusal to confirm sends nothing', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(UnitBookingsView, liaison, { handler: handler(calls) });
    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await wrapper.find('[data-test="booking-no-show-a"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'CompleteBooking')).toEqual([]);
    await wrapper.find('[data-test="booking-no-show-a"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction).mock.calls[1]![0]).toContain('居民a');
    expect(calls.filter((c) => c.op === 'CompleteBooking').map((c) => c.vars)).toEqual([{ id: 'a', outcome: 'NO_SHOW' }]);
  });

  it('cancels a booking only once confirmed: dismissed, nothing is sent', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(UnitBookingsView, user('COMMITTEE_ADMIN'), { handler: handler(calls) });
    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await wrapper.find('[data-test="booking-cancel-b"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction).mock.calls[0]![0]).toContain('居民b');
    expect(calls.filter((c) => c.op === 'CancelBooking')).toEqual([]);
    await wrapper.find('[data-test="booking-cancel-b"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'CancelBooking').map((c) => c.vars)).toEqual([{ id: 'b' }]);
  });

  it('the committee chooses the unit and cancels a booking before its slot', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(UnitBookingsView, user('COMMITTEE_ADMIN'), { handler: handler(calls) });
    expect(wrapper.find('[data-test="bookings-unit"]').exists()).toBe(true);
    const tests = wrapper.findAll('button[data-test]').map((b) => b.attributes('data-test')).filter((t) => /^booking-(done|no-show|cancel)/.test(t!));
    expect(tests).toEqual(['booking-done-a', 'booking-no-show-a', 'booking-cancel-b']);
  });
});
