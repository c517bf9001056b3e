import { describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../i18n';
import { notificationText } from '../notification-text';

const say = (n: { kind: string; params: Record<string, unknown> }, me: string | null) => {
  const { key, params } = notificationText(n, me);
  return i18n.global.t(key, params);
};

describe('what a notification says', () => {
  it('an assignment: "派给您" to the assignee, "贵单位参与办理" to the delivering units\' liaisons', async () => {
    await setLocale('zh-CN');
    const n = { kind: 'NEED_ASSIGNED', params: { title: '5号楼楼道灯坏了', reason: null, assigneeId: 'u-grid1' } };
    expect(say(n, 'u-grid1')).toBe('需求「5号楼楼道灯坏了」已派给您');
    expect(say(n, 'u-liaison')).toBe('需求「5号楼楼道灯坏了」已派单，贵单位参与办理');
    expect(say({ ...n, kind: 'NEED_REASSIGNED' }, 'u-liaison')).toBe('需求「5号楼楼道灯坏了」已改派责任人，贵单位继续参与办理');
    // Written before the assignee was kept: as it always read.
    expect(say({ kind: 'NEED_ASSIGNED', params: { title: '漏水' } }, 'u-liaison')).toBe('需求「漏水」已派给您');
    await setLocale('en');
    expect(say(n, 'u-liaison')).toBe('Need "5号楼楼道灯坏了" has been assigned; your unit takes part');
    await setLocale('zh-CN');
  });

  it('other kinds: their own message, a date shown as its day', async () => {
    await setLocale('zh-CN');
    expect(say({ kind: 'AGREEMENT_EXPIRING', params: { unit: '松风小学', validUntil: '2026-12-31T00:00:00.000Z' } }, null)).toBe('松风小学 的共建协议将于 2026-12-31 到期');
  });
});
