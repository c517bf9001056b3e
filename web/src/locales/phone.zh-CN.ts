// Phone-first work (issue 16): the agenda that replaces a month calendar, the
// bottom action bar, and what is asked before an action that cannot be taken back.
export default {
  agenda: {
    today: '今天',
    empty: '这段时间没有安排',
    prevMonth: '上个月',
    thisMonth: '本月',
    nextMonth: '下个月',
    month: '{year}年{month}月',
  },
  actionBar: {
    label: '操作',
  },
  confirm: {
    withdrawSignupTitle: '退出报名',
    withdrawSignup: '确定让“{unit}”退出“{activity}”吗？退出后名额依次让给候补单位，如需参加须重新报名。',
    withdrawOwnSignup: '退出本单位报名',
    cancelActivity: '取消后活动不能恢复，已报名的单位都会收到取消通知。',
    rejectNeed: '初审不通过后该需求不再办理，理由记入办理记录；如有误，社区党委可以重新受理。',
    rejectProject: '驳回后项目退回提供单位修改，不会上架。',
    takeDownProject: '下架后该项目不再出现在联盟超市里，居民和网格员都看不到它。',
    leaveIncubation: '退出后该组织结束孵化，不能撤销。',
    disableWebhook: '停用后，通知不再推送到这个地址。确定保存吗？',
    disableWebhookTitle: '停用推送',
    unitStatusTitle: '更改单位状态',
    unitStatus: '确定把“{name}”的状态从“{from}”改为“{to}”吗？',
  },
};
