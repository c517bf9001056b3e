import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import AllianceDateTimePicker from '../AllianceDateTimePicker.vue';
import { allianceDayAhead } from '../../lib/time';

/*
 * The picker on a machine set to New York: it shows and takes Shanghai's wall
 * clock, and its model is the instant. (The browser test in
 * test/browser/order-form.test.ts does the same in Chromium, to the database.)
 */
const machineZone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
  document.body.innerHTML = '';
});

async function mountPicker(modelValue: Date | null, notBeforeToday = false) {
  const wrapper = mount(AllianceDateTimePicker, { props: { modelValue, notBeforeToday, 'data-test': 'due' }, attachTo: document.body });
  await flushPromises();
  return { wrapper, input: wrapper.find<HTMLInputElement>('input') };
}

describe('AllianceDateTimePicker', () => {
  it("shows an instant as Shanghai's wall clock, not the machine's", async () => {
    // 2026-03-01 23:30 in New York is 12:30 the next day in Shanghai.
    const { input } = await mountPicker(new Date('2026-03-02T04:30:00Z'));
    expect(new Date(2026, 2, 2).getHours()).toBe(0);
    expect(new Date('2026-03-02T04:30:00Z').getDate()).toBe(1);
    expect(input.element.value).toBe('2026-03-02 12:30');
  });

  it("takes what is typed as Shanghai's wall clock and gives the instant", async () => {
    const { wrapper, input } = await mountPicker(new Date('2026-03-02T04:30:00Z'));
    await input.setValue('2026-03-09 00:30');
    await input.trigger('keydown', { key: 'Enter', code: 'Enter' });
    await flushPromises();
    const emitted = wrapper.emitted('update:modelValue') as [Date | null][] | undefined;
    expect(emitted?.at(-1)?.[0]?.toISOString()).toBe('2026-03-08T16:30:00.000Z');
  });

  it("greys out the days before the alliance's today, whatever the machine's", async () => {
    const { wrapper } = await mountPicker(null, true);
    const disabled = wrapper.findComponent({ name: 'ElDatePicker' }).props('disabledDate') as (d: Date) => boolean;
    // A calendar cell is the machine's midnight of its day.
    const cell = (day: string) => new Date(`${day}T00:00:00`);
    expect(disabled(cell(allianceDayAhead(-1)))).toBe(true);
    expect(disabled(cell(allianceDayAhead(0)))).toBe(false);
    expect(disabled(cell(allianceDayAhead(1)))).toBe(false);
  });
});
