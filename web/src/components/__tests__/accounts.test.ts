import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { INVALID_REASON_LABELS } from '@alliance/shared';
import AccountFormDialog from '../account/AccountFormDialog.vue';
import AccountsView from '../../views/account/AccountsView.vue';
import { mountAs, user, type Handler } from '../../__tests__/mount';
import type { AccountFieldsFragment } from '../../gql/graphql';

// The confirmations (ElMessageBox) answer yes; the toasts stay real.
vi.mock('../../lib/feedback', async (original) => ({ ...(await original<typeof import('../../lib/feedback')>()), confirmAction: vi.fn(async () => true) }));

const zh = INVALID_REASON_LABELS['zh-CN'];
const body = () => document.body;
const input = (test: string, root: ParentNode = body()) =>
  root.querySelector<HTMLInputElement>(`[data-test="${test}"] input, input[data-test="${test}"]`)!;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
};
async function type(test: string, value: string) {
  const el = input(test);
  el.value = value;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new FocusEvent('blur'));
  await flushPromises();
}
async function click(test: string, root: ParentNode = body()) {
  root.querySelector<HTMLElement>(`[data-test="${test}"]`)!.click();
  await settle();
}
/** Picks an option of an Element Plus select by its text (the options render in the body). */
async function choose(test: string, text: string) {
  body().querySelector<HTMLElement>(`[data-test="${test}"] .el-select__wrapper`)!.click();
  await settle();
  // The open dropdown's: the search form's unit select offers the same units as the account form's.
  const open = (o: HTMLElement) => (o.closest('.el-popper') as HTMLElement | null)?.style.display !== 'none';
  const option = [...body().querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === text && open(o));
  if (!option) throw new Error(`no option ${text}`);
  option.click();
  await settle();
}
const errorOf = (test: string) => input(test).closest('.el-form-item')!.querySelector('.el-form-item__error')?.textContent?.trim() ?? null;
const mutations = <C extends { operationName: string }>(calls: C[]) => calls.filter((c) => !['Alliance', 'UnitNames', 'Accounts'].includes(c.operationName));

const UNITS = [
  { __typename: 'MemberUnit', id: 'unit-1', name: '海拉尔区松风小学', status: 'ACTIVE' },
  { __typename: 'MemberUnit', id: 'unit-2', name: '松林医院', status: 'ACTIVE' },
];
const account = (extra: Partial<AccountFieldsFragment> = {}): AccountFieldsFragment & { __typename: 'User' } => ({
  __typename: 'User',
  id: 'u-grid9',
  username: 'songshan-grid9',
  displayName: '高玉兰（第九网格）',
  role: 'GRID_WORKER',
  status: 'ACTIVE',
  mustChangePassword: false,
  phone: '13847000009',
  lastSignInAt: '2026-11-30T01:02:03Z',
  createdAt: '2026-01-01T00:00:00Z',
  disabledReason: null,
  disabledAt: null,
  unit: null,
  grid: { __typename: 'Grid', id: 'grid-2', name: '第二网格' } as AccountFieldsFragment['grid'],
  ...extra,
});
/** `accounts` answering one page of these accounts. */
const page = (nodes: ReturnType<typeof account>[]) => ({
  data: { accounts: { __typename: 'UserConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes } },
});
/** 账号管理 at /accounts (its filters are the route's query). */
async function openAccounts(me: ReturnType<typeof user>, handler: Handler, path = '/accounts') {
  const m = await mountAs({ template: '<router-view />' }, me, { handler, routes: [{ path: '/accounts', component: AccountsView }] });
  await m.router.push(path);
  await settle();
  return m;
}
const base: Handler = (op) => (op.operationName === 'UnitNames' ? { data: { memberUnits: { __typename: 'MemberUnitConnection', nodes: UNITS } } } : { data: {} });

beforeEach(() => {
  // happy-dom has no clipboard permission prompt: record what is written.
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => undefined) }, configurable: true });
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the create-account form', () => {
  it('checks with the shared validators before sending anything', async () => {
    const { calls } = await mountAs(AccountFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true }, handler: base });
    await type('account-username', 'Zhang San!');
    await type('account-phone', '12345');
    await click('account-save');
    expect(errorOf('account-username')).toBe(zh.INVALID_USERNAME);
    expect(errorOf('account-display-name')).toBe(zh.REQUIRED);
    // A unit liaison (the default role) needs a unit.
    expect(errorOf('account-unit')).toBe(zh.REQUIRED);
    expect(errorOf('account-phone')).toBe(zh.INVALID_PHONE);
    // Two letters are too short.
    await type('account-username', 'zs');
    await click('account-save');
    expect(errorOf('account-username')).toBe(zh.INVALID_USERNAME);
    // A grid worker needs a grid, not a unit.
    await choose('account-role', '网格员');
    await click('account-save');
    expect(body().querySelector('[data-test="account-unit"]')).toBeNull();
    expect(errorOf('account-grid')).toBe(zh.REQUIRED);
    expect(mutations(calls)).toEqual([]);
  });

  it("sends the lowercased username and the role's unit, and shows the server's DUPLICATE under the username", async () => {
    const handler: Handler = (op) =>
      op.operationName === 'CreateUser'
        ? { errors: [new GraphQLError('username: already taken', { extensions: { code: 'BAD_USER_INPUT', field: 'username', reason: 'DUPLICATE' } })] }
        : base(op);
    const { calls } = await mountAs(AccountFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true }, handler });
    await type('account-username', ' Li.Hua ');
    await type('account-display-name', '李华（松风小学）');
    await choose('account-unit', '海拉尔区松风小学');
    await type('account-phone', '13847001234');
    await click('account-save');
    expect(mutations(calls).map((c) => c.operationName)).toEqual(['CreateUser']);
    expect(mutations(calls)[0]!.variables.input).toEqual({
      username: 'li.hua',
      displayName: '李华（松风小学）',
      role: 'UNIT_ADMIN',
      unitId: 'unit-1',
      gridId: null,
      phone: '13847001234',
    });
    expect(errorOf('account-username')).toBe(zh.DUPLICATE);
    expect(input('account-display-name').value).toBe('李华（松风小学）');
    expect(body().querySelector('[data-test="account-form"]')).not.toBeNull();
  });
});

describe('the edit-account form', () => {
  it('sends only what changed; a new role takes its unit, and the dialog warns that the account is signed out', async () => {
    const handler: Handler = (op) => (op.operationName === 'UpdateUser' ? { data: { updateUser: account({ ...op.variables.input }) } } : base(op));
    const { calls, wrapper } = await mountAs(AccountFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true, account: account() }, handler });
    expect(input('account-username').disabled).toBe(true);
    expect(input('account-display-name').value).toBe('高玉兰（第九网格）');
    expect(body().querySelector('[data-test="binding-warning"]')).toBeNull();
    await choose('account-role', '成员单位联络员');
    expect(body().querySelector('[data-test="binding-warning"]')).not.toBeNull();
    await choose('account-unit', '松林医院');
    await type('account-phone', '');
    await click('account-save');
    expect(mutations(calls).map((c) => [c.operationName, c.variables])).toEqual([['UpdateUser', { id: 'u-grid9', input: { phone: null, role: 'UNIT_ADMIN', unitId: 'unit-2' } }]]);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('a name change alone is a patch of the name', async () => {
    const handler: Handler = (op) => (op.operationName === 'UpdateUser' ? { data: { updateUser: account({ displayName: op.variables.input.displayName }) } } : base(op));
    const { calls } = await mountAs(AccountFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true, account: account() }, handler });
    await type('account-display-name', '高玉兰（第二网格）');
    await click('account-save');
    expect(mutations(calls).map((c) => c.variables)).toEqual([{ id: 'u-grid9', input: { displayName: '高玉兰（第二网格）' } }]);
  });

  it("one's own role, unit and grid are not editable", async () => {
    const me = user('COMMITTEE_ADMIN', { id: 'u-committee' });
    await mountAs(AccountFormDialog, me, { props: { modelValue: true, account: account({ id: 'u-committee', role: 'COMMITTEE_ADMIN', grid: null }) }, handler: base });
    expect(input('account-role').disabled).toBe(true);
    expect(body().textContent).toContain('不能修改自己账号的角色、单位或网格');
  });
});

describe('the temporary password', () => {
  const created = account({ id: 'u-li', username: 'li.hua', displayName: '李华（松风小学）', role: 'UNIT_ADMIN', grid: null, unit: { __typename: 'MemberUnit', id: 'unit-1', name: '海拉尔区松风小学' } as AccountFieldsFragment['unit'], mustChangePassword: true, lastSignInAt: null });
  const handler: Handler = (op) => {
    if (op.operationName === 'Accounts') return page([account(), created]);
    if (op.operationName === 'CreateUser') return { data: { createUser: { __typename: 'CreatedUser', temporaryPassword: 'Kx7-pq2m-Vt9w', user: created } } };
    if (op.operationName === 'ResetUserPassword') return { data: { resetUserPassword: 'Rr4-new1-Zz8q' } };
    return base(op);
  };
  const occurrences = (text: string) => body().innerHTML.split(text).length - 1;

  it('is shown once after creating the account, with a copy button and what to do with it; closed, it is gone', async () => {
    await openAccounts(user('COMMITTEE_ADMIN'), handler);
    await click('new-account');
    await type('account-username', 'li.hua');
    await type('account-display-name', '李华（松风小学）');
    await choose('account-unit', '海拉尔区松风小学');
    await click('account-save');
    const dialog = body().querySelector('[data-test="temp-password-dialog"]')!;
    expect(dialog.querySelector('[data-test="temp-password"]')!.textContent).toBe('Kx7-pq2m-Vt9w');
    expect(dialog.querySelector('[data-test="temp-username"]')!.textContent).toBe('li.hua');
    expect(dialog.querySelector('[data-test="temp-password-note"]')!.textContent).toContain('只显示这一次');
    expect(dialog.querySelector('[data-test="temp-password-note"]')!.textContent).toContain('首次登录时必须修改');
    expect(occurrences('Kx7-pq2m-Vt9w')).toBe(1);
    await click('copy-password', dialog);
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('Kx7-pq2m-Vt9w');
    await click('temp-password-done', dialog);
    await settle();
    expect(occurrences('Kx7-pq2m-Vt9w')).toBe(0);
    // The list shows the new account, waiting for its first password change.
    const row = [...body().querySelectorAll('.el-table__row')].find((r) => r.textContent?.includes('li.hua'))!;
    expect(row.querySelector('[data-test="must-change"]')!.textContent).toBe('待修改临时密码');
    expect(row.querySelector('[data-test="account-row-last-sign-in"]')!.textContent).toBe('从未登录');
  });

  it('a reset shows the new temporary password once', async () => {
    const { calls } = await openAccounts(user('COMMITTEE_ADMIN'), handler);
    const row = [...body().querySelectorAll('.el-table__row')].find((r) => r.textContent?.includes('songshan-grid9'))!;
    await click('account-reset', row);
    expect(mutations(calls).map((c) => [c.operationName, c.variables])).toEqual([['ResetUserPassword', { id: 'u-grid9' }]]);
    const dialog = body().querySelector('[data-test="temp-password-dialog"]')!;
    expect(dialog.textContent).toContain('新的临时密码');
    expect(dialog.querySelector('[data-test="temp-password"]')!.textContent).toBe('Rr4-new1-Zz8q');
    await click('temp-password-done', dialog);
    await settle();
    expect(occurrences('Rr4-new1-Zz8q')).toBe(0);
  });
});

describe('the accounts list', () => {
  const accounts = [
    account({ id: 'u-committee', username: 'committee', displayName: '刘红梅（社区党委）', role: 'COMMITTEE_ADMIN', grid: null }),
    account(),
    account({ id: 'u-left', username: 'unit-left', displayName: '何晓东', role: 'UNIT_ADMIN', grid: null, status: 'DISABLED', disabledReason: '已调离' }),
  ];
  const me = user('COMMITTEE_ADMIN', { id: 'u-committee' });
  const filters = (calls: { operationName: string; variables: Record<string, unknown> }[]) =>
    calls.filter((c) => c.operationName === 'Accounts').map((c) => c.variables);

  it('shows status, the last sign-in in the alliance time zone, the total, and only the actions the committee may take', async () => {
    const handler: Handler = (op) => (op.operationName === 'Accounts' ? page(accounts) : base(op));
    await openAccounts(me, handler);
    const rows = [...body().querySelectorAll('[data-test="accounts-table"] .el-table__body .el-table__row')];
    const buttons = (r: Element) => [...r.querySelectorAll('[data-test^="account-"]:not([data-test^="account-row-"])')].map((b) => b.getAttribute('data-test'));
    expect(rows.map(buttons)).toEqual([['account-edit'], ['account-edit', 'account-reset', 'account-disable'], ['account-edit', 'account-reset', 'account-enable']]);
    expect(rows[1]!.querySelector('[data-status]')!.textContent).toBe('正常');
    expect(rows[2]!.querySelector('[data-status]')!.textContent).toBe('已停用');
    // 01:02 UTC is 09:02 in Asia/Shanghai.
    expect(rows[1]!.querySelector('[data-test="account-row-last-sign-in"]')!.textContent).toBe('2026-11-30 09:02');
    expect(rows[0]!.querySelector('[data-test="account-row-name"]')!.textContent).toContain('（本人）');
    expect(body().querySelector('[data-test="accounts-total"]')!.textContent).toBe('共 3 条');
  });

  it('查询 sends the search form to the server and keeps it in the URL; the URL alone restores it; 重置 clears both', async () => {
    const handler: Handler = (op) => (op.operationName === 'Accounts' ? page(accounts) : base(op));
    const { calls, router } = await openAccounts(me, handler);
    expect(filters(calls).at(-1)).toEqual({ filter: { search: null, role: null, status: null, unitId: null, gridId: null }, first: 20, after: null });
    await choose('search-role', '网格员');
    await choose('search-status', '已停用');
    await choose('search-unit', '松林医院');
    await type('search-keyword', '高玉兰');
    await click('search-submit');
    expect(filters(calls).at(-1)).toEqual({ filter: { search: '高玉兰', role: 'GRID_WORKER', status: 'DISABLED', unitId: 'unit-2', gridId: null }, first: 20, after: null });
    expect(router.currentRoute.value.query).toEqual({ keyword: '高玉兰', role: 'GRID_WORKER', status: 'DISABLED', unit: 'unit-2' });

    // A link with a grid (from a colleague, or a reload): the form and the query follow it.
    await router.push('/accounts?grid=grid-2&size=50');
    await settle();
    expect(filters(calls).at(-1)).toEqual({ filter: { search: null, role: null, status: null, unitId: null, gridId: 'grid-2' }, first: 50, after: null });
    expect(body().querySelector('[data-test="search-grid"]')!.textContent).toContain('第二网格');

    await click('search-reset');
    expect(router.currentRoute.value.query).toEqual({ size: '50' });
    expect(filters(calls).at(-1)).toMatchObject({ filter: { search: null, role: null, status: null, unitId: null, gridId: null } });
  });

  it('a filter matching nobody says so, not "no data"', async () => {
    const handler: Handler = (op) => (op.operationName === 'Accounts' ? page([]) : base(op));
    await openAccounts(me, handler, '/accounts?role=VIEWER');
    expect(body().querySelector('[data-test="accounts-table"]')!.textContent).toContain('没有符合条件的记录');
  });

  it('below 768 px: a card per account with its name, status, fields and actions', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
    try {
      const handler: Handler = (op) => (op.operationName === 'Accounts' ? page(accounts) : base(op));
      await openAccounts(me, handler);
      expect(body().querySelector('[data-test="accounts-table"]')).toBeNull();
      const cards = [...body().querySelectorAll('[data-test="accounts-cards"] [data-test="list-card"]')];
      expect(cards).toHaveLength(3);
      expect(cards[1]!.querySelector('.card-title')!.textContent).toContain('高玉兰（第九网格）');
      expect(cards[1]!.querySelector('.card-status [data-status]')!.textContent).toBe('正常');
      expect(cards[1]!.querySelector('.card-fields')!.textContent).toContain('第二网格');
      expect([...cards[2]!.querySelectorAll('.card-actions [data-test^="account-"]')].map((b) => b.getAttribute('data-test'))).toEqual(['account-edit', 'account-reset', 'account-enable']);
    } finally {
      window.matchMedia = real;
    }
  });
});
