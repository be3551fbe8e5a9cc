export type ColumnType = 'text' | 'number' | 'dateTime' | 'boolean' | 'choice';

export interface StoredColumn {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  /** The type facet as given ("text": { maxLength: 255 } ...), echoed back. */
  facet: Record<string, unknown>;
  indexed: boolean;
  required: boolean;
  enforceUniqueValues: boolean;
  readOnly: boolean;
  hidden: boolean;
}

export interface StoredItem {
  id: number;
  /** The GUID part of the eTag ("{guid},{version}"): fixed for the item's life. */
  uniqueId: string;
  /** Bumped by every write. */
  version: number;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface StoredList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  columns: StoredColumn[];
  items: Map<number, StoredItem>;
  nextItemId: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface StoredSite {
  id: string;
  hostname: string;
  /** Server-relative path, e.g. "/sites/support". */
  path: string;
  name: string;
  displayName: string;
  createdDateTime: string;
  lists: StoredList[];
}
