import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { localDate, zonedTime } from '@alliance/shared';
import RoomsView from '../../views/services/RoomsView.vue';
import { confirmAction } from '../../lib/feedback';
import { mountAs, user, type Handler } from '../../__tests__/mount';

// The confirmation answers as each test says; the toasts stay real.
vi.mock('../../lib/feedback', async (original) => ({ ...(await original<typeof import('../../lib/feedback')>()), confirmAction: vi.fn(async () => true) }));

const [y, m, d] = localDate().split('-').map(Number) as [number, number, number];
const todayAt = (h: number) => zonedTime(y, m, d, h).toISOString();
const venue = (id: string, name: string) => ({ __typename: 'Venue', id, name, kind: 'SPORTS', capacity: 40, opensAt: '08:00', closesAt: '21:00' });
const reservation = (id: string, status: string, venueId: string, from: number, to: number, extra: Record<string, unknown>) => ({
  __typename: 'VenueReservation',
  id,
  status,
  purpose: `用途${id}`,
  startsAt: todayAt(from),
  endsAt: todayAt(to),
  residentName: null,
  residentPhone: null,
  unit: null,
  venue: { __typename: 'Venue', id: venueId },
  ...extra,
});

function handler(calls: { op: string; vars: Record<string, unknown> }[]): Handler {
  return (op) => {
    calls.push({ op: op.operationName, vars: op.variables });
    if (op.operationName === 'Venues') return { data: { venues: [venue('hall', '篮球馆'), venue('library', '图书室')] } };
    if (op.operationName === 'VenueReservations')
      return {
        data: {
          venueReservations: [
            reservation('a', 'CONFIRMED', 'hall', 15, 17, { unit: { __typename: 'MemberUnit', id: 'unit-1', name: '松风小学' } }),
            reservation('b', 'REQUESTED', 'hall', 19, 21, { residentName: '周**', residentPhone: '139****1234' }),
            reservation('c', 'CANCELLED', 'library', 9, 10, {}),
          ],
        },
      };
    if (op.operationName === 'ConfirmVenueReservation') return { data: { confirmVenueReservation: { __typename: 'VenueReservation', id: 'b', status: 'CONFIRMED' } } };
    if (op.operationName === 'CreateVenue' || op.operationName === 'UpdateVenue') {
      const input = op.variables.input as Record<string, unknown>;
      return { data: { [op.operationName === 'CreateVenue' ? 'createVenue' : 'updateVenue']: { __typename: 'Venue', id: (op.variables.id as string) ?? 'new', ...input } } };
    }
    if (op.operationName === 'DeclineVenueReservation') return { data: { declineVenueReservation: { __typename: 'VenueReservation', id: 'b', status: 'DECLINED' } } };
    return { data: {} };
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.mocked(confirmAction).mockReset().mockResolvedValue(true);
});

describe('RoomsView: the centre\'s rooms, a week at a time', () => {
  it('asks for Monday to Monday; rooms x days with blocks, the request marked; the committee confirms after being asked', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(RoomsView, user('COMMITTEE_ADMIN'), { handler: handler(calls) });
    const q = calls.find((c) => c.op === 'VenueReservations')!;
    const from = new Date(q.vars.from as string);
    expect(new Date(q.vars.to as string).getTime() - from.getTime()).toBe(7 * 86_400_000);
    // Local midnight of a Monday in the alliance's zone (UTC+8).
    expect(new Date(from.getTime() + 8 * 3_600_000).getUTCDay()).toBe(1);
    expect(new Date(from.getTime() + 8 * 3_600_000).getUTCHours()).toBe(0);

    const cell = wrapper.find(`[data-test="cell-hall-${localDate()}"]`);
    expect(cell.findAll('[data-status]').map((b) => b.attributes('data-status'))).toEqual(['CONFIRMED', 'REQUESTED']);
    expect(cell.text()).toContain('15:00–17:00');
    expect(cell.text()).toContain('松风小学');
    expect(cell.text()).toContain('周** 139****1234');
    expect(cell.find('[data-test="reservation-b"]').text()).toContain('待确认');
    // Cancelled ones free the room: not shown.
    expect(wrapper.find('[data-test="reservation-c"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="reservation-confirm-a"]').exists()).toBe(false);

    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await wrapper.find('[data-test="reservation-confirm-b"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'ConfirmVenueReservation')).toHaveLength(0);
    await wrapper.find('[data-test="reservation-confirm-b"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'ConfirmVenueReservation').map((c) => c.vars)).toEqual([{ id: 'b' }]);

    // Next week: asked again, seven days on.
    await wrapper.find('[data-test="week-next"]').trigger('click');
    await flushPromises();
    const next = calls.filter((c) => c.op === 'VenueReservations').at(-1)!;
    expect(new Date(next.vars.from as string).getTime() - from.getTime()).toBe(7 * 86_400_000);
  });

  it('the viewer reads the week without reserving, confirming or cancelling', async () => {
    const { wrapper } = await mountAs(RoomsView, user('VIEWER'), { handler: handler([]) });
    expect(wrapper.find('[data-test="reservation-a"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="reserve-open"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test^="reservation-confirm-"], [data-test^="reservation-decline-"], [data-test^="reservation-cancel-"]')).toHaveLength(0);
  });

  it("the committee declines a resident's request (DECLINED, not cancelled) after being asked; a confirmed reservation has no decline", async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(RoomsView, user('COMMITTEE_ADMIN'), { handler: handler(calls) });
    expect(wrapper.find('[data-test="reservation-decline-a"]').exists()).toBe(false);
    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await wrapper.find('[data-test="reservation-decline-b"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction).mock.calls[0]![0]).toBe('不同意“用途b”（周** 139****1234）的场地申请？申请人会看到“未同意”。');
    expect(calls.filter((c) => c.op === 'DeclineVenueReservation')).toEqual([]);
    await wrapper.find('[data-test="reservation-decline-b"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'DeclineVenueReservation').map((c) => c.vars)).toEqual([{ id: 'b' }]);
    expect(calls.filter((c) => c.op === 'CancelVenueReservation')).toEqual([]);
  });

  it('the committee adds a room and edits one, every field sent; others see no such buttons', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(RoomsView, user('COMMITTEE_ADMIN'), { handler: handler(calls) });
    const dialog = () => document.body.querySelector('[data-test="venue-form"]')!;
    const field = (test: string) => dialog().querySelector<HTMLInputElement>(`[data-test="${test}"]`)!;
    const type = async (test: string, value: string) => {
      const input = field(test).tagName === 'INPUT' ? field(test) : field(test).querySelector('input')!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
      await flushPromises();
    };

    await wrapper.find('[data-test="venue-new"]').trigger('click');
    await flushPromises();
    await type('venue-name', '  书画室 ');
    await type('venue-capacity', '25');
    dialog().querySelector<HTMLElement>('[data-test="venue-save"]')!.click();
    await flushPromises();
    await new Promise((r) => setTimeout(r, 50));
    await flushPromises();
    expect(calls.filter((c) => c.op === 'CreateVenue').map((c) => c.vars)).toEqual([
      { input: { name: '书画室', kind: 'MEETING', capacity: 25, opensAt: '08:30', closesAt: '21:00' } },
    ]);

    await wrapper.find('[data-test="venue-edit-hall"]').trigger('click');
    await flushPromises();
    expect(field('venue-name').value).toBe('篮球馆');
    await type('venue-capacity', '60');
    dialog().querySelector<HTMLElement>('[data-test="venue-save"]')!.click();
    await flushPromises();
    await new Promise((r) => setTimeout(r, 50));
    await flushPromises();
    expect(calls.filter((c) => c.op === 'UpdateVenue').map((c) => c.vars)).toEqual([
      { id: 'hall', input: { name: '篮球馆', kind: 'SPORTS', capacity: 60, opensAt: '08:00', closesAt: '21:00' } },
    ]);
    // The rooms are read again after each save.
    expect(calls.filter((c) => c.op === 'Venues').length).toBeGreaterThanOrEqual(3);

    for (const role of ['UNIT_ADMIN', 'GRID_WORKER', 'VIEWER'] as const) {
      document.body.innerHTML = '';
      const other = await mountAs(RoomsView, user(role), { handler: handler([]) });
      expect(other.wrapper.findAll('[data-test="venue-new"], [data-test^="venue-edit-"]'), role).toHaveLength(0);
    }
  });

  it('a centre without rooms says so, and offers the committee to add the first', async () => {
    const none: Handler = (op) => (op.operationName === 'Venues' ? { data: { venues: [] } } : op.operationName === 'VenueReservations' ? { data: { venueReservations: [] } } : { data: {} });
    const { wrapper } = await mountAs(RoomsView, user('COMMITTEE_ADMIN'), { handler: none });
    expect(wrapper.find('[data-test="rooms-none"]').text()).toContain('还没有场地');
    expect(wrapper.find('[data-test="venue-first"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="reserve-open"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="rooms-grid"]').exists()).toBe(false);
    document.body.innerHTML = '';
    const unit = await mountAs(RoomsView, user('UNIT_ADMIN'), { handler: none });
    expect(unit.wrapper.find('[data-test="rooms-none"]').exists()).toBe(true);
    expect(unit.wrapper.find('[data-test="venue-first"]').exists()).toBe(false);
  });

  it('cancels a reservation only once confirmed: dismissed, nothing is sent', async () => {
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(RoomsView, user('COMMITTEE_ADMIN'), { handler: handler(calls) });
    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await wrapper.find('[data-test="reservation-cancel-a"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction).mock.calls[0]![0]).toContain('用途a');
    expect(calls.filter((c) => c.op === 'CancelVenueReservation')).toEqual([]);
    await wrapper.find('[data-test="reservation-cancel-a"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'CancelVenueReservation').map((c) => c.vars)).toEqual([{ id: 'a' }]);
  });

  it('on a phone: an agenda list in time order instead of the grid', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
    try {
      const { wrapper } = await mountAs(RoomsView, user('COMMITTEE_ADMIN'), { handler: handler([]) });
      expect(wrapper.find('[data-test="rooms-grid"]').exists()).toBe(false);
      const agenda = wrapper.find('[data-test="rooms-agenda"]');
      expect(agenda.findAll('[data-status]').map((b) => b.attributes('data-test'))).toEqual(['reservation-a', 'reservation-b']);
      // Grouped under today, each with its full purpose as the title and its time.
      const today = agenda.find(`[data-test="agenda-day-${localDate()}"]`);
      expect(today.findAll('[data-test="agenda-title"]').map((e) => e.text())).toEqual(['用途a', '用途b']);
      expect(today.findAll('[data-test="agenda-item"]')[0]!.text()).toContain('15:0017:00');
      expect(today.find('h3').text()).toContain('今天');
    } finally {
      window.matchMedia = real;
    }
  });
});
