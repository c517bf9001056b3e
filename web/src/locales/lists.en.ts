import type zh from './lists.zh-CN';

const en: typeof zh = {
  lists: {
    search: 'Search',
    reset: 'Reset',
    keyword: 'Keyword',
    keywordHint: 'Type a keyword',
    from: 'From',
    to: 'To',
    dateRange: 'Dates',
    total: '{n} in all',
    pageSize: 'Rows per page',
    columns: 'Columns',
    columnsReset: 'Default columns',
    retry: 'Retry',
    select: 'Select',
    selected: '{n} selected',
    category: 'Category',
    unit: 'Unit',
    agreement: 'Agreement',
    submittedAt: 'Submitted',
    year: 'Year',
    needs: {
      reported: 'Reported',
      resolved: 'Resolved',
      overdueOnly: 'Overdue only',
      myUnit: 'Delivered by my unit',
      progress: 'Progress',
    },
    batch: {
      approve: 'Approve selected',
      reject: 'Reject selected',
      confirmApprove: 'Approve the {n} selected projects? They go on the shelf.',
      confirmTitle: 'Batch review',
      rejectTitle: 'Reject {n} projects',
      rejectReason: 'Reason (the same for every selected project)',
      summaryTitle: 'Batch review result',
      approved: '{n} approved',
      rejected: '{n} rejected',
      failed: '{n} not done:',
      failure: '{title}: {reason}',
    },
  },
};

export default en;
