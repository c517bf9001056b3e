import { LIMITS, UNIT_KIND_LABELS, checkText, isValidCreditCode, localDate, type UnitKind } from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import type { RequestContext } from '../../graphql/context.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { UnitCreated } from '../member-unit/events/unit-created.event.js';
import { unitAuditView } from '../member-unit/unit-audit-view.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { ShelfProjectCreated } from '../shelf/events/shelf-project-created.event.js';
import { choice, day, integer, namesOf, phone, text } from './import.cells.js';
import type { ImportKind } from './import.types.js';

/*
 * The alliance's own records (issue 13): member units and their shelf
 * projects, through the same machinery as the community's. Each row is
 * created as createMemberUnit / createShelfProject would create it, with the
 * same domain event, so the audit log and the dashboard hear of every one.
 */

interface Units {
  /** Every unit of the alliance by name, with its status (names are unique in an alliance). */
  units: Map<string, { id: string; status: string }>;
  categories: Map<string, string>;
}

async function units(ctx: RequestContext): Promise<Units> {
  const q = (sql: string) => ctx.scope.manager.query(sql, [ctx.scope.allianceId]);
  const [rows, categories] = await Promise.all([
    q(`SELECT id, name, status FROM member_unit WHERE alliance_id = $1 ORDER BY name`),
    q(`SELECT id, code, name FROM service_category WHERE alliance_id = $1 ORDER BY code`),
  ]);
  const byName = new Map<string, string>();
  for (const c of categories as { id: string; code: string; name: string }[]) {
    byName.set(c.name, c.id);
    byName.set(c.code, c.id);
  }
  return { units: new Map((rows as { id: string; name: string; status: string }[]).map((u) => [u.name, { id: u.id, status: u.status }])), categories: byName };
}

const KINDS = namesOf<UnitKind>(UNIT_KIND_LABELS);

interface UnitRow {
  name: string;
  kind: UnitKind;
  creditCode: string | null;
  partyOrgName: string | null;
  partyMemberCount: number;
  contactName: string;
  contactPhone: string;
  address: string | null;
  joinedAt: string;
}

/** 成员单位: the rules of createMemberUnit; a name unique in the alliance and in the file. */
export const MEMBER_UNIT_IMPORT: ImportKind<UnitRow, Units> = {
  kind: 'member-units',
  title: '成员单位',
  columns: [
    { key: 'name', header: '单位名称', required: true, example: '松山社区卫生服务站', width: 26 },
    { key: 'kind', header: '单位类型', required: true, example: '事业单位', width: 12, choices: () => Object.values(UNIT_KIND_LABELS['zh-CN']) },
    { key: 'creditCode', header: '统一社会信用代码', width: 22 },
    { key: 'partyOrgName', header: '党组织名称', example: '松山社区卫生服务站党支部', width: 26 },
    { key: 'partyMemberCount', header: '党员人数', required: true, example: 12, width: 10 },
    { key: 'contactName', header: '联系人', required: true, example: '张敏', width: 10 },
    { key: 'contactPhone', header: '联系电话', required: true, example: '13912345678', width: 16 },
    { key: 'address', header: '地址', example: '健康街道松山路18号', width: 26 },
    { key: 'joinedAt', header: '加入日期', example: '2021-07-01', width: 12 },
  ],
  load: units,
  parse(c, l, complain, seen) {
    const name = text(c.name ?? null, '单位名称', { max: LIMITS.name, required: true }, complain);
    if (name && (l.units.has(name) || seen.has(name))) complain('单位名称', { text: l.units.has(name) ? `单位“${name}”已是联盟成员` : `单位“${name}”在表中重复` });
    if (name) seen.add(name);
    const kind = choice(c.kind ?? null, '单位类型', KINDS, complain, true);
    let creditCode: string | null = null;
    if (c.creditCode !== null && c.creditCode !== undefined) {
      creditCode = String(c.creditCode).trim().toUpperCase();
      if (!isValidCreditCode(creditCode)) complain('统一社会信用代码', 'INVALID_CREDIT_CODE');
    }
    const partyOrgName = text(c.partyOrgName ?? null, '党组织名称', { max: LIMITS.name }, complain);
    const partyMemberCount = integer(c.partyMemberCount ?? null, '党员人数', LIMITS.partyMemberCount, complain);
    const contactName = text(c.contactName ?? null, '联系人', { max: LIMITS.personName, required: true }, complain);
    const contactPhone = c.contactPhone === null || c.contactPhone === undefined ? (complain('联系电话', 'REQUIRED'), null) : phone(c.contactPhone, '联系电话', complain);
    const address = text(c.address ?? null, '地址', { max: LIMITS.address }, complain);
    const joinedAt = day(c.joinedAt ?? null, '加入日期', complain);
    if (!name || !kind || partyMemberCount === null || !contactName || !contactPhone || joinedAt === undefined) return null;
    return { name, kind, creditCode, partyOrgName, partyMemberCount, contactName, contactPhone, address, joinedAt: joinedAt ?? localDate() };
  },
  async write(tx, rows, _l, ctx) {
    for (const r of rows) {
      const saved = await tx.manager.save(tx.create(MemberUnit, { ...r, status: 'ACTIVE' }));
      await publish(ctx, tx, new UnitCreated({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, saved.id, unitAuditView(saved)));
    }
    return rows.length;
  },
};

interface ProjectRow {
  unitId: string;
  categoryId: string;
  title: string;
  description: string;
  capacityPerMonth: number | null;
  tags: string[];
}

/** 货架项目: the rules of createShelfProject (an active unit of the alliance, a category, a title and description), created as DRAFT. */
export const SHELF_PROJECT_IMPORT: ImportKind<ProjectRow, Units> = {
  kind: 'shelf-projects',
  title: '货架项目',
  columns: [
    { key: 'unit', header: '提供单位', required: true, example: '海拉尔区松风小学', width: 24, choices: (l) => [...(l as Units).units].filter(([, u]) => u.status === 'ACTIVE').map(([n]) => n) },
    { key: 'title', header: '项目名称', required: true, example: '四点半课堂', width: 24 },
    { key: 'category', header: '类别', required: true, example: '党群服务', width: 12 },
    { key: 'description', header: '项目简介', required: true, example: '放学后为双职工家庭的孩子辅导作业', width: 40 },
    { key: 'capacityPerMonth', header: '每月可服务次数', example: 8, width: 14 },
    { key: 'tags', header: '标签', example: '青少年、课业辅导', width: 20 },
  ],
  load: units,
  parse(c, l, complain) {
    const unitName = text(c.unit ?? null, '提供单位', { max: LIMITS.name, required: true }, complain);
    const unit = unitName ? l.units.get(unitName) : undefined;
    if (unitName && !unit) complain('提供单位', { text: `没有名为“${unitName}”的成员单位` });
    else if (unit && unit.status !== 'ACTIVE') complain('提供单位', { text: `单位“${unitName}”已不是在册成员，不能上架项目` });
    const title = text(c.title ?? null, '项目名称', { max: LIMITS.title, required: true }, complain);
    const categoryName = text(c.category ?? null, '类别', { max: 50, required: true }, complain);
    const categoryId = categoryName ? l.categories.get(categoryName) : undefined;
    if (categoryName && !categoryId) complain('类别', { text: `没有名为“${categoryName}”的服务类别` });
    const description = text(c.description ?? null, '项目简介', { max: LIMITS.description, required: true, multiline: true }, complain);
    const capacity = integer(c.capacityPerMonth ?? null, '每月可服务次数', LIMITS.capacityPerMonth, complain, false);
    const tags = c.tags === null || c.tags === undefined ? [] : String(c.tags).split(/[,，、;；\s]+/).filter(Boolean);
    if (tags.length > LIMITS.tags || tags.some((t) => checkText(t, { max: LIMITS.tag, required: true }))) complain('标签', 'TOO_LONG');
    if (!unit || unit.status !== 'ACTIVE' || !title || !categoryId || !description) return null;
    return { unitId: unit.id, categoryId, title, description, capacityPerMonth: capacity, tags };
  },
  async write(tx, rows, _l, ctx) {
    for (const r of rows) {
      const saved = await tx.manager.save(tx.create(ShelfProject, { ...r, status: 'DRAFT' }));
      await publish(ctx, tx, new ShelfProjectCreated({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, saved.id, r.unitId));
    }
    return rows.length;
  },
};
