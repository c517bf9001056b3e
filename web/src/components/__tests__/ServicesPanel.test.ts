import { afterEach, describe, expect, it } from 'vitest';
import ServicesPanel from '../incubator/ServicesPanel.vue';
import { mountAs, user } from '../../__tests__/mount';

/** The dashboard's 红色驿站 and 阳光驿站 figures: red education and party history added up, the incubator's two figures, for the range asked. */

afterEach(() => {
  document.body.innerHTML = '';
});

const kinds = [
  ['CIVILIZED_CITY', 9, 900],
  ['RED_EDUCATION', 12, 1800],
  ['PARTY_HISTORY', 5, 400],
  ['OTHER', 1, 10],
].map(([kind, count, beneficiaries]) => ({ __typename: 'ActivityKindCount', kind, count, beneficiaries }));

describe('the services panel on the dashboard', () => {
  it('shows red education and party history events and beneficiaries, organisations incubated and services given, for the range', async () => {
    const asked: Record<string, unknown>[] = [];
    const { wrapper } = await mountAs(ServicesPanel, user('VIEWER'), {
      props: { from: '2021-01-01', to: '2021-12-31' },
      handler: (op) => {
        asked.push(op.variables);
        return { data: { dashboard: { __typename: 'Dashboard', activitiesByKind: kinds, incubator: { __typename: 'IncubatorFigures', organisationsIncubated: 15, servicesGiven: 173 } } } };
      },
    });
    expect(asked).toEqual([{ from: '2021-01-01', to: '2021-12-31' }]);
    const value = (key: string) => wrapper.find(`[data-test="services-${key}"] .el-statistic__number`).text().replace(/,/g, '');
    expect(value('redEvents')).toBe('17');
    expect(value('redBeneficiaries')).toBe('2200');
    expect(value('incubated')).toBe('15');
    expect(value('servicesGiven')).toBe('173');
    expect(wrapper.text()).toContain('阳光驿站孵化组织');
  });
});
