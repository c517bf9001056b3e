import type { InvalidReason } from '@alliance/shared';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';

/** A cell as read: text trimmed, numbers and dates as they are; empty is null. */
export type CellValue = string | number | Date | null;

export interface ImportColumn {
  /** The key a kind's parse() reads. */
  key: string;
  /** The column's header in the sheet (Chinese): how a file's columns are found, whatever their order. */
  header: string;
  required?: boolean;
  /** Shown in the template's second row. */
  example?: string | number;
  /** What the template offers in a drop-down (the values as written in the sheet). */
  choices?: (lookups: unknown) => string[];
  width?: number;
}

/** One problem of one row: where (the sheet's row number, the column's header) and why, in Chinese. */
export interface ImportProblem {
  row: number;
  column: string;
  reason: string;
}

/** How a kind reports a bad cell: a shared reason code (labelled in Chinese) or words of its own. */
export type Complain = (column: string, reason: InvalidReason | { text: string }) => void;

/**
 * One kind of thing a committee imports from a spreadsheet (issue 13 wants
 * units, shelf projects, party members and buildings through one machinery):
 * its columns, what it must look up first (names to ids), how a row becomes a
 * record or complaints, and how the records are written, all of them in one
 * transaction.
 */
export interface ImportKind<Row, Lookups> {
  kind: string;
  /** The sheet's name and the template's file name (Chinese). */
  title: string;
  columns: ImportColumn[];
  load(ctx: RequestContext): Promise<Lookups>;
  /** null when it complained; `seen` lets a kind refuse duplicates within the file. */
  parse(cells: Record<string, CellValue>, lookups: Lookups, complain: Complain, seen: Set<string>): Row | null;
  /** Writes every row (already all valid); returns how many were written. `ctx` is the importer's, for the events a row's creation publishes. */
  write(tx: TenantScope, rows: Row[], lookups: Lookups, ctx: RequestContext): Promise<number>;
}
