import {
  ACTIVITY_STATUS_LABELS,
  NEED_STATUS_LABELS,
  ROLE_LABELS,
  SHELF_STATUS_LABELS,
  UNIT_KIND_LABELS,
  UNIT_STATUS_LABELS,
  USER_STATUS_LABELS,
  VENUE_KIND_LABELS,
  type AuditSubject,
  type LabelTable,
} from '@alliance/shared';
import type { RouteLocationRaw } from 'vue-router';
import { i18n, label, t } from '../i18n';
import { allianceDateTime } from './time';

/*
 * An audit entry's summary (a JSON object: {before, after} of what changed,
 * a reason, a comment, what was credited...) as lines a person reads: one
 * "field: before → after" line per changed field, one "field: value" line per
 * other fact; ids become names, codes become labels, instants the alliance's
 * time. Keys nobody taught it are shown as they are, never dropped.
 */

export interface SummaryLine {
  key: string;
  label: string;
  /** A change: both sides (either may be '—'). */
  before?: string;
  after?: string;
  /** A fact. */
  value?: string;
}

/** Names for the ids a summary holds. */
export interface SummaryLookups {
  units: ReadonlyMap<string, string>;
  grids: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

export interface AuditEntryLike {
  subjectType: AuditSubject | string;
  subjectId: string | null;
  summary: Record<string, unknown> | null;
}

const STATUS_TABLES: Partial<Record<string, LabelTable<string>>> = {
  USER: USER_STATUS_LABELS,
  MEMBER_UNIT: UNIT_STATUS_LABELS,
  SHELF_PROJECT: SHELF_STATUS_LABELS,
  NEED: NEED_STATUS_LABELS,
  ACTIVITY: ACTIVITY_STATUS_LABELS,
};

/** At the top level: shown as the subject, not as a line. */
const SUBJECT_KEYS = new Set(['title']);
/** Read together with another key of the same side (assigneeId shows assigneeName). */
const COMPANION_KEYS: Record<string, string> = { assigneeName: 'assigneeId' };

/**
 * The order lines are read in (PostgreSQL's jsonb keeps keys shortest first):
 * who and what first, then the status and the rest; keys not listed follow
 * in the order they come.
 */
const FIELD_ORDER = [
  'username',
  'displayName',
  'name',
  'kind',
  'role',
  'unitId',
  'gridId',
  'phone',
  'contactName',
  'contactPhone',
  'status',
  'assigneeId',
  'plan',
  'dueAt',
  'projects',
  'satisfaction',
  'outcome',
  'confirmedUnits',
  'source',
  'units',
  'pointsEach',
  'total',
  'reason',
  'why',
  'comment',
];
const rank = (key: string) => {
  const i = FIELD_ORDER.indexOf(key);
  return i < 0 ? FIELD_ORDER.length : i;
};
const ordered = (keys: string[]) => keys.map((k, i) => [k, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([k]) => k);

const EMPTY = '—';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function known(key: string): boolean {
  return i18n.global.te(key);
}

export function fieldLabel(key: string): string {
  return known(`audit.fields.${key}`) ? t(`audit.fields.${key}`) : key;
}

function fromTable(table: LabelTable<string> | undefined, value: string): string {
  return table && value in table['zh-CN'] ? label(table, value) : value;
}

/** One value, as a person reads it. */
export function formatValue(key: string, value: unknown, entry: AuditEntryLike, lookups: SummaryLookups, side: Record<string, unknown> = {}): string {
  if (value === null || value === undefined || value === '') {
    if (key === 'assigneeId' && typeof side.assigneeName === 'string') return side.assigneeName;
    return EMPTY;
  }
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length
      ? value
          .map((item) => (isObject(item) ? String(item.title ?? item.name ?? item.displayName ?? item.username ?? item.id ?? JSON.stringify(item)) : formatValue(key, item, entry, lookups)))
          .join(t('common.listSeparator'))
      : EMPTY;
  }
  if (isObject(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${fieldLabel(k)} ${formatValue(k, v, entry, lookups, value)}`)
      .join(t('common.listSeparator'));
  }
  const s = String(value);
  switch (key) {
    case 'status':
      return fromTable(STATUS_TABLES[entry.subjectType], s);
    case 'role':
      return fromTable(ROLE_LABELS, s);
    case 'kind':
      return entry.subjectType === 'MEMBER_UNIT' ? fromTable(UNIT_KIND_LABELS, s) : entry.subjectType === 'VENUE' ? fromTable(VENUE_KIND_LABELS, s) : s;
    case 'unitId':
      return lookups.units.get(s) ?? s;
    case 'gridId':
      return lookups.grids.get(s) ?? s;
    case 'assigneeId':
      return typeof side.assigneeName === 'string' ? side.assigneeName : (lookups.users.get(s) ?? s);
    case 'why':
      return known(`audit.why.${s}`) ? t(`audit.why.${s}`) : s;
    case 'source':
      return known(`audit.source.${s}`) ? t(`audit.source.${s}`) : s;
  }
  return ISO_INSTANT.test(s) ? allianceDateTime(s) || s : s;
}

/** The lines of an entry's summary: the changes first, then the other facts. */
export function summaryLines(entry: AuditEntryLike, lookups: SummaryLookups): SummaryLine[] {
  const summary = entry.summary ?? {};
  const before = isObject(summary.before) ? summary.before : null;
  const after = isObject(summary.after) ? summary.after : null;
  const lines: SummaryLine[] = [];
  const skip = (side: Record<string, unknown>, key: string) => COMPANION_KEYS[key] !== undefined && COMPANION_KEYS[key]! in side;

  if (before || after) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = ordered([...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip(a, k) && !skip(b, k)));
    for (const key of keys) {
      if (before) {
        lines.push({ key, label: fieldLabel(key), before: formatValue(key, b[key], entry, lookups, b), after: formatValue(key, a[key], entry, lookups, a) });
      } else if (a[key] !== null && a[key] !== undefined && a[key] !== '') {
        // Created: what it was created with.
        lines.push({ key, label: fieldLabel(key), value: formatValue(key, a[key], entry, lookups, a) });
      }
    }
  }
  for (const key of ordered(Object.keys(summary))) {
    const value = summary[key];
    if (key === 'before' || key === 'after' || SUBJECT_KEYS.has(key) || skip(summary, key)) continue;
    lines.push({ key, label: fieldLabel(key), value: formatValue(key, value, entry, lookups, summary) });
  }
  return lines;
}

/** What the entry is about, by name where the log or the lookups know it. */
export function subjectName(entry: AuditEntryLike, lookups: SummaryLookups): string {
  const s = entry.summary ?? {};
  const after = isObject(s.after) ? s.after : {};
  if (typeof s.title === 'string' && s.title) return s.title;
  const id = entry.subjectId ?? '';
  if (entry.subjectType === 'USER') {
    const name = lookups.users.get(id);
    const username = typeof s.username === 'string' ? s.username : typeof after.username === 'string' ? after.username : null;
    if (name) return username ? `${name} · ${username}` : name;
    if (username) return username;
  }
  if (entry.subjectType === 'MEMBER_UNIT') {
    const name = lookups.units.get(id) ?? (typeof after.name === 'string' ? after.name : null);
    if (name) return name;
  }
  return id ? id.slice(0, 8) : EMPTY;
}

/** The page of the entry's subject, where the admin has one. */
export function subjectRoute(entry: AuditEntryLike): RouteLocationRaw | null {
  if (!entry.subjectId) return null;
  const names: Partial<Record<string, string>> = { NEED: 'need', SHELF_PROJECT: 'project', ACTIVITY: 'activity', MEMBER_UNIT: 'unit' };
  const name = names[entry.subjectType];
  return name ? { name, params: { id: entry.subjectId } } : null;
}
