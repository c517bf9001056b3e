import { afterEach, describe, expect, it } from 'vitest';
import NeedProgress from '../needs/NeedProgress.vue';
import { mountAs, user } from '../../__tests__/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

const states = (root: Element) => [...root.querySelectorAll('[data-step]')].map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')]);

describe('NeedProgress (the five steps on a need card and page)', () => {
  it('names the five steps and marks those done, the current one and those to come', async () => {
    const { wrapper } = await mountAs(NeedProgress, user('VIEWER'), { props: { status: 'IN_PROGRESS' } });
    const root = wrapper.find('[data-test="need-progress"]').element;
    expect([...root.querySelectorAll('.name')].map((n) => n.textContent)).toEqual(['提问题', '开单子', '定方案', '领任务', '跑回访']);
    expect(states(root)).toEqual([
      ['report', 'done'],
      ['order', 'done'],
      ['plan', 'done'],
      ['take', 'current'],
      ['visit', 'todo'],
    ]);
    expect(root.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe('take');
    expect(root.getAttribute('aria-label')).toBe('办理进度：领任务（第 4 步，共 5 步）');
  });

  it('shows a rejected need stopped at 提问题 and a closed one done, compact on a card, in English too', async () => {
    const rejected = await mountAs(NeedProgress, user('VIEWER'), { props: { status: 'REJECTED', compact: true } });
    const root = rejected.wrapper.find('[data-test="need-progress"]').element;
    expect(states(root)).toEqual([
      ['report', 'stopped'],
      ['order', 'todo'],
      ['plan', 'todo'],
      ['take', 'todo'],
      ['visit', 'todo'],
    ]);
    // Compact: no visible names, but each step still has one for a screen reader.
    expect(root.querySelectorAll('.name').length).toBe(0);
    expect(root.querySelectorAll('.sr-only').length).toBe(5);
    expect(root.getAttribute('aria-label')).toBe('办理进度：止于提问题');
    rejected.wrapper.unmount();

    const closed = await mountAs(NeedProgress, user('VIEWER'), { props: { status: 'CLOSED' }, locale: 'en' });
    const el = closed.wrapper.find('[data-test="need-progress"]').element;
    expect(states(el).map(([, s]) => s)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(el.getAttribute('aria-label')).toBe('Progress: all steps done');
    expect(el.querySelector('.name')?.textContent).toBe('Report');
  });
});
