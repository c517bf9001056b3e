import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import type { Operation } from '@apollo/client/core';
import type { ActivityFieldsFragment } from '../../gql/graphql';
import ActivityFormDialog from '../activities/ActivityFormDialog.vue';
import ActivityDetailView from '../../views/activities/ActivityDetailView.vue';
import { mountAs, user } from '../../__tests__/mount';

const body = () => document.body;
const input = (test: string) =>
  body().querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[data-test="${test}"] input, [data-test="${test}"] textarea, input[data-test="${test}"], textarea[data-test="${test}"]`,
  )!;
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
  el.dispatchEvent(new Event('change'));
  el.dispatchEvent(new FocusEvent('blur'));
  await flushPromises();
}
async function click(test: string) {
  body().querySelector<HTMLElement>(`[data-test="${test}"]`)!.click();
  await settle();
}
const errorOf = (test: string) => input(test).closest('.el-form-item')!.querySelector('.el-form-item__error')?.textContent?.trim();
const updates = (calls: Operation[]) => calls.filter((c) => c.operationName === 'UpdateActivity');

afterEach(() => {
  document.body.innerHTML = '';
});

/** An OPEN activity with its one place taken and a unit waitlisted, shaped as the server answers. */
const activity = (extra: Partial<ActivityFieldsFragment> = {}) =>
  ({
    __typename: 'Activity',
    id: 'act-1',
    title: '楼道清洁志愿服务日',
    description: '各单位党员志愿者清理楼道杂物。',
    kind: 'CIVILIZED_CITY',
    status: 'OPEN',
    startsAt: '2030-05-01T01:00:00.000Z',
    endsAt: '2030-05-01T04:00:00.000Z',
    location: '松山社区5号楼',
    maxUnits: 1,
    confirmedCount: 1,
    version: 3,
    recordedAfterwards: false,
    category: { __typename: 'ServiceCategory', id: 'c2', code: 'ENVIRONMENT_SANITATION', name: '环境卫生' },
    shelfProjects: [],
    needs: [],
    signups: [
      { __typename: 'Signup', id: 's1', status: 'CONFIRMED', headcount: 6, note: null, createdAt: '2030-04-01T00:00:00.000Z', unit: { __typename: 'MemberUnit', id: 'unit-2', name: '松林医院' } },
      { __typename: 'Signup', id: 's2', status: 'WAITLISTED', headcount: 4, note: null, createdAt: '2030-04-02T00:00:00.000Z', unit: { __typename: 'MemberUnit', id: 'unit-1', name: '海拉尔区松风小学' } },
    ],
    outcome: null,
    ...extra,
  }) as ActivityFieldsFragment;

// Several mounts and dialogs per test: a generous timeout for a busy machine.
describe('the activity form in edit mode', { timeout: 20_000 }, () => {
  it('is prefilled from the activity and sends only the changed fields with its version', async () => {
    const a = activity();
    const { wrapper, calls } = await mountAs(ActivityFormDialog, user('COMMITTEE_ADMIN'), {
      props: { modelValue: true, activity: a },
      handler: (op) => ({ data: { updateActivity: { ...a, ...op.variables.input, version: 4 } } }),
    });
    const dialog = body().querySelector('[data-test="activity-form"]')!;
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe('编辑活动');
    expect(input('activity-title').value).toBe('楼道清洁志愿服务日');
    expect(input('activity-description').value).toBe('各单位党员志愿者清理楼道杂物。');
    expect(input('activity-location').value).toBe('松山社区5号楼');
    expect(input('activity-max-units').value).toBe('1');
    expect(body().querySelector('[data-test="activity-category"]')!.textContent).toContain('环境卫生');
    expect(body().querySelector('[data-test="activity-kind"]')!.textContent).toContain('创城创卫');
    // One unit waits: the form says what raising the limit does.
    expect(dialog.textContent).toContain('有 1 个单位在候补');

    await type('activity-title', '  楼道清洁志愿服务日（第二期） ');
    await type('activity-max-units', '2');
    await click('activity-save');
    expect(updates(calls).map((c) => c.variables)).toEqual([
      { id: 'act-1', version: 3, input: { title: '楼道清洁志愿服务日（第二期）', maxUnits: 2 } },
    ]);
    expect(wrapper.emitted('saved')).toHaveLength(1);
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);
  });

  it('refuses fewer places than confirmed units, and sends null for unlimited', async () => {
    const a = activity({ maxUnits: 3, confirmedCount: 2, signups: [] });
    const { calls } = await mountAs(ActivityFormDialog, user('COMMITTEE_ADMIN'), {
      props: { modelValue: true, activity: a },
      handler: (op) => ({ data: { updateActivity: { ...a, ...op.variables.input, version: 4 } } }),
    });
    expect(body().querySelector('[data-test="activity-form"]')!.textContent).not.toContain('候补');
    await type('activity-max-units', '1');
    await click('activity-save');
    expect(errorOf('activity-max-units')).toBe('已有 2 个单位确认报名，上限不能少于 2');
    expect(updates(calls)).toHaveLength(0);

    await type('activity-max-units', '');
    await click('activity-save');
    expect(updates(calls).map((c) => c.variables)).toEqual([{ id: 'act-1', version: 3, input: { maxUnits: null } }]);
  });

  it('sends nothing when nothing changed', async () => {
    const { wrapper, calls } = await mountAs(ActivityFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true, activity: activity() } });
    await click('activity-save');
    expect(updates(calls)).toHaveLength(0);
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);
    expect(body().textContent).toContain('没有修改');
  });

  it("shows the server's field error under its field", async () => {
    const { calls } = await mountAs(ActivityFormDialog, user('COMMITTEE_ADMIN'), {
      props: { modelValue: true, activity: activity({ signups: [] }) },
      handler: () => ({ errors: [new GraphQLError('maxUnits: too low', { extensions: { code: 'BAD_USER_INPUT', field: 'maxUnits', reason: 'OUT_OF_RANGE' } })] }),
    });
    await type('activity-max-units', '5');
    await click('activity-save');
    expect(updates(calls)).toHaveLength(1);
    expect(errorOf('activity-max-units')).toBe('数值超出允许范围');
    expect(input('activity-max-units').value).toBe('5');
  });

  it('after a stale version, reloads: keeps what was typed, takes the fresh values elsewhere, saves with the fresh version', async () => {
    const a = activity();
    let stale = true;
    const { wrapper, calls } = await mountAs(ActivityFormDialog, user('COMMITTEE_ADMIN'), {
      props: { modelValue: true, activity: a },
      handler: (op) => {
        if (stale) return { errors: [new GraphQLError('stale version', { extensions: { code: 'CONFLICT' } })] };
        return { data: { updateActivity: { ...a, ...op.variables.input, version: 6 } } };
      },
    });
    await type('activity-title', '楼道清洁日（改期）');
    await click('activity-save');
    const box = body().querySelector('.el-message-box')!;
    expect(box.textContent).toContain('请刷新后重试');
    [...box.querySelectorAll('button')].find((b) => b.textContent?.includes('重新加载'))!.click();
    await flushPromises();
    expect(wrapper.emitted('reload')).toHaveLength(1);
    // Meanwhile someone moved the location: the page reloads the activity.
    stale = false;
    await wrapper.setProps({ activity: { ...a, location: '松山社区活动中心', version: 5 } });
    expect(input('activity-title').value).toBe('楼道清洁日（改期）');
    expect(input('activity-location').value).toBe('松山社区活动中心');
    await click('activity-save');
    const sent = updates(calls);
    expect(sent.map((c) => c.variables.version)).toEqual([3, 5]);
    expect(sent[1]!.variables.input).toEqual({ title: '楼道清洁日（改期）' });
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });
});

describe('the activity page offers 编辑 exactly when the lifecycle allows edit', { timeout: 20_000 }, () => {
  const mountPage = (as: ReturnType<typeof user>, status: ActivityFieldsFragment['status'], locale: 'zh-CN' | 'en' = 'zh-CN') =>
    mountAs(ActivityDetailView, as, {
      props: { id: 'act-1' },
      locale,
      handler: (op) => (op.operationName === 'Activity' ? { data: { activity: activity({ status }) } } : { data: {} }),
    });
  const editButton = () => body().querySelector<HTMLElement>('[data-test="activity-edit"]');

  it('the committee on DRAFT and OPEN activities; it opens the prefilled form', async () => {
    for (const status of ['DRAFT', 'OPEN'] as const) {
      const { wrapper } = await mountPage(user('COMMITTEE_ADMIN'), status);
      expect(editButton()?.textContent?.trim(), status).toBe('编辑');
      wrapper.unmount();
    }
    await mountPage(user('COMMITTEE_ADMIN'), 'OPEN', 'en');
    expect(editButton()?.textContent?.trim()).toBe('Edit');
    editButton()!.click();
    await settle();
    expect(input('activity-title').value).toBe('楼道清洁志愿服务日');
    expect(body().querySelector('[data-test="activity-form"] .el-dialog__title')?.textContent).toBe('Edit activity');
  });

  it('never for an ongoing, completed or cancelled activity, nor for other roles', async () => {
    for (const status of ['ONGOING', 'COMPLETED', 'CANCELLED'] as const) {
      const { wrapper } = await mountPage(user('COMMITTEE_ADMIN'), status);
      expect(body().querySelector('[data-test="activity-status"]'), status).not.toBeNull();
      expect(editButton(), status).toBeNull();
      wrapper.unmount();
    }
    for (const as of [user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '海拉尔区松风小学' } }), user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } }), user('VIEWER')]) {
      const { wrapper } = await mountPage(as, 'DRAFT');
      expect(body().querySelector('[data-test="activity-status"]'), as.role).not.toBeNull();
      expect(editButton(), as.role).toBeNull();
      wrapper.unmount();
    }
  });
});
