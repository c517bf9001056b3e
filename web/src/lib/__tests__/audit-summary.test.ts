import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { subjectName, subjectRoute, summaryLines, type AuditEntryLike, type SummaryLookups } from '../audit-summary';
import { allianceDateTime } from '../time';

const lookups: SummaryLookups = {
  units: new Map([['unit-1', '海拉尔区松风小学']]),
  grids: new Map([['grid-1', '第一网格']]),
  users: new Map([['u-li', '李华（松风小学）']]),
};
const entry = (subjectType: string, summary: Record<string, unknown>, subjectId = 'u-li'): AuditEntryLike => ({ subjectType, subjectId, summary });
/** The lines as read: "label: value" or "label: before → after". */
const read = (e: AuditEntryLike) => summaryLines(e, lookups).map((l) => (l.value !== undefined ? `${l.label}：${l.value}` : `${l.label}：${l.before} → ${l.after}`));

afterEach(() => setLocale('zh-CN'));

describe('an audit summary reads as sentences, not JSON', () => {
  it('an account change: each field before → after, with labels and names for codes and ids', async () => {
    const e = entry('USER', { before: { role: 'GRID_WORKER', gridId: 'grid-1', unitId: null }, after: { role: 'UNIT_ADMIN', gridId: null, unitId: 'unit-1' } });
    expect(read(e)).toEqual(['角色：网格员 → 成员单位联络员', '所属单位：— → 海拉尔区松风小学', '所属网格：第一网格 → —']);
    await setLocale('en');
    expect(summaryLines(e, lookups)).toEqual([
      { key: 'role', label: 'Role', before: 'Grid worker', after: 'Unit liaison' },
      { key: 'unitId', label: 'Unit', before: '—', after: '海拉尔区松风小学' },
      { key: 'gridId', label: 'Grid', before: '第一网格', after: '—' },
    ]);
  });

  it('a created account: what it was created with (no empty fields), in a sensible order whatever the JSON order', () => {
    // As PostgreSQL's jsonb returns it: shortest keys first.
    const e = entry('USER', { after: { role: 'UNIT_ADMIN', phone: '138****1234', gridId: null, status: 'ACTIVE', unitId: 'unit-1', username: 'li.hua', displayName: '李华（松风小学）' } });
    expect(read(e)).toEqual(['用户名：li.hua', '姓名：李华（松风小学）', '角色：成员单位联络员', '所属单位：海拉尔区松风小学', '联系电话：138****1234', '状态：正常']);
  });

  it('a disabled account: the status change and the reason; a failed sign-in: why', () => {
    expect(read(entry('USER', { after: { status: 'DISABLED' }, before: { status: 'ACTIVE' }, reason: '已调离松风小学' }))).toEqual(['状态：正常 → 已停用', '原因：已调离松风小学']);
    expect(read(entry('USER', { why: 'DISABLED', username: 'unit-left' }))).toEqual(['用户名：unit-left', '原因：账号已停用']);
    expect(read(entry('USER', { username: 'unit1', why: 'WRONG_PASSWORD' }))).toEqual(['用户名：unit1', '原因：密码错误']);
  });

  it("statuses read with the subject's own labels; the title is the subject, not a line", () => {
    const need = entry('NEED', { title: '5号楼楼道灯坏了', before: { status: 'PLANNED', assigneeId: null }, after: { status: 'IN_PROGRESS', assigneeId: 'u-li', assigneeName: '李华' } }, 'n1');
    expect(read(need)).toEqual(['状态：定方案 → 领任务', '承办人：— → 李华']);
    expect(subjectName(need, lookups)).toBe('5号楼楼道灯坏了');
    expect(subjectRoute(need)).toEqual({ name: 'need', params: { id: 'n1' } });
    const plan = entry('NEED', { before: { status: 'ORDERED' }, after: { status: 'PLANNED', plan: '更换声控灯', dueAt: '2026-12-01T10:00:00.000Z' } }, 'n1');
    expect(read(plan)).toEqual(['状态：开单子 → 定方案', '办理方案：— → 更换声控灯', '办结时限：— → 2026-12-01 18:00']);
    expect(read(entry('SHELF_PROJECT', { title: 'x', before: { status: 'PENDING_REVIEW' }, after: { status: 'ON_SHELF' }, comment: '同意' }))).toEqual(['状态：待审核 → 已上架', '意见：同意']);
  });

  it("a unit's and a room's entries: their kinds read with their own labels, the unit's contact first", () => {
    expect(read(entry('MEMBER_UNIT', { after: { status: 'ACTIVE', kind: 'PUBLIC_INSTITUTION', name: '松风小学', contactPhone: '139****5678', contactName: '王芳' } }, 'unit-9'))).toEqual([
      '名称：松风小学',
      '类型：事业单位',
      '联系人：王芳',
      '联系电话：139****5678',
      '状态：正常',
    ]);
    const room = entry('VENUE', { title: '书画室', before: { kind: 'OTHER', capacity: 20, closesAt: '17:30' }, after: { kind: 'READING', capacity: 12, closesAt: '16:00' } }, 'v1');
    expect(read(room)).toEqual(['类型：其他 → 阅览室', '容纳人数：20 → 12', '关门时间：17:30 → 16:00']);
    expect(subjectName(room, lookups)).toBe('书画室');
  });

  it('lists and nested objects become short phrases; unknown keys stay visible', () => {
    const points = entry('ACTIVITY', { source: 'ACTIVITY_COMPLETED', pointsEach: 10, total: 20, units: [{ id: 'unit-1', name: '松风小学' }, { id: 'unit-2', name: '松林医院' }] }, 'a1');
    expect(read(points)).toEqual(['来源：完成联建活动', '单位：松风小学、松林医院', '每个单位积分：10', '合计积分：20']);
    const outcome = entry('ACTIVITY', { outcome: { participants: 30, volunteerHours: 12.5, beneficiaries: 80 }, somethingNew: true }, 'a1');
    expect(read(outcome)).toEqual(['活动成效：参与人数 30、志愿服务时长 12.5、受益人次 80', 'somethingNew：是']);
  });

  it('an account subject is named by the accounts list, else by the username the entry kept', () => {
    expect(subjectName(entry('USER', { username: 'li.hua' }), lookups)).toBe('李华（松风小学） · li.hua');
    expect(subjectName(entry('USER', { username: 'gone.user' }, 'u-gone'), lookups)).toBe('gone.user');
    expect(subjectRoute(entry('USER', {}))).toBeNull();
  });
});

describe('times are the alliance time zone', () => {
  it('UTC instants show as Asia/Shanghai wall-clock time', () => {
    expect(allianceDateTime('2026-11-30T16:05:09Z', true)).toBe('2026-12-01 00:05:09');
    expect(allianceDateTime('2026-11-30T01:02:03Z')).toBe('2026-11-30 09:02');
    expect(allianceDateTime(null)).toBe('');
    expect(allianceDateTime('not a date')).toBe('');
  });
});
