import { describe, expect, it } from 'vitest';
import { chartTurn } from '../chart-turns';

describe('chart turns (the dashboard draws one chart per task)', () => {
  it('grants the turns in the order asked, never two in the same task', async () => {
    const granted: number[] = [];
    const turns = [1, 2, 3].map((n) => chartTurn().then(() => granted.push(n)));
    await turns[0];
    // The first chart draws now; the second waits for another paint and task.
    expect(granted).toEqual([1]);
    await turns[1];
    expect(granted).toEqual([1, 2]);
    await Promise.all(turns);
    expect(granted).toEqual([1, 2, 3]);
  });

  it('does not grant a turn in the task that asked for it', async () => {
    let granted = false;
    void chartTurn().then(() => (granted = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(granted).toBe(false);
  });
});
