import { describe, expect, it } from 'vitest';
import { homeOf, router } from '../index';

describe('where each role lands', () => {
  it('the committee on its queues, those who work on needs on 我的待办, the viewer on the dashboard', () => {
    expect(homeOf('COMMITTEE_ADMIN')).toBe('committeeQueues');
    expect(homeOf('UNIT_ADMIN')).toBe('myTasks');
    expect(homeOf('GRID_WORKER')).toBe('myTasks');
    expect(homeOf('VIEWER')).toBe('dashboard');
    expect(homeOf(null)).toBe('dashboard');
  });

  it('the queues are the committee\'s route only', () => {
    const route = router.resolve({ name: 'committeeQueues' });
    expect(route.path).toBe('/needs/queues');
    expect(route.meta.roles).toEqual(['COMMITTEE_ADMIN']);
  });
});
