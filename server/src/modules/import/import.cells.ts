import { checkIntRange, checkText, isValidDate, isValidPhone, type TextRule } from '@alliance/shared';
import type { CellValue, Complain } from './import.types.js';

/*
 * Reading one cell the way the API's validators read an argument, so that an
 * imported row obeys the very rules a form obeys; a bad cell is a complaint
 * naming its column, never a thrown error.
 */

export function text(v: CellValue, column: string, rule: TextRule, complain: Complain): string | null {
  const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  const reason = checkText(s, rule);
  if (reason) {
    complain(column, reason);
    return null;
  }
  return s || null;
}

export function phone(v: CellValue, column: string, complain: Complain): string | null {
  if (v === null) return null;
  const s = String(v).replace(/\s/g, '');
  if (!isValidPhone(s)) {
    complain(column, 'INVALID_PHONE');
    return null;
  }
  return s;
}

export function integer(v: CellValue, column: string, range: { min: number; max: number }, complain: Complain, required = true): number | null {
  const n = v === null || v === '' ? null : typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  const reason = n !== null && Number.isNaN(n) ? 'NOT_AN_INTEGER' : checkIntRange(n, range, required);
  if (reason) {
    complain(column, reason);
    return null;
  }
  return n;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A calendar day: a date cell, an Excel serial number, or text as YYYY-MM-DD, YYYY/M/D or YYYY.M.D. */
export function day(v: CellValue, column: string, complain: Complain): string | null | undefined {
  if (v === null) return null;
  let iso: string | null = null;
  if (v instanceof Date) iso = v.toISOString().slice(0, 10);
  else if (typeof v === 'number' && v > 0 && v < 100_000) iso = new Date(EXCEL_EPOCH + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
  else {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(v).trim());
    if (m) iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  if (!iso || !isValidDate(iso)) {
    complain(column, 'INVALID_DATE');
    return undefined;
  }
  return iso;
}

/** One of a set of named values (a label, e.g. 兼职红色网格员, or the code itself). */
export function choice<T extends string>(v: CellValue, column: string, byName: Map<string, T>, complain: Complain, required: boolean): T | null | undefined {
  if (v === null) {
    if (required) complain(column, 'REQUIRED');
    return required ? undefined : null;
  }
  const found = byName.get(String(v).trim());
  if (!found) {
    complain(column, { text: `“${String(v).trim()}”不是可选的值（可选：${[...new Set(byName.keys())].filter((k) => /[^A-Z_]/.test(k)).join('、')}）` });
    return undefined;
  }
  return found;
}

/** Labels (both languages) and codes, to the code. */
export function namesOf<T extends string>(labels: Record<string, Record<T, string>>): Map<string, T> {
  const map = new Map<string, T>();
  for (const table of Object.values(labels)) for (const [code, name] of Object.entries(table) as [T, string][]) map.set(name, code);
  for (const code of Object.keys(Object.values(labels)[0] ?? {}) as T[]) map.set(code, code);
  return map;
}
