import type { StatementFile, StatementRenderer } from '../../application/statement-ports';
import type { Statement } from '../../domain/statement';
import { statementCsv } from './statement-csv';
import { statementPdf } from './statement-pdf';
import { statementXlsx } from './statement-xlsx';

/** The statement's three files (PDF, CSV, XLSX), named `<client>-<month>.<ext>`, dated when it was drafted. */
export function createStatementRenderer(timeZone: string): StatementRenderer {
  return {
    async render(statement: Statement): Promise<StatementFile[]> {
      const base = `soporte-${statement.clientId}-${statement.month}`;
      const createdAt = new Date(statement.draftedAt);
      return [
        { name: `${base}.pdf`, contentType: 'application/pdf', content: await statementPdf(statement.data, timeZone, createdAt) },
        {
          name: `${base}.csv`,
          contentType: 'text/csv; charset=utf-8',
          content: Buffer.from(statementCsv(statement.data), 'utf8'),
        },
        {
          name: `${base}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: await statementXlsx(statement.data, timeZone, createdAt),
        },
      ];
    },
  };
}
