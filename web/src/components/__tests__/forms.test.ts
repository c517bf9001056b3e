import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { INVALID_REASON_LABELS, LIMITS, creditCodeCheckChar } from '@alliance/shared';
import UnitFormDialog from '../units/UnitFormDialog.vue';
import NeedReportView from '../../views/needs/NeedReportView.vue';
import { mountAs, user } from '../../__tests__/mount';
import * as rules from '../../lib/rules';

const zh = INVALID_REASON_LABELS['zh-CN'];
const body = () => document.body;
const input = (test: string) => body().querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-test="${test}"] input, [data-test="${test}"] textarea, input[data-test="${test}"], textarea[data-test="${test}"]`)!;
// Element Plus shows a form item's error 100 ms after it is set (refDebounced).
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
async function click(test: string) {
  body().querySelector<HTMLElement>(`[data-test="${test}"]`)!.click();
  await settle();
}
const errors = () => [...body().querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim());

afterEach(() => {
  document.body.innerHTML = '';
});

/** A valid credit code built with the shared check-character function. */
const VALID_CODE = '91150700MA0N' + '12345';
const validCreditCode = VALID_CODE + creditCodeCheckChar(VALID_CODE);

describe('form rules are the shared validators', () => {
  const check = (rule: ReturnType<typeof rules.phone>, value: unknown) =>
    new Promise<string | null>((resolve) =>
      (rule.validator as (r: unknown, v: unknown, cb: (e?: Error) => void) => void)({}, value, (e) => resolve(e ? e.message : null)),
    );

  it('phones, credit codes, text and ranges', async () => {
    expect(await check(rules.phone(), '13812345678')).toBeNull();
    expect(await check(rules.phone(), '0470-8212345')).toBeNull();
    expect(await check(rules.phone(), '12345')).toBe(zh.INVALID_PHONE);
    expect(await check(rules.phone(), '')).toBe(zh.REQUIRED);
    expect(await check(rules.phone(false), '')).toBeNull();
    expect(await check(rules.creditCode(), validCreditCode)).toBeNull();
    expect(await check(rules.creditCode(), validCreditCode.slice(0, 17) + (validCreditCode[17] === '0' ? '1' : '0'))).toBe(zh.INVALID_CREDIT_CODE);
    expect(await check(rules.text({ max: 5, required: true }), '  ')).toBe(zh.REQUIRED);
    expect(await check(rules.text({ max: 5, required: true }), '楼道灯坏了啊')).toBe(zh.TOO_LONG);
    expect(await check(rules.text({ max: 50 }), 'a\u0007b')).toBe(zh.CONTROL_CHARACTERS);
    expect(await check(rules.intRange({ min: 1, max: 5 }), 6)).toBe(zh.OUT_OF_RANGE);
    expect(await check(rules.intRange({ min: 1, max: 5 }), 2.5)).toBe(zh.NOT_AN_INTEGER);
    expect(await check(rules.intRange({ min: 1, max: 5 }, false), null)).toBeNull();
    expect(await check(rules.after(() => '2025-01-02'), '2025-01-01')).toBe(zh.DATE_ORDER);
    expect(await check(rules.numberRange({ min: 0, max: 10 }), 2.5)).toBeNull();
    expect(await check(rules.numberRange({ min: 0, max: 10 }), 10.5)).toBe(zh.OUT_OF_RANGE);
    expect(await check(rules.numberRange({ min: 0, max: 10 }), Number.NaN)).toBe(zh.OUT_OF_RANGE);
    expect(await check(rules.numberRange({ min: 0, max: 10 }), null)).toBe(zh.REQUIRED);
  });
});

describe('the outcome form', () => {
  it("takes its ranges from the shared LIMITS.outcome (the server's)", async () => {
    const { default: OutcomeDialog } = await import('../activities/OutcomeDialog.vue');
    await mountAs(OutcomeDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true, fieldErrors: {} } });
    for (const [test, range] of [
      ['outcome-participants', LIMITS.outcome.participants],
      ['outcome-hours', LIMITS.outcome.volunteerHours],
      ['outcome-beneficiaries', LIMITS.outcome.beneficiaries],
    ] as const) {
      expect([input(test).getAttribute('min'), input(test).getAttribute('max')]).toEqual([String(range.min), String(range.max)]);
    }
  });

  it('sends a valid outcome and refuses one without a summary', async () => {
    const { default: OutcomeDialog } = await import('../activities/OutcomeDialog.vue');
    const { wrapper } = await mountAs(OutcomeDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true, fieldErrors: {} } });
    await click('outcome-confirm');
    expect(errors()).toContain(zh.REQUIRED);
    expect(wrapper.emitted('submit')).toBeUndefined();
    await type('outcome-summary', '  为老人理发30人次 ');
    await click('outcome-confirm');
    expect(wrapper.emitted('submit')).toEqual([[{ participants: 0, volunteerHours: 0, beneficiaries: 0, summary: '为老人理发30人次' }]]);
  });
});

describe('the unit form', () => {
  it('refuses a bad phone and credit code before sending anything', async () => {
    const { calls } = await mountAs(UnitFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true } });
    await type('unit-name', '海拉尔区新时代文明实践站');
    await type('unit-credit-code', '123');
    await type('unit-contact-name', '王老师');
    await type('unit-contact-phone', '1234');
    await click('unit-save');
    expect(errors()).toEqual(expect.arrayContaining([zh.INVALID_CREDIT_CODE, zh.INVALID_PHONE]));
    expect(calls).toHaveLength(0);
  });

  it("shows the server's BAD_USER_INPUT next to its field and keeps what was typed", async () => {
    const { calls } = await mountAs(UnitFormDialog, user('COMMITTEE_ADMIN'), {
      props: { modelValue: true },
      handler: () => ({ errors: [new GraphQLError('name: DUPLICATE', { extensions: { code: 'BAD_USER_INPUT', field: 'name', reason: 'DUPLICATE' } })] }),
    });
    await type('unit-name', '松林医院');
    await type('unit-credit-code', validCreditCode);
    await type('unit-contact-name', '王老师');
    await type('unit-contact-phone', '13812345678');
    await click('unit-save');
    expect(calls.map((c) => c.operationName)).toEqual(['CreateMemberUnit']);
    expect(calls[0]!.variables.input).toMatchObject({ name: '松林医院', creditCode: validCreditCode, contactPhone: '13812345678' });
    const nameItem = input('unit-name').closest('.el-form-item')!;
    expect(nameItem.querySelector('.el-form-item__error')?.textContent?.trim()).toBe(zh.DUPLICATE);
    expect(input('unit-name').value).toBe('松林医院');
    expect(input('unit-contact-phone').value).toBe('13812345678');
  });

  it('a unit admin may change only the contact fields of its own unit', async () => {
    const unit = {
      __typename: 'MemberUnit' as const,
      id: 'unit-1',
      name: '松林医院',
      kind: 'PUBLIC_INSTITUTION' as const,
      creditCode: validCreditCode,
      partyOrgName: '松林医院党支部',
      partyMemberCount: 30,
      contactName: '李医生',
      contactPhone: '13900001111',
      address: '松山路1号',
      status: 'ACTIVE' as const,
      joinedAt: '2020-01-01',
      points: 10,
      version: 3,
      agreement: null,
    };
    const { calls } = await mountAs(UnitFormDialog, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松林医院' } }), {
      props: { modelValue: true, unit },
      handler: () => ({ data: { updateMemberUnit: { ...unit, contactPhone: '13900002222', version: 4 } } }),
    });
    expect(input('unit-name').disabled).toBe(true);
    expect(input('unit-credit-code').disabled).toBe(true);
    expect(input('unit-contact-phone').disabled).toBe(false);
    await type('unit-contact-phone', '13900002222');
    await click('unit-save');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables).toEqual({ id: 'unit-1', version: 3, input: { contactName: '李医生', contactPhone: '13900002222', address: '松山路1号' } });
  });
});

describe("the grid worker's report form", () => {
  it('validates with the shared rules and sends a trimmed input', async () => {
    const { calls } = await mountAs(NeedReportView, user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } }), {
      handler: () => ({ errors: [new GraphQLError('x', { extensions: { code: 'FORBIDDEN' } })] }),
    });
    await click('need-submit');
    expect(errors()).toEqual(expect.arrayContaining([zh.REQUIRED]));
    expect(calls.filter((c) => c.operationName === 'ReportNeed')).toHaveLength(0);

    await type('need-title', '  3号楼楼道灯坏了 ');
    await type('need-description', '晚上楼道没有照明');
    await type('need-requester', '张大爷');
    await type('need-phone', '138');
    await click('need-submit');
    expect(errors()).toContain(zh.INVALID_PHONE);
    expect(calls.filter((c) => c.operationName === 'ReportNeed')).toHaveLength(0);

    await type('need-phone', '13812345678');
    await click('need-submit');
    const sent = calls.filter((c) => c.operationName === 'ReportNeed');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.variables.input).toMatchObject({ title: '3号楼楼道灯坏了', gridId: 'grid-1', requesterPhone: '13812345678', location: null });
    // FORBIDDEN from the server: a message, and the form keeps its text.
    expect(body().textContent).toContain('您没有权限执行此操作');
    expect(input('need-title').value).toBe('  3号楼楼道灯坏了 ');
  });
});

describe('a stale version', () => {
  it('offers to reload, keeps what was typed, and saves with the fresh version', async () => {
    const { default: ProjectFormDialog } = await import('../shelf/ProjectFormDialog.vue');
    const project = {
      __typename: 'ShelfProject',
      id: 'p1',
      title: '法律咨询',
      description: '每月一次',
      status: 'DRAFT',
      reviewComment: null,
      capacityPerMonth: null,
      tags: [],
      orderCount: 0,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      version: 4,
      category: { __typename: 'ServiceCategory', id: 'c1', code: 'PARTY_MASS_SERVICE', name: '党群服务' },
      unit: { __typename: 'MemberUnit', id: 'unit-1', name: '青原律师事务所' },
    } as const;
    let stale = true;
    const { wrapper, calls } = await mountAs(ProjectFormDialog, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '青原律师事务所' } }), {
      props: { modelValue: true, project: project as never },
      handler: (op) => {
        if (stale) return { errors: [new GraphQLError('stale version', { extensions: { code: 'CONFLICT' } })] };
        return { data: { updateShelfProject: { ...project, title: op.variables.input.title, version: 6 } } };
      },
    });
    await type('project-title', '法律咨询（每月两次）');
    await click('project-save');
    const box = body().querySelector('.el-message-box')!;
    expect(box.textContent).toContain('请刷新后重试');
    const reload = [...box.querySelectorAll('button')].find((b) => b.textContent?.includes('重新加载'))!;
    reload.click();
    await flushPromises();
    expect(wrapper.emitted('reload')).toHaveLength(1);
    // The page reloads the project: a new version arrives, the typed title stays.
    stale = false;
    await wrapper.setProps({ project: { ...project, version: 5 } as never });
    expect(input('project-title').value).toBe('法律咨询（每月两次）');
    await click('project-save');
    const updates = calls.filter((c) => c.operationName === 'UpdateShelfProject');
    expect(updates.map((c) => c.variables.version)).toEqual([4, 5]);
    expect(updates[1]!.variables.input.title).toBe('法律咨询（每月两次）');
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });
});
