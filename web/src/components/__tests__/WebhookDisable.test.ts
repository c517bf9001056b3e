import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import WebhookSettingsView from '../../views/notifications/WebhookSettingsView.vue';
import { confirmAction } from '../../lib/feedback';
import { mountAs, user } from '../../__tests__/mount';

// The confirmation answers as each test says; the toasts stay real.
vi.mock('../../lib/feedback', async (original) => ({ ...(await original<typeof import('../../lib/feedback')>()), confirmAction: vi.fn(async () => false) }));

afterEach(() => {
  document.body.innerHTML = '';
  vi.mocked(confirmAction).mockReset().mockResolvedValue(false);
});

const webhook = { __typename: 'AllianceWebhook', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', kinds: ['NEED_ASSIGNED'], enabled: true, updatedAt: '2026-11-01T00:00:00Z' };

describe('turning the webhook off is asked first', () => {
  it('dismissed, nothing is saved; confirmed, it is saved turned off; saving it on asks nothing', async () => {
    const saved: Record<string, unknown>[] = [];
    const { wrapper } = await mountAs(WebhookSettingsView, user('COMMITTEE_ADMIN'), {
      handler: (op) => {
        if (op.operationName === 'AllianceWebhook') return { data: { allianceWebhook: webhook, webhookDeliveries: { __typename: 'WebhookDeliveryConnection', nodes: [] } } };
        if (op.operationName === 'SetAllianceWebhook') {
          saved.push(op.variables.input);
          return { data: { setAllianceWebhook: { ...webhook, enabled: op.variables.input.enabled } } };
        }
        return { data: {} };
      },
    });
    await wrapper.find('[data-test="webhook-save"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction)).not.toHaveBeenCalled();
    expect(saved.map((i) => i.enabled)).toEqual([true]);

    await wrapper.find('[data-test="webhook-enabled"]').trigger('click');
    await wrapper.find('[data-test="webhook-save"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction).mock.calls[0]![0]).toContain('停用后');
    expect(saved.map((i) => i.enabled)).toEqual([true]);

    vi.mocked(confirmAction).mockResolvedValueOnce(true);
    await wrapper.find('[data-test="webhook-save"]').trigger('click');
    await flushPromises();
    expect(saved.map((i) => i.enabled)).toEqual([true, false]);
  });
});
