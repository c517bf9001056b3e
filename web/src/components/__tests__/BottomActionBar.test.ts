import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import BottomActionBar from '../BottomActionBar.vue';
import { mountAs, user } from '../../__tests__/mount';

const real = window.matchMedia;
afterEach(() => {
  window.matchMedia = real;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});
const screen = (phone: boolean) => {
  window.matchMedia = ((q: string) => ({ matches: phone && q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
};

/** A ResizeObserver the test drives: `resize()` reports every observed element. */
function fakeResizeObserver() {
  const observers: { cb: () => void; els: Element[] }[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      private entry: { cb: () => void; els: Element[] };
      constructor(cb: () => void) {
        this.entry = { cb, els: [] };
        observers.push(this.entry);
      }
      observe(el: Element) {
        this.entry.els.push(el);
      }
      disconnect() {
        this.entry.els = [];
      }
    },
  );
  return { resize: () => observers.forEach((o) => o.els.length && o.cb()) };
}

const Page = defineComponent({
  props: { buttons: { type: Number, default: 2 } },
  setup: (props) => () =>
    h(BottomActionBar, null, {
      default: () => h('div', { class: 'actions' }, Array.from({ length: props.buttons }, (_, i) => h('button', { 'data-test': `b${i}` }, `按钮${i}`))),
    }),
});

describe('BottomActionBar: the page\'s buttons where the thumb is', () => {
  it('on a phone: fixed at the bottom, the layout told its height (the space kept under the page) until it goes', async () => {
    screen(true);
    const ro = fakeResizeObserver();
    const { wrapper } = await mountAs(Page, user('UNIT_ADMIN'));
    const bar = wrapper.find('[data-test="action-bar"]');
    expect(bar.classes()).toContain('is-phone');
    expect(bar.attributes('role')).toBe('toolbar');
    expect(bar.attributes('aria-label')).toBe('操作');
    expect(bar.findAll('button').map((b) => b.text())).toEqual(['按钮0', '按钮1']);
    // Two rows of buttons: 104 px kept free under the page.
    const kept = () => document.documentElement.style.getPropertyValue('--action-bar-height');
    Object.defineProperty(bar.element, 'offsetHeight', { configurable: true, value: 104 });
    ro.resize();
    await nextTick();
    expect(kept()).toBe('104px');
    // No button left (the bar is hidden): no space.
    Object.defineProperty(bar.element, 'offsetHeight', { configurable: true, value: 0 });
    ro.resize();
    expect(kept()).toBe('');
    Object.defineProperty(bar.element, 'offsetHeight', { configurable: true, value: 56 });
    ro.resize();
    expect(kept()).toBe('56px');
    // Leaving the page gives the space back.
    wrapper.unmount();
    expect(kept()).toBe('');
  });

  it('on a desk: in place, no space kept', async () => {
    screen(false);
    const { wrapper } = await mountAs(Page, user('COMMITTEE_ADMIN'));
    expect(wrapper.find('[data-test="action-bar"]').classes()).not.toContain('is-phone');
    expect(document.documentElement.style.getPropertyValue('--action-bar-height')).toBe('');
    expect(wrapper.findAll('[data-test="action-bar"] button')).toHaveLength(2);
  });
});
