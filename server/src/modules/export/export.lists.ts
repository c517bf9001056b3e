import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUS_LABELS,
  AGREEMENT_STATUS_LABELS,
  BOOKING_STATUS_LABELS,
  COMMITMENT_CATEGORY_LABELS,
  COMMITMENT_RATING_LABELS,
  COMMITMENT_STATUS_LABELS,
  GENDER_LABELS,
  GRID_DUTY_LABELS,
  NEED_STATUS_LABELS,
  PARTY_MEMBER_STATUS_LABELS,
  SHELF_STATUS_LABELS,
  SIGNUP_STATUS_LABELS,
  UNIT_KIND_LABELS,
  UNIT_STATUS_LABELS,
  localDate,
  localParts,
} from '@alliance/shared';
import type { ExportColumn } from './export.sheet.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- nodes are GraphQL results, shaped by each list's document */
type Node = any;

/**
 * One list screen's export: the list's own GraphQL query (so the filters are
 * parsed, validated, authorised and masked exactly as the screen's are), the
 * path to its connection in the answer, and the columns of the sheet.
 * `$first`/`$after` are the export's to page with; every other variable is
 * the screen's, read from the URL's query string under the same name.
 */
export interface ExportList {
  /** `GET /export/<name>.xlsx` */
  name: string;
  /** The sheet's name and the file's (Chinese). */
  title: string;
  query: string;
  connection: string;
  columns: ExportColumn<Node>[];
}

const zh = <K extends string>(labels: { 'zh-CN': Record<K, string> }) => (k: K | null | undefined) => (k ? labels['zh-CN'][k] : null);
const names = (items: { name?: string; title?: string }[] | null | undefined) => (items ?? []).map((i) => i.name ?? i.title).join('、');

const POINTS_SOURCE = { ACTIVITY_COMPLETED: '联建活动', NEED_RESOLVED: '办结民生微实事', FOLLOW_UP_SATISFIED: '回访满意' } as Record<string, string>;

/** A need's steps, one line each: when (local time), what it became, who, and what they said. */
function historyText(n: Node): string {
  return (n.history as Node[])
    .map((e) => {
      const p = localParts(new Date(e.at));
      const at = `${localDate(new Date(e.at))} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
      return `${at} ${NEED_STATUS_LABELS['zh-CN'][e.to as keyof (typeof NEED_STATUS_LABELS)['zh-CN']]} ${e.actor.displayName}${e.comment ? `：${e.comment}` : ''}`;
    })
    .join('\n');
}

/** 民生微实事台账 (docs/adoption.md), the columns of the monthly ledger and the first ones of the needs list. */
export const NEED_LEDGER_COLUMNS: ExportColumn<Node>[] = [
  { header: '编号', width: 38, value: (n) => n.id },
  { header: '上报日期', width: 17, kind: 'datetime', value: (n) => n.reportedAt },
  { header: '网格', width: 12, value: (n) => n.grid.name },
  { header: '楼栋/地址', width: 22, value: (n) => n.location },
  { header: '群众姓名', width: 10, value: (n) => n.requesterName },
  { header: '联系电话', width: 14, value: (n) => n.requesterPhone },
  { header: '诉求内容', width: 30, value: (n) => n.title },
  { header: '类别', width: 10, value: (n) => n.category?.name },
  { header: '当前环节', width: 10, value: (n) => zh(NEED_STATUS_LABELS)(n.status) },
  { header: '派单项目', width: 24, value: (n) => names(n.orderedProjects) },
  { header: '承办单位', width: 24, value: (n) => names(n.deliveringUnits) },
  { header: '责任人', width: 10, value: (n) => n.assignee?.displayName },
  { header: '办结时限', width: 17, kind: 'datetime', value: (n) => n.dueAt },
  { header: '办结日期', width: 17, kind: 'datetime', value: (n) => n.resolvedAt },
  { header: '满意度', width: 8, kind: 'number', value: (n) => n.satisfaction },
  { header: '是否逾期', width: 8, value: (n) => n.overdue },
];

export const NEED_FIELDS = `id title description status reportedAt location requesterName requesterPhone dueAt resolvedAt satisfaction overdue plan resolution
  grid { name } category { name } orderedProjects { title } deliveringUnits { name } assignee { displayName }`;

/** 联建活动台账 */
export const ACTIVITY_LEDGER_COLUMNS: ExportColumn<Node>[] = [
  { header: '活动名称', width: 28, value: (a) => a.title },
  { header: '类型', width: 12, value: (a) => zh(ACTIVITY_KIND_LABELS)(a.kind) },
  { header: '时间', width: 17, kind: 'datetime', value: (a) => a.startsAt },
  { header: '地点', width: 20, value: (a) => a.location },
  { header: '参与单位', width: 30, value: (a) => (a.signups as Node[]).filter((s) => s.status === 'CONFIRMED').map((s) => s.unit.name).join('、') },
  { header: '参与人数', width: 10, kind: 'number', value: (a) => a.outcome?.participants },
  { header: '志愿时长', width: 10, kind: 'number', value: (a) => a.outcome?.volunteerHours },
  { header: '受益人次', width: 10, kind: 'number', value: (a) => a.outcome?.beneficiaries },
  { header: '成效', width: 36, value: (a) => a.outcome?.summary },
];

export const ACTIVITY_FIELDS = `id title kind status startsAt endsAt location maxUnits confirmedCount cancelReason category { name }
  signups { status headcount unit { name } } outcome { participants volunteerHours beneficiaries summary }`;

/** 积分台账 */
export const POINTS_LEDGER_COLUMNS: ExportColumn<Node>[] = [
  { header: '单位', width: 24, value: (p) => p.unit.name },
  { header: '来源', width: 16, value: (p) => POINTS_SOURCE[p.source] ?? p.source },
  { header: '日期', width: 17, kind: 'datetime', value: (p) => p.earnedAt },
  { header: '分值', width: 8, kind: 'number', value: (p) => p.points },
  { header: '说明', width: 36, value: (p) => [p.activity?.title ?? p.need?.title, p.note].filter(Boolean).join('：') },
];

export const POINTS_FIELDS = `earnedAt points source note unit { name } activity { title } need { title }`;

/** 共建协议台账 */
export const AGREEMENT_LEDGER_COLUMNS: ExportColumn<Node>[] = [
  { header: '单位', width: 24, value: (u) => u.name },
  { header: '签订日期', width: 12, kind: 'date', value: (u) => u.agreement?.signedAt },
  { header: '有效期至', width: 12, kind: 'date', value: (u) => u.agreement?.validUntil },
  { header: '状态', width: 10, value: (u) => zh(AGREEMENT_STATUS_LABELS)(u.agreementStatus) },
  { header: '责任事项', width: 40, value: (u) => u.agreement?.responsibilities },
];

/** 党员承诺台账 */
export const COMMITMENT_LEDGER_COLUMNS: ExportColumn<Node>[] = [
  { header: '党员', width: 10, value: (c) => c.member.name },
  { header: '党支部', width: 20, value: (c) => c.member.branch.name },
  { header: '年度', width: 8, kind: 'number', value: (c) => c.year },
  { header: '类别', width: 12, value: (c) => zh(COMMITMENT_CATEGORY_LABELS)(c.category) },
  { header: '承诺内容', width: 40, value: (c) => c.text },
  { header: '状态', width: 10, value: (c) => zh(COMMITMENT_STATUS_LABELS)(c.status) },
  { header: '评议结果', width: 10, value: (c) => zh(COMMITMENT_RATING_LABELS)(c.rating) },
  { header: '评议意见', width: 30, value: (c) => c.evaluationComment },
];

export const COMMITMENT_FIELDS = `year category text status rating evaluationComment member { name branch { name } }`;

/** 错时约办台账: a unit's booked slots, in the order it serves them. */
export const BOOKING_LEDGER_COLUMNS: ExportColumn<Node>[] = [
  { header: '服务时间', width: 17, kind: 'datetime', value: (b) => b.slot.startsAt },
  { header: '结束时间', width: 17, kind: 'datetime', value: (b) => b.slot.endsAt },
  { header: '是否错时', width: 8, value: (b) => (b.slot.offHours ? '是' : '否') },
  { header: '服务项目', width: 24, value: (b) => b.slot.project.title },
  { header: '提供单位', width: 24, value: (b) => b.slot.project.unit.name },
  { header: '群众姓名', width: 10, value: (b) => b.residentName },
  { header: '联系电话', width: 14, value: (b) => b.residentPhone },
  { header: '楼栋/地址', width: 22, value: (b) => b.location },
  { header: '备注', width: 24, value: (b) => b.note },
  { header: '状态', width: 8, value: (b) => zh(BOOKING_STATUS_LABELS)(b.status) },
];

/** `unitBookings` is a plain list (at most 62 days), not a connection: read in one go. */
export const BOOKINGS_QUERY = `query Export($from: Date!, $to: Date!, $unitId: ID) { unitBookings(from: $from, to: $to, unitId: $unitId) {
  residentName residentPhone location note status slot { startsAt endsAt offHours project { title unit { name } } } } }`;

const UNIT_FIELDS = `id name kind status partyOrgName partyMemberCount contactName contactPhone address joinedAt agreementStatus points
  agreement { signedAt validUntil responsibilities }`;

const page = (field: string, args: string, vars: string, fields: string) =>
  `query Export(${vars}$first: Int, $after: String) { ${field}(${args}first: $first, after: $after) { nodes { ${fields} } pageInfo { endCursor hasNextPage } } }`;

const LISTS: ExportList[] = [
    {
      name: 'units',
      title: '成员单位',
      connection: 'memberUnits',
      query: page('memberUnits', 'filter: $filter, ', '$filter: MemberUnitFilter, ', UNIT_FIELDS),
      columns: [
        { header: '单位名称', width: 26, value: (u) => u.name },
        { header: '类型', width: 10, value: (u) => zh(UNIT_KIND_LABELS)(u.kind) },
        { header: '状态', width: 8, value: (u) => zh(UNIT_STATUS_LABELS)(u.status) },
        { header: '党组织名称', width: 26, value: (u) => u.partyOrgName },
        { header: '党员人数', width: 10, kind: 'number', value: (u) => u.partyMemberCount },
        { header: '联系人', width: 10, value: (u) => u.contactName },
        { header: '联系电话', width: 14, value: (u) => u.contactPhone },
        { header: '地址', width: 26, value: (u) => u.address },
        { header: '加入日期', width: 12, kind: 'date', value: (u) => u.joinedAt },
        { header: '协议状态', width: 10, value: (u) => zh(AGREEMENT_STATUS_LABELS)(u.agreementStatus) },
        { header: '协议签订日期', width: 14, kind: 'date', value: (u) => u.agreement?.signedAt },
        { header: '协议有效期至', width: 14, kind: 'date', value: (u) => u.agreement?.validUntil },
        { header: '累计积分', width: 10, kind: 'number', value: (u) => u.points },
      ],
    },
    {
      name: 'shelf-projects',
      title: '货架项目',
      connection: 'shelfProjects',
      query: page('shelfProjects', 'filter: $filter, ', '$filter: ShelfProjectFilter, ', 'id title description status capacityPerMonth tags orderCount reviewComment createdAt category { name } unit { name }'),
      columns: [
        { header: '项目名称', width: 26, value: (p) => p.title },
        { header: '提供单位', width: 24, value: (p) => p.unit.name },
        { header: '类别', width: 10, value: (p) => p.category.name },
        { header: '状态', width: 10, value: (p) => zh(SHELF_STATUS_LABELS)(p.status) },
        { header: '每月可服务次数', width: 14, kind: 'number', value: (p) => p.capacityPerMonth },
        { header: '标签', width: 20, value: (p) => (p.tags as string[]).join('、') },
        { header: '派单次数', width: 10, kind: 'number', value: (p) => p.orderCount },
        { header: '项目简介', width: 40, value: (p) => p.description },
        { header: '审核意见', width: 20, value: (p) => p.reviewComment },
        { header: '创建时间', width: 17, kind: 'datetime', value: (p) => p.createdAt },
      ],
    },
    {
      name: 'needs',
      title: '民生微实事',
      connection: 'needs',
      query: page('needs', 'filter: $filter, ', '$filter: NeedFilter, ', `${NEED_FIELDS} history { at to comment actor { displayName } }`),
      columns: [
        ...NEED_LEDGER_COLUMNS,
        { header: '详细描述', width: 40, value: (n) => n.description },
        { header: '办理方案', width: 30, value: (n) => n.plan },
        { header: '办结情况', width: 30, value: (n) => n.resolution },
        { header: '办理经过', width: 60, value: historyText },
      ],
    },
    {
      name: 'activities',
      title: '联建活动',
      connection: 'activities',
      query: page('activities', 'filter: $filter, ', '$filter: ActivityFilter, ', ACTIVITY_FIELDS),
      columns: [
        ...ACTIVITY_LEDGER_COLUMNS.slice(0, 3),
        { header: '结束时间', width: 17, kind: 'datetime', value: (a) => a.endsAt },
        { header: '状态', width: 8, value: (a) => zh(ACTIVITY_STATUS_LABELS)(a.status) },
        ...ACTIVITY_LEDGER_COLUMNS.slice(3, 5),
        {
          header: '报名情况',
          width: 40,
          value: (a) => (a.signups as Node[]).map((s) => `${s.unit.name}（${zh(SIGNUP_STATUS_LABELS)(s.status)}，${s.headcount}人）`).join('\n'),
        },
        ...ACTIVITY_LEDGER_COLUMNS.slice(5),
        { header: '取消原因', width: 20, value: (a) => a.cancelReason },
      ],
    },
    {
      name: 'points',
      title: '积分明细',
      connection: 'pointsLedger',
      query: page('pointsLedger', 'unitId: $unitId, from: $from, to: $to, ', '$unitId: ID!, $from: Date, $to: Date, ', POINTS_FIELDS),
      columns: POINTS_LEDGER_COLUMNS,
    },
    {
      name: 'party-members',
      title: '党员名册',
      connection: 'partyMembers',
      query: page('partyMembers', 'filter: $filter, ', '$filter: PartyMemberFilter, ', 'name gender phone gridDuty status joinedPartyOn transferredOutOn branch { name } group { name } grid { name }'),
      columns: [
        { header: '姓名', width: 10, value: (m) => m.name },
        { header: '性别', width: 6, value: (m) => zh(GENDER_LABELS)(m.gender) },
        { header: '手机号', width: 14, value: (m) => m.phone },
        { header: '党支部', width: 20, value: (m) => m.branch.name },
        { header: '党小组', width: 20, value: (m) => m.group?.name },
        { header: '服务网格', width: 10, value: (m) => m.grid?.name },
        { header: '网格职责', width: 14, value: (m) => zh(GRID_DUTY_LABELS)(m.gridDuty) },
        { header: '状态', width: 8, value: (m) => zh(PARTY_MEMBER_STATUS_LABELS)(m.status) },
        { header: '入党日期', width: 12, kind: 'date', value: (m) => m.joinedPartyOn },
        { header: '转出日期', width: 12, kind: 'date', value: (m) => m.transferredOutOn },
      ],
    },
    {
      name: 'bookings',
      title: '错时约办',
      connection: 'unitBookings',
      query: BOOKINGS_QUERY,
      columns: BOOKING_LEDGER_COLUMNS,
    },
    {
      name: 'commitments',
      title: '党员承诺',
      connection: 'commitments',
      query: page('commitments', 'year: $year, filter: $filter, ', '$year: Int!, $filter: CommitmentFilter, ', COMMITMENT_FIELDS),
      columns: COMMITMENT_LEDGER_COLUMNS,
    },
];

export const EXPORT_LISTS: Record<string, ExportList> = Object.fromEntries(LISTS.map((l) => [l.name, l]));
