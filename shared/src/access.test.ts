import { describe, expect, it } from 'vitest';
import { maskLocation, maskPersonName, maskResidentText, seesRequesterPhone, type NeedParties } from './access.js';
import type { NeedStatus } from './enums.js';

describe("a resident's phone: who sees it in clear", () => {
  const need = (status: NeedStatus = 'IN_PROGRESS', extra: Partial<NeedParties> = {}): NeedParties => ({
    status,
    gridId: 'grid-1',
    assigneeId: 'assignee',
    deliveringUnitIds: ['unit-1'],
    ...extra,
  });
  const committee = { role: 'COMMITTEE_ADMIN' as const, userId: 'c' };
  const grid1 = { role: 'GRID_WORKER' as const, userId: 'g1', gridId: 'grid-1' };
  const grid2 = { role: 'GRID_WORKER' as const, userId: 'g2', gridId: 'grid-2' };
  const unit1 = { role: 'UNIT_ADMIN' as const, userId: 'u1', unitId: 'unit-1' };
  const unit2 = { role: 'UNIT_ADMIN' as const, userId: 'u2', unitId: 'unit-2' };
  const viewer = { role: 'VIEWER' as const, userId: 'v' };

  it('the committee, the grid workers of the grid, the assignee, the delivering units while open', () => {
    expect([committee, grid1, grid2, unit1, unit2, viewer].map((a) => seesRequesterPhone(a, need()))).toEqual([true, true, false, true, false, false]);
    // The assignee, whatever the role and grid.
    expect(seesRequesterPhone(grid2, need('IN_PROGRESS', { assigneeId: 'g2' }))).toBe(true);
    expect(seesRequesterPhone(unit2, need('RESOLVED', { assigneeId: 'u2' }))).toBe(true);
    // A delivering unit only while the need is open.
    for (const st of ['RESOLVED', 'CLOSED', 'REJECTED'] as const) expect(seesRequesterPhone(unit1, need(st)), st).toBe(false);
    for (const st of ['ACCEPTED', 'ORDERED', 'PLANNED'] as const) expect(seesRequesterPhone(unit1, need(st)), st).toBe(true);
    // A unit admin without a unit, a grid worker without a grid: masked.
    expect(seesRequesterPhone({ role: 'UNIT_ADMIN', userId: 'x', unitId: null }, need())).toBe(false);
    expect(seesRequesterPhone({ role: 'GRID_WORKER', userId: 'x', gridId: null }, need())).toBe(false);
    expect(seesRequesterPhone(viewer, need('IN_PROGRESS', { assigneeId: null }))).toBe(false);
  });
});

describe('masking for the viewer', () => {
  it('names: the surname, a compound one kept whole, then **', () => {
    expect(maskPersonName('王秀英')).toBe('王**');
    expect(maskPersonName('王五')).toBe('王**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳**');
    expect(maskPersonName('诸葛亮')).toBe('诸葛**');
    // Two characters: a one-character surname and a given name, even when they spell a compound surname.
    expect(maskPersonName('欧阳')).toBe('欧**');
    expect(maskPersonName('  李  ')).toBe('李**');
  });

  it('locations: up to the building, else a part of it', () => {
    expect(maskLocation('松山小区3号楼2单元501')).toBe('松山小区3号楼');
    expect(maskLocation('松山小区12栋3单元')).toBe('松山小区12栋');
    expect(maskLocation('康馨园5幢201')).toBe('康馨园5幢');
    expect(maskLocation('3号楼2单元')).toBe('3号楼');
    // The first marker wins: 号楼 before 栋.
    expect(maskLocation('松山小区3号楼东栋')).toBe('松山小区3号楼');
    // No building: at most 6 characters and never more than half.
    expect(maskLocation('健康街道松山路12号院')).toBe('健康街道松**');
    expect(maskLocation('呼伦贝尔市海拉尔区健康街道松山路')).toBe('呼伦贝尔市海**');
    expect(maskLocation('松山路12号')).toBe('松山路**');
    expect(maskLocation('菜市场门口')).toBe('菜市**');
  });

  it("texts: the resident's name and phone wherever they occur", () => {
    const resident = { name: '王秀英', phone: '13912345678' };
    expect(maskResidentText('王秀英（13912345678）反映：王秀英家楼道灯坏了，请拨139 1234 5678或139-1234-5678', resident)).toBe(
      '王**（139****5678）反映：王**家楼道灯坏了，请拨139****5678或139****5678',
    );
    expect(maskResidentText('楼道灯坏了', resident)).toBe('楼道灯坏了');
    expect(maskResidentText('联系欧阳娜娜 0470-8212345', { name: '欧阳娜娜', phone: '0470-8212345' })).toBe('联系欧阳** 047****2345');
    // Characters special to regular expressions are taken literally.
    expect(maskResidentText('张(三)说', { name: '张(三)', phone: '13800000000' })).toBe('张**说');
  });
});
