import type incubatorZh from './incubator.zh-CN';

// 阳光驿站 (issue 12): spread into en.ts; the same keys as incubator.zh-CN.ts.
const incubatorEn: typeof incubatorZh = {
  incubator: {
    nav: 'Sunshine incubator',
    title: 'Sunshine incubator · social organisations',
    stage: 'Stage',
    allStages: 'All stages',
    organisation: 'Organisation',
    mentor: 'Mentor unit',
    appliedOn: 'Applied',
    startedOn: 'Started',
    endedOn: 'Graduated / left',
    servicesGiven: 'Services given',
    notes: 'Notes',
    count: '{n} organisations',
    start: 'Start incubation',
    graduate: 'Graduate',
    leave: 'Leave',
    started: 'Incubation started',
    graduated: 'Graduated',
    left: 'Left the incubator',
    chooseMentor: 'Choose a mentor unit',
    graduateComment: 'Graduation remark (optional)',
    leaveReason: 'Why it leaves',
    dashboard: {
      redEvents: 'Red education & party history events',
      redBeneficiaries: 'Their beneficiaries',
      incubated: 'Organisations incubated',
      servicesGiven: 'Services given by them',
    },
  },
};

export default incubatorEn;
