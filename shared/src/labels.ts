import type {
  ActivityKind,
  AgreementStatus,
  ActivityStatus,
  CategoryCode,
  ConflictReason,
  ErrorCode,
  NeedSource,
  NeedStatus,
  Role,
  ShelfStatus,
  SignupStatus,
  UnitKind,
  UnitStatus,
  UserStatus,
  VenueKind,
  VenueReservationStatus,
  BookingStatus,
} from './enums.js';
import type { InvalidReason } from './validators.js';
import type { NeedStep } from './lifecycles.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export type LabelTable<K extends string> = Record<Locale, Record<K, string>>;

export const ROLE_LABELS: LabelTable<Role> = {
  'zh-CN': { COMMITTEE_ADMIN: '社区党委管理员', UNIT_ADMIN: '成员单位联络员', GRID_WORKER: '网格员', VIEWER: '街道领导（只读）' },
  en: { COMMITTEE_ADMIN: 'Committee admin', UNIT_ADMIN: 'Unit liaison', GRID_WORKER: 'Grid worker', VIEWER: 'Viewer (read-only)' },
};

export const UNIT_KIND_LABELS: LabelTable<UnitKind> = {
  'zh-CN': {
    GOVERNMENT_AGENCY: '机关',
    PUBLIC_INSTITUTION: '事业单位',
    STATE_ENTERPRISE: '国有企业',
    PRIVATE_ENTERPRISE: '非公企业',
    SOCIAL_ORGANIZATION: '社会组织',
    OTHER: '其他',
  },
  en: {
    GOVERNMENT_AGENCY: 'Government agency',
    PUBLIC_INSTITUTION: 'Public institution',
    STATE_ENTERPRISE: 'State enterprise',
    PRIVATE_ENTERPRISE: 'Private enterprise',
    SOCIAL_ORGANIZATION: 'Social organisation',
    OTHER: 'Other',
  },
};

export const USER_STATUS_LABELS: LabelTable<UserStatus> = {
  'zh-CN': { ACTIVE: '正常', DISABLED: '已停用' },
  en: { ACTIVE: 'Active', DISABLED: 'Disabled' },
};

export const UNIT_STATUS_LABELS: LabelTable<UnitStatus> = {
  'zh-CN': { ACTIVE: '正常', SUSPENDED: '暂停', WITHDRAWN: '已退出' },
  en: { ACTIVE: 'Active', SUSPENDED: 'Suspended', WITHDRAWN: 'Withdrawn' },
};

export const SHELF_STATUS_LABELS: LabelTable<ShelfStatus> = {
  'zh-CN': { DRAFT: '草稿', PENDING_REVIEW: '待审核', ON_SHELF: '已上架', OFF_SHELF: '已下架', REJECTED: '未通过' },
  en: { DRAFT: 'Draft', PENDING_REVIEW: 'Pending review', ON_SHELF: 'On the shelf', OFF_SHELF: 'Taken down', REJECTED: 'Rejected' },
};

/** The five steps of the loop (NEED_STEPS), for the progress bar. */
export const NEED_STEP_LABELS: LabelTable<NeedStep> = {
  'zh-CN': { report: '提问题', order: '开单子', plan: '定方案', take: '领任务', visit: '跑回访' },
  en: { report: 'Report', order: 'Order', plan: 'Plan', take: 'Take on', visit: 'Follow up' },
};

export const NEED_STATUS_LABELS: LabelTable<NeedStatus> = {
  'zh-CN': {
    REPORTED: '提问题',
    ACCEPTED: '初审通过',
    REJECTED: '初审不通过',
    ORDERED: '开单子',
    PLANNED: '定方案',
    IN_PROGRESS: '领任务',
    RESOLVED: '已解决',
    CLOSED: '跑回访（已办结）',
  },
  en: {
    REPORTED: 'Reported',
    ACCEPTED: 'Accepted',
    REJECTED: 'Rejected',
    ORDERED: 'Ordered',
    PLANNED: 'Planned',
    IN_PROGRESS: 'In progress',
    RESOLVED: 'Resolved',
    CLOSED: 'Closed',
  },
};

export const ACTIVITY_STATUS_LABELS: LabelTable<ActivityStatus> = {
  'zh-CN': { DRAFT: '草稿', OPEN: '报名中', ONGOING: '进行中', COMPLETED: '已完成', CANCELLED: '已取消' },
  en: { DRAFT: 'Draft', OPEN: 'Open for sign-up', ONGOING: 'Ongoing', COMPLETED: 'Completed', CANCELLED: 'Cancelled' },
};

export const ACTIVITY_KIND_LABELS: LabelTable<ActivityKind> = {
  'zh-CN': { CIVILIZED_CITY: '创城创卫', ASSISTANCE: '帮扶助困', EPIDEMIC_PREVENTION: '疫情防控', SERVICE: '服务活动', RED_EDUCATION: '红色教育', PARTY_HISTORY: '党史学习', OTHER: '其他' },
  en: { CIVILIZED_CITY: 'Civilised city', ASSISTANCE: 'Assistance', EPIDEMIC_PREVENTION: 'Epidemic prevention', SERVICE: 'Service', RED_EDUCATION: 'Red education', PARTY_HISTORY: 'Party history', OTHER: 'Other' },
};

export const SIGNUP_STATUS_LABELS: LabelTable<SignupStatus> = {
  'zh-CN': { CONFIRMED: '已确认', WAITLISTED: '候补', WITHDRAWN: '已退出', REJECTED: '未通过', ACTIVITY_CANCELLED: '活动已取消' },
  en: { CONFIRMED: 'Confirmed', WAITLISTED: 'Waitlisted', WITHDRAWN: 'Withdrawn', REJECTED: 'Rejected', ACTIVITY_CANCELLED: 'Activity cancelled' },
};

export const VENUE_KIND_LABELS: LabelTable<VenueKind> = {
  'zh-CN': { SPORTS: '运动场馆', READING: '阅览室', COUNSELLING: '咨询室', MEETING: '会议活动室', OTHER: '其他' },
  en: { SPORTS: 'Sports hall', READING: 'Reading room', COUNSELLING: 'Counselling room', MEETING: 'Meeting room', OTHER: 'Other' },
};

export const VENUE_RESERVATION_STATUS_LABELS: LabelTable<VenueReservationStatus> = {
  'zh-CN': { REQUESTED: '待确认', CONFIRMED: '已确认', DECLINED: '未同意', CANCELLED: '已取消' },
  en: { REQUESTED: 'Awaiting confirmation', CONFIRMED: 'Confirmed', DECLINED: 'Declined', CANCELLED: 'Cancelled' },
};

export const BOOKING_STATUS_LABELS: LabelTable<BookingStatus> = {
  'zh-CN': { BOOKED: '已预约', DONE: '已办结', NO_SHOW: '未到场', CANCELLED: '已取消' },
  en: { BOOKED: 'Booked', DONE: 'Done', NO_SHOW: 'No-show', CANCELLED: 'Cancelled' },
};

export const NEED_SOURCE_LABELS: LabelTable<NeedSource> = {
  'zh-CN': { STAFF: '网格员上报', RESIDENT: '群众点单' },
  en: { STAFF: 'Reported by staff', RESIDENT: "Resident's own report" },
};

export const AGREEMENT_STATUS_LABELS: LabelTable<AgreementStatus> = {
  'zh-CN': { VALID: '协议有效', EXPIRING: '协议即将到期', EXPIRED: '协议已过期', NONE: '未签协议' },
  en: { VALID: 'Valid agreement', EXPIRING: 'Agreement ending soon', EXPIRED: 'Agreement expired', NONE: 'No agreement' },
};

export const CATEGORY_LABELS: LabelTable<CategoryCode> = {
  'zh-CN': { PARTY_MASS_SERVICE: '党群服务', ENVIRONMENT_SANITATION: '环境卫生', LIVELIHOOD_SECURITY: '民生保障' },
  en: { PARTY_MASS_SERVICE: 'Party-mass service', ENVIRONMENT_SANITATION: 'Environment & sanitation', LIVELIHOOD_SECURITY: 'Livelihood security' },
};

export const ERROR_CODE_LABELS: LabelTable<ErrorCode> = {
  'zh-CN': {
    UNAUTHENTICATED: '请先登录，或登录已过期',
    FORBIDDEN: '您没有权限执行此操作',
    NOT_FOUND: '记录不存在',
    BAD_USER_INPUT: '输入有误，请检查标出的字段',
    CONFLICT: '记录已被他人修改或当前状态不允许此操作，请刷新后重试',
    RATE_LIMITED: '操作过于频繁，请稍后再试',
    PASSWORD_CHANGE_REQUIRED: '请先修改临时密码',
    GRAPHQL_PARSE_FAILED: '请求格式错误',
    GRAPHQL_VALIDATION_FAILED: '请求不符合接口定义',
    INTERNAL_SERVER_ERROR: '服务器出错了，请稍后再试',
    SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  },
  en: {
    UNAUTHENTICATED: 'Please sign in; your session may have expired',
    FORBIDDEN: 'You are not allowed to do this',
    NOT_FOUND: 'Not found',
    BAD_USER_INPUT: 'Please check the highlighted field',
    CONFLICT: 'Someone changed this record, or its status does not allow this; reload and try again',
    RATE_LIMITED: 'Too many attempts; please wait a moment',
    PASSWORD_CHANGE_REQUIRED: 'Please change your temporary password first',
    GRAPHQL_PARSE_FAILED: 'Malformed request',
    GRAPHQL_VALIDATION_FAILED: 'The request does not match the API',
    INTERNAL_SERVER_ERROR: 'Something went wrong on the server; please try again later',
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable; please try again in a moment',
  },
};

/** A refusal's reason in the admin's words; `{limit}` is filled from the error's extensions. */
export const CONFLICT_REASON_LABELS: LabelTable<ConflictReason> = {
  'zh-CN': {
    CLAIM_LIMIT_REACHED: '本单位已有{limit}件认领中的需求，达到联盟上限；请待其中一件办结、关闭或不予受理后再认领',
    ALREADY_CLAIMED: '本单位已认领过这件需求',
    VENUE_TAKEN: '该时段场地已被预约',
    SLOT_FULL: '该时段已约满',
    NOT_VERIFIED: '群众点单待网格员核实后才能初审',
    ALREADY_VERIFIED: '这件群众点单已核实过',
    NOT_RESIDENT_NEED: '只有群众点单需要核实',
  },
  en: {
    CLAIM_LIMIT_REACHED: 'Your unit already holds {limit} open claims, the most this alliance allows; claim another once one is resolved, closed or rejected',
    ALREADY_CLAIMED: 'Your unit has already claimed this need',
    VENUE_TAKEN: 'The venue is already reserved for part of that time',
    SLOT_FULL: 'The slot is fully booked',
    NOT_VERIFIED: "A resident's own report is screened once the grid worker has verified it",
    ALREADY_VERIFIED: "This resident's report has already been verified",
    NOT_RESIDENT_NEED: "Only a resident's own report is verified",
  },
};

export const INVALID_REASON_LABELS: LabelTable<InvalidReason> = {
  'zh-CN': {
    REQUIRED: '必填',
    TOO_LONG: '内容过长',
    CONTROL_CHARACTERS: '含有不允许的控制字符',
    INVALID_CHARACTERS: '含有无效字符（编码错误）',
    INVALID_CREDIT_CODE: '统一社会信用代码无效（18位，校验位不符）',
    INVALID_PHONE: '电话号码格式不正确（手机号或带区号的固定电话）',
    OUT_OF_RANGE: '数值超出允许范围',
    NOT_AN_INTEGER: '必须是整数',
    DATE_ORDER: '结束日期必须晚于开始日期',
    INVALID_DATE: '日期无效',
    INVALID_ID: '编号格式不正确',
    INVALID_CURSOR: '分页游标无效',
    INVALID_URL: '须为 http(s):// 开头的网址',
    DUPLICATE: '已存在相同的记录',
    INVALID_USERNAME: '用户名为3–32位小写字母、数字或 . _ -',
    TOO_SHORT: '密码太短（至少10位，党委管理员至少12位）',
    SAME_AS_USERNAME: '密码不能与用户名相同',
    TOO_COMMON: '这是常见密码，请换一个',
    WRONG_PASSWORD: '当前密码不正确',
    NOT_ALLOWED_FOR_ROLE: '该角色不能设置此项',
    SAME_AS_CURRENT: '新密码不能与当前密码相同',
    NOT_IN_FUTURE: '须晚于当前时间',
    NOT_IN_PAST: '须早于当前时间',
    TOO_EARLY: '时间未到',
    TOO_LATE: '已超过时限',
    NOT_RED_GRID_WORKER: '须为本网格在册的红色网格员（专职或兼职）',
    MEMBER_TRANSFERRED: '该党员已转出本社区',
    GROUP_OF_OTHER_BRANCH: '该党小组不属于所选党支部',
    INVALID_FORMAT: '格式不正确',
    NOT_FOR_THIS_KIND: '此类型不填此项',
    OUTSIDE_OPENING_HOURS: '须在场地开放时间内（同一天）',
    CAPTCHA_FAILED: '人机验证未通过，请重新验证',
    HONEYPOT_FILLED: '此项须留空',
  },
  en: {
    REQUIRED: 'Required',
    TOO_LONG: 'Too long',
    CONTROL_CHARACTERS: 'Contains control characters',
    INVALID_CHARACTERS: 'Contains an invalid character (broken encoding)',
    INVALID_CREDIT_CODE: 'Invalid unified social credit code (18 characters, check digit)',
    INVALID_PHONE: 'Invalid phone (mobile, or landline with area code)',
    OUT_OF_RANGE: 'Out of range',
    NOT_AN_INTEGER: 'Must be a whole number',
    DATE_ORDER: 'The end must come after the start',
    INVALID_DATE: 'Invalid date',
    INVALID_ID: 'Malformed id',
    INVALID_CURSOR: 'Malformed page cursor',
    INVALID_URL: 'Must be an http(s):// address',
    DUPLICATE: 'Already exists',
    INVALID_USERNAME: '3–32 characters: lowercase letters, digits, . _ -',
    TOO_SHORT: 'Too short (at least 10 characters, 12 for committee admins)',
    SAME_AS_USERNAME: 'Must not be the username',
    TOO_COMMON: 'A common password; choose another',
    WRONG_PASSWORD: 'The current password is wrong',
    NOT_ALLOWED_FOR_ROLE: 'Not for this role',
    SAME_AS_CURRENT: 'Must differ from the current password',
    NOT_IN_FUTURE: 'Must be in the future',
    NOT_IN_PAST: 'Must be in the past',
    TOO_EARLY: 'Not yet: too early',
    TOO_LATE: 'Too late',
    NOT_RED_GRID_WORKER: "Must be an active red grid worker (full- or part-time) of the building's grid",
    MEMBER_TRANSFERRED: 'The party member has left the community',
    GROUP_OF_OTHER_BRANCH: 'The party group belongs to another branch',
    INVALID_FORMAT: 'Wrong format',
    NOT_FOR_THIS_KIND: 'Not for this kind',
    OUTSIDE_OPENING_HOURS: 'Must lie within the venue\'s opening hours, on one day',
    CAPTCHA_FAILED: 'The check that you are a person failed; try again',
    HONEYPOT_FILLED: 'Must be left empty',
  },
};
