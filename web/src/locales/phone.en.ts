import type zh from './phone.zh-CN';

const en: typeof zh = {
  agenda: {
    today: 'Today',
    empty: 'Nothing scheduled in this period',
    prevMonth: 'Previous month',
    thisMonth: 'This month',
    nextMonth: 'Next month',
    month: '{month}/{year}',
  },
  actionBar: {
    label: 'Actions',
  },
  confirm: {
    withdrawSignupTitle: 'Withdraw the sign-up',
    withdrawSignup: 'Withdraw "{unit}" from "{activity}"? Its place goes to the units on the waiting list; to take part again it must sign up again.',
    withdrawOwnSignup: 'Withdraw our sign-up',
    cancelActivity: 'A cancelled activity cannot be restored; every unit signed up is told.',
    rejectNeed: 'A need that fails screening is no longer worked on and the reason goes into its history; the committee can reopen it if this was a mistake.',
    rejectProject: 'The project goes back to its unit for changes and is not put on the shelf.',
    takeDownProject: 'The project leaves the alliance shelf: residents and grid workers no longer see it.',
    leaveIncubation: 'The organisation ends its incubation; this cannot be undone.',
    disableWebhook: 'Once turned off, notifications are no longer sent to this address. Save?',
    disableWebhookTitle: 'Turn off the webhook',
    unitStatusTitle: "Change the unit's status",
    unitStatus: 'Change the status of "{name}" from {from} to {to}?',
  },
};

export default en;
