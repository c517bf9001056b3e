import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import CommunityView from '../../views/community/CommunityView.vue';
import { mountAs, user } from '../../__tests__/mount';

/*
 * 联盟规则 on the community page: the committee sets the claim limit (docs/adoption.md, "a unit may hold at most
 * 5 open claims (a setting of the alliance)"), which had no screen; others do not see it.
 */

afterEach(() => {
  document.body.innerHTML = '';
});

function server(refuse = false) {
  const saved: Record<string, unknown>[] = [];
  const handler = (op: Operation) => {
    if (op.operationName === 'CommunityProfile') {
      return {
        data: {
          alliance: { __typename: 'Alliance', id: 'a1', name: '松山社区', regionName: '松山社区', households: 3000, residents: 8000, foundedYear: 2018, profileVersion: 1, maxOpenClaims: 5 },
          partyBranches: [],
        },
      };
    }
    if (op.operationName === 'UpdateAllianceSettings') {
      saved.push(op.variables);
      if (refuse) return { errors: [{ message: 'maxOpenClaims: out of range', extensions: { code: 'BAD_USER_INPUT', field: 'maxOpenClaims', reason: 'OUT_OF_RANGE' } }] } as never;
      return { data: { updateAllianceSettings: { __typename: 'Alliance', id: 'a1', maxOpenClaims: op.variables.maxOpenClaims } } };
    }
    return { data: {} };
  };
  return { saved, handler };
}

describe('联盟规则: the claim limit', () => {
  it('the committee sees the limit, changes it and saves it', async () => {
    const s = server();
    const { wrapper } = await mountAs(CommunityView, user('COMMITTEE_ADMIN'), { handler: s.handler });
    await flushPromises();
    const input = wrapper.find('[data-test="settings-max-open-claims"] input');
    expect((input.element as HTMLInputElement).value).toBe('5');
    // Nothing to save until it changes.
    expect(wrapper.find('[data-test="settings-save"]').attributes('disabled')).toBeDefined();
    await input.setValue('3');
    await input.trigger('change');
    await flushPromises();
    await wrapper.find('[data-test="settings-save"]').trigger('click');
    await flushPromises();
    expect(s.saved).toEqual([{ maxOpenClaims: 3 }]);
    expect(document.body.textContent).toContain('联盟规则已保存');
  });

  it("a refusal is shown under the field", async () => {
    const s = server(true);
    const { wrapper } = await mountAs(CommunityView, user('COMMITTEE_ADMIN'), { handler: s.handler });
    await flushPromises();
    const input = wrapper.find('[data-test="settings-max-open-claims"] input');
    await input.setValue('7');
    await input.trigger('change');
    await flushPromises();
    await wrapper.find('[data-test="settings-save"]').trigger('click');
    await flushPromises();
    expect(s.saved).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 100));
    const item = wrapper.find('[data-test="settings-max-open-claims"]').element.closest('.el-form-item')!;
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('数值超出允许范围');
  });

  it('a viewer and a unit do not see it', async () => {
    for (const role of ['VIEWER', 'UNIT_ADMIN'] as const) {
      const { wrapper } = await mountAs(CommunityView, user(role), { handler: server().handler });
      await flushPromises();
      expect(wrapper.find('[data-test="profile-form"]').exists(), role).toBe(true);
      expect(wrapper.find('[data-test="alliance-settings"]').exists(), role).toBe(false);
      wrapper.unmount();
    }
  });
});
