/** A column of a DataList: a table column on a desk, a line of a card on a phone. */
export interface ListColumn<R = any> {
  key: string;
  label: string;
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** Plain text of the cell when there is no `cell-<key>` slot. */
  value?: (row: R) => string | number | null | undefined;
  /** On a card: the heading, the tag beside it, a key field (default), or left out. */
  card?: 'title' | 'status' | 'field' | false;
  /** Always shown (not offered in the column settings); the title column is. */
  fixed?: boolean;
  /** Hidden until the user shows it in the column settings. */
  hiddenByDefault?: boolean;
}
