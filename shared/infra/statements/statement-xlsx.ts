import ExcelJS from 'exceljs';
import { billedMinutes, type HoursLine } from '../../domain/billing';
import { PRIORITIES } from '../../domain/ticket';
import type { StatementData } from '../../domain/statement';
import { StatementText } from './statement-text';

/** The statement as an Excel workbook: a summary sheet and a sheet of billed lines (numbers as numbers). */
export async function statementXlsx(data: StatementData, timeZone: string, createdAt: Date): Promise<Buffer> {
  const text = new StatementText(data, timeZone);
  const book = new ExcelJS.Workbook();
  book.creator = 'Soporte';
  book.created = createdAt;
  book.modified = createdAt;
  const summary = book.addWorksheet(text.t('statement.title'));
  summary.addRow([text.t('statement.heading', { client: data.clientName, month: text.monthName() })]).font = {
    bold: true,
    size: 14,
  };
  summary.addRow([
    text.t('statement.period', { from: text.day(data.from), to: text.day(new Date(Date.parse(data.to) - 1).toISOString()) }),
  ]);
  summary.addRow([]);
  summary.addRow([text.t('statement.section.tickets')]).font = { bold: true };
  for (const key of ['opened', 'resolved', 'closedValidated', 'closedNoResponse'] as const)
    summary.addRow([text.t(`statement.tickets.${key}`), data.tickets[key]]);
  summary.addRow([]);
  summary.addRow([text.t('statement.section.compliance')]).font = { bold: true };
  summary.addRow([text.t('statement.col.priority'), text.t('statement.col.response'), text.t('statement.col.resolution')]).font =
    { bold: true };
  for (const p of PRIORITIES)
    summary.addRow([
      text.t(`priority.${p}`),
      text.percent(data.compliance.byPriority[p].response),
      text.percent(data.compliance.byPriority[p].resolution),
    ]);
  summary.addRow([
    text.t('statement.compliance.total'),
    text.percent(data.compliance.response),
    text.percent(data.compliance.resolution),
  ]);
  summary.addRow([]);
  summary.addRow([text.t('statement.section.hours')]).font = { bold: true };
  // The hours report, figure for figure: one line per kind, the total the sum of the rounded lines.
  summary.addRow([
    text.t('statement.col.kind'),
    text.t('statement.col.entries'),
    text.t('statement.col.normalMinutes'),
    text.t('statement.col.afterHoursMinutes'),
    text.t('statement.col.chargeableMinutes'),
    text.t('statement.col.amount'),
  ]).font = { bold: true };
  const hoursRow = (label: string, line: HoursLine) => [
    label,
    line.entries,
    line.regularMinutes + line.unapprovedAfterHoursMinutes,
    line.afterHoursMinutes,
    Number(text.weighted(line.chargeableMinutes)),
    line.amountCents / 100,
  ];
  for (const row of data.summary.rows) if (row.entries > 0) summary.addRow(hoursRow(text.kind(row), row));
  summary.addRow(hoursRow(text.t('statement.hours.total'), data.summary.total)).font = { bold: true };
  summary.addRow([]);
  summary.addRow([
    text.t('statement.section.extensions'),
    text.t('statement.extensions', {
      requested: data.extensions.requested,
      approved: data.extensions.approved,
      hours: text.hours(data.extensions.approvedMinutes),
      refused: data.extensions.refused,
    }),
  ]);
  summary.addRow([
    text.t('statement.section.microsoft'),
    data.microsoftCases.map((c) => `${c.ticketNumber}: ${c.caseNumber}`).join('; ') || text.t('statement.none'),
  ]);
  summary.addRow([text.total()]).font = { bold: true };
  summary.getColumn(1).width = 40;
  for (const c of [2, 3, 4, 5, 6]) summary.getColumn(c).width = 22;

  const lines = book.addWorksheet(text.t('statement.section.lines'));
  lines.addRow([
    text.t('statement.col.date'),
    text.t('statement.col.ticket'),
    text.t('statement.col.kind'),
    text.t('statement.col.detail'),
    text.t('statement.col.billedMinutes'),
    text.t('statement.col.multiplier'),
    text.t('statement.col.amount'),
  ]).font = { bold: true };
  for (const line of data.lines)
    lines.addRow([
      text.date(line.at),
      line.ticketNumber,
      text.kind(line),
      text.detail(line),
      line.billedMinutes,
      text.rate(line),
      line.chargeCents / 100,
    ]);
  const total = data.summary.total;
  lines.addRow([text.t('statement.hours.total'), '', '', '', billedMinutes(total), '', total.amountCents / 100]).font = {
    bold: true,
  };
  lines.getColumn(7).numFmt = '#,##0.00';
  [22, 16, 14, 34, 16, 22, 14].forEach((w, i) => (lines.getColumn(i + 1).width = w));
  return Buffer.from(await book.xlsx.writeBuffer());
}
