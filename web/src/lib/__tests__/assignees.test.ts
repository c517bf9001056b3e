import { describe, expect, it } from 'vitest';
import type { Role } from '@alliance/shared';
import { ASSIGNEE_ROLES, assigneeGroups } from '../assignees';

const u = (id: string, role: Role, extra: { grid?: string; unit?: string } = {}) => ({
  id,
  role,
  grid: extra.grid ? { id: extra.grid } : null,
  unit: extra.unit ? { id: extra.unit } : null,
});

// As the server lists them: by role, then display name.
const USERS = [
  u('committee', 'COMMITTEE_ADMIN'),
  u('grid1', 'GRID_WORKER', { grid: 'g1' }),
  u('grid1b', 'GRID_WORKER', { grid: 'g1' }),
  u('grid2', 'GRID_WORKER', { grid: 'g2' }),
  u('school', 'UNIT_ADMIN', { unit: 'unit-school' }),
  u('hospital', 'UNIT_ADMIN', { unit: 'unit-hospital' }),
  u('power', 'UNIT_ADMIN', { unit: 'unit-power' }),
  u('lawyer', 'UNIT_ADMIN', { unit: 'unit-law' }),
  u('viewer', 'VIEWER'),
];
const need = {
  grid: { id: 'g1' },
  claimedBy: [{ id: 'unit-power' }],
  orderedProjects: [{ unit: { id: 'unit-hospital' } }, { unit: { id: 'unit-power' } }],
};
const shape = (groups: ReturnType<typeof assigneeGroups>) => groups.map((g) => [g.key, g.options.map((o) => (o.reasons.length ? `${o.user.id}:${o.reasons.join('+')}` : o.user.id))]);

describe('who the assign dialog offers', () => {
  it('the assignee roles come from NEED_LIFECYCLE.resolve: everyone but a viewer', () => {
    expect(ASSIGNEE_ROLES).toEqual(['COMMITTEE_ADMIN', 'UNIT_ADMIN', 'GRID_WORKER']);
  });

  it("the need's grid workers, then the claiming units, then the ordered units; then everyone else by role", () => {
    expect(shape(assigneeGroups(USERS, need))).toEqual([
      ['suggested', ['grid1:grid', 'grid1b:grid', 'power:claimed+ordered', 'hospital:ordered']],
      ['COMMITTEE_ADMIN', ['committee']],
      ['UNIT_ADMIN', ['school', 'lawyer']],
      ['GRID_WORKER', ['grid2']],
    ]);
  });

  it('never a viewer, nobody twice, no empty group', () => {
    const groups = assigneeGroups([...USERS, u('grid1', 'GRID_WORKER', { grid: 'g1' })], { grid: { id: 'g9' }, claimedBy: [], orderedProjects: [] });
    expect(shape(groups)).toEqual([
      ['COMMITTEE_ADMIN', ['committee']],
      ['UNIT_ADMIN', ['school', 'hospital', 'power', 'lawyer']],
      ['GRID_WORKER', ['grid1', 'grid1b', 'grid2']],
    ]);
    expect(assigneeGroups([u('viewer', 'VIEWER')], need)).toEqual([]);
  });

  it('a reason belongs to the role it describes: a committee user with a unit is not suggested for it', () => {
    const groups = assigneeGroups([u('c2', 'COMMITTEE_ADMIN', { unit: 'unit-power', grid: 'g1' })], need);
    expect(shape(groups)).toEqual([['COMMITTEE_ADMIN', ['c2']]]);
  });
});
