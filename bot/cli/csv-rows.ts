import { parse } from 'csv-parse/sync';
import type { RequesterRow } from '../../shared/application/directory-service';
import { ValidationError } from '../../shared/domain/common';

/**
 * Requester rows from CSV text with a header line (email, name, locale, admin, effective_from,
 * on_request_of; case and spaces in headers ignored). Each row keeps its line number in the file so
 * errors point at it. A file that is not CSV at all (an unclosed quote) is refused as a whole.
 */
export function requesterRows(text: string): RequesterRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        ),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      bom: true,
      info: true,
    });
  } catch (error) {
    throw new ValidationError('csv', error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (records.length > 0 && !('email' in records[0].record))
    throw new ValidationError('csv', 'the header line must name an "email" column (and "name")');
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
}
