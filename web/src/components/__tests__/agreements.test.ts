import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import ProjectPicker, { type PickedProject } from '../needs/ProjectPicker.vue';
import ReviewQueueView from '../../views/shelf/ReviewQueueView.vue';
import { lacksValidAgreement, unitsWithoutAgreement } from '../../lib/agreements';
import { mountAs, user, type Handler } from '../../__tests__/mount';

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 80));
  await flushPromises();
};
const texts = (sel: string) => [...body().querySelectorAll(sel)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

afterEach(() => {
  document.body.innerHTML = '';
});

const unit = (id: string, name: string, agreementStatus: string) => ({ __typename: 'MemberUnit', id, name, agreementStatus });
const category = { __typename: 'ServiceCategory', id: 'c3', code: 'LIVELIHOOD_SECURITY', name: '民生保障' };

describe('the agreement rule', () => {
  it('EXPIRING is still valid; EXPIRED and NONE are not', () => {
    expect(['VALID', 'EXPIRING', 'EXPIRED', 'NONE'].map((s) => lacksValidAgreement(s as never))).toEqual([false, false, true, true]);
    expect(
      unitsWithoutAgreement([
        { id: 'a', name: '松林医院', agreementStatus: 'NONE' },
        { id: 'b', name: '供电服务站', agreementStatus: 'VALID' },
        { id: 'a', name: '松林医院', agreementStatus: 'NONE' },
        { id: 'c', name: '松风小学', agreementStatus: 'EXPIRED' },
      ]),
    ).toEqual(['松林医院', '松风小学']);
  });
});

describe('开单子 shows each unit\'s agreement and warns', () => {
  const handler: Handler = (op) => {
    if (op.operationName === 'MatchSuggestions')
      return {
        data: {
          matchSuggestions: [
            { __typename: 'MatchSuggestion', score: 0.8, strength: 'STRONG', reasonCodes: [{ __typename: 'MatchReason', code: 'SAME_CATEGORY', params: { __typename: 'MatchReasonParams', words: null, from: null, to: null, category: '民生保障', n: null, avg: null } }], project: { __typename: 'ShelfProject', id: 'p1', title: '楼道照明维修', capacityPerMonth: null, orderCount: 3, category, unit: unit('u1', '供电服务站', 'VALID') } },
            { __typename: 'MatchSuggestion', score: 0.5, strength: 'POSSIBLE', reasonCodes: [{ __typename: 'MatchReason', code: 'SHARED_WORDS', params: { __typename: 'MatchReasonParams', words: ['义诊'], from: null, to: null, category: null, n: null, avg: null } }], project: { __typename: 'ShelfProject', id: 'p2', title: '义诊进社区', capacityPerMonth: null, orderCount: 1, category, unit: unit('u2', '松林医院', 'NONE') } },
          ],
        },
      };
    return { data: {} };
  };

  it('labels every suggestion\'s unit and warns once a project of a unit without a valid agreement is chosen', async () => {
    const { wrapper } = await mountAs(ProjectPicker, user('COMMITTEE_ADMIN'), {
      props: { needId: 'n1', modelValue: [], 'onUpdate:modelValue': (v: PickedProject[]) => wrapper.setProps({ modelValue: v }) },
      handler,
    });
    await settle();
    expect(texts('[data-test="suggestion"] [data-test="agreement-status"]')).toEqual(['协议有效', '未签协议']);
    expect(body().querySelector('[data-test="order-agreement-warning"]')).toBeNull();
    body().querySelector<HTMLElement>('[data-test="suggestion-p1"]')!.click();
    await settle();
    expect(body().querySelector('[data-test="order-agreement-warning"]')).toBeNull();
    body().querySelector<HTMLElement>('[data-test="suggestion-p2"]')!.click();
    await settle();
    expect(texts('[data-test="order-agreement-warning"]')[0]).toContain('以下单位没有有效的共建协议（松林医院）');
    // A warning, not a block: both stay chosen.
    expect((wrapper.props('modelValue') as { id: string }[]).map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});

describe('项目审核 shows the unit\'s agreement and warns', () => {
  const project = (id: string, title: string, u: ReturnType<typeof unit>) => ({
    __typename: 'ShelfProject',
    id,
    title,
    description: '说明',
    status: 'PENDING_REVIEW',
    reviewComment: null,
    capacityPerMonth: null,
    tags: [],
    orderCount: 0,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    version: 1,
    category,
    unit: u,
  });
  it('a tag on every card, a warning on the cards of units without a valid agreement', async () => {
    await mountAs(ReviewQueueView, user('COMMITTEE_ADMIN'), {
      handler: () => ({
        data: {
          shelfProjects: {
            __typename: 'ShelfProjectConnection',
            totalCount: 3,
            pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
            nodes: [
              project('p1', '法律咨询', unit('u1', '司法所', 'EXPIRING')),
              project('p2', '义诊进社区', unit('u2', '松林医院', 'EXPIRED')),
              project('p3', '四点半课堂', unit('u3', '松风小学', 'VALID')),
            ],
          },
        },
      }),
    });
    await settle();
    expect(texts('[data-test="review-agreement"] [data-test="agreement-status"]')).toEqual(['协议即将到期', '协议已过期', '协议有效']);
    expect(texts('[data-test="review-agreement-warning"]')).toEqual([expect.stringContaining('松林医院协议已过期')]);
  });
});
