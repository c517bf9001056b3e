import type zhCN from './charts.zh-CN';

export default {
  charts: {
    monthToDate: 'Month to date',
    monthUntil: 'Up to {day}',
    monthFrom: 'From {day}',
    partialNote: 'Dashed: months counted in part ({months}), not comparable with whole months',
    listSeparator: '; ',
    slice: '{n} ({percent}%)',
    sliceTooltip: '{name}: {n} ({percent}%)',
    periodYear: '{year}',
    periodMonth: '{year}-{month}',
    periodRange: '{from} – {to}',
    pointsOf: 'Points ({period})',
    topUnitsOf: 'Honour roll · points ({period})',
    needsByGrid: 'Needs per grid (reported {period})',
    resolved: 'Resolved',
    unresolved: 'Not resolved',
    overdueByUnit: 'Overdue needs per delivering unit (now)',
    overdue: 'Overdue needs',
    noOverdueUnits: 'No need is overdue',
    satisfactionByMonth: 'Satisfaction (average of the follow-ups per month, out of 5)',
    satisfaction: 'Average satisfaction',
    followUps: '{n} follow-ups',
    noFollowUps: 'No follow-up this month',
  },
} satisfies typeof zhCN;
