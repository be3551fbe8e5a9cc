import PDFDocument from 'pdfkit';
import { billedMinutes, type HoursLine } from '../../domain/billing';
import type { StatementData } from '../../domain/statement';
import { PRIORITIES } from '../../domain/ticket';
import { StatementText } from './statement-text';

const MARGIN = 50;
const ROW = 16;

/** Lays out rows of cells on Letter pages, breaking pages as they fill. Standard PDF fonts (Helvetica), shipped with pdfkit. */
class Layout {
  y = MARGIN;
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private room(height: number): void {
    if (this.y + height > this.doc.page.height - MARGIN - 20) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  heading(text: string, size = 13): void {
    this.room(size + 24);
    this.y += 8;
    this.doc.font('Helvetica-Bold').fontSize(size).fillColor('#1f3a68').text(text, MARGIN, this.y, { width: this.width });
    this.y = this.doc.y + 4;
    this.doc.fillColor('#000');
  }

  paragraph(text: string, bold = false): void {
    this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.room(height);
    this.doc.text(text, MARGIN, this.y, { width: this.width });
    this.y += height + 4;
  }

  /** One table row; `widths` are fractions of the page width; `right` aligns those columns right (numbers). */
  row(
    cells: string[],
    widths: number[],
    options: { bold?: boolean; right?: number[]; shade?: boolean; size?: number } = {},
  ): void {
    this.room(ROW);
    if (options.shade)
      this.doc
        .rect(MARGIN, this.y - 3, this.width, ROW)
        .fill('#eef3fa')
        .fillColor('#000');
    this.doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size ?? 9);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const w = widths[i] * this.width;
      // One line per cell: a text too long for its column ends in an ellipsis instead of wrapping.
      this.doc.text(cell, x + 2, this.y, {
        width: w - 4,
        height: ROW - 4,
        ellipsis: true,
        align: options.right?.includes(i) ? 'right' : 'left',
      });
      x += w;
    });
    this.y += ROW;
  }
}

/** The statement as a PDF in the client's language: counts, compliance, hours, every billed line, the total. */
export function statementPdf(data: StatementData, timeZone: string, createdAt: Date): Promise<Buffer> {
  const text = new StatementText(data, timeZone);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: text.t('statement.heading', { client: data.clientName, month: text.monthName() }),
      Author: 'Soporte',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
    lang: data.locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layout = new Layout(doc);

  layout.heading(text.t('statement.heading', { client: data.clientName, month: text.monthName() }), 16);
  layout.paragraph(
    text.t('statement.period', { from: text.day(data.from), to: text.day(new Date(Date.parse(data.to) - 1).toISOString()) }),
  );

  layout.heading(text.t('statement.section.tickets'));
  for (const key of ['opened', 'resolved', 'closedValidated', 'closedNoResponse'] as const)
    layout.row([text.t(`statement.tickets.${key}`), String(data.tickets[key])], [0.5, 0.15], { right: [1] });

  layout.heading(text.t('statement.section.compliance'));
  const cw = [0.3, 0.35, 0.35];
  layout.row([text.t('statement.col.priority'), text.t('statement.col.response'), text.t('statement.col.resolution')], cw, {
    bold: true,
    shade: true,
  });
  for (const p of PRIORITIES)
    layout.row(
      [
        text.t(`priority.${p}`),
        text.percent(data.compliance.byPriority[p].response),
        text.percent(data.compliance.byPriority[p].resolution),
      ],
      cw,
    );
  layout.row(
    [text.t('statement.compliance.total'), text.percent(data.compliance.response), text.percent(data.compliance.resolution)],
    cw,
    { bold: true },
  );

  layout.heading(text.t('statement.section.hours'));
  // The hours report, figure for figure: one line per kind, the total the sum of the rounded lines.
  const hw = [0.13, 0.08, 0.14, 0.21, 0.14, 0.1, 0.2];
  const right = [1, 2, 3, 4, 5, 6];
  layout.row(
    [
      text.t('statement.col.kind'),
      text.t('statement.col.entries'),
      text.t('statement.col.normalMinutes'),
      text.t('statement.col.afterHoursMinutes'),
      text.t('statement.col.chargeableMinutes'),
      text.t('statement.col.hours'),
      text.t('statement.col.amount'),
    ],
    hw,
    { bold: true, shade: true, right, size: 8 },
  );
  const hoursRow = (label: string, line: HoursLine) => [
    label,
    String(line.entries),
    String(line.regularMinutes + line.unapprovedAfterHoursMinutes),
    String(line.afterHoursMinutes),
    text.weighted(line.chargeableMinutes),
    text.hours(line.chargeableMinutes),
    text.money(line.amountCents),
  ];
  for (const row of data.summary.rows) if (row.entries > 0) layout.row(hoursRow(text.kind(row), row), hw, { right });
  const total = data.summary.total;
  layout.row(hoursRow(text.t('statement.hours.total'), total), hw, { bold: true, right });

  layout.heading(text.t('statement.section.extensions'));
  layout.paragraph(
    text.t('statement.extensions', {
      requested: data.extensions.requested,
      approved: data.extensions.approved,
      hours: text.hours(data.extensions.approvedMinutes),
      refused: data.extensions.refused,
    }),
  );
  layout.heading(text.t('statement.section.microsoft'));
  layout.paragraph(
    data.microsoftCases.length === 0
      ? text.t('statement.none')
      : data.microsoftCases
          .map((c) => text.t('statement.microsoft.case', { ticket: c.ticketNumber, caseNumber: c.caseNumber }))
          .join('\n'),
  );

  layout.heading(text.t('statement.section.lines'));
  const lw = [0.17, 0.14, 0.12, 0.27, 0.08, 0.1, 0.12];
  layout.row(
    [
      text.t('statement.col.date'),
      text.t('statement.col.ticket'),
      text.t('statement.col.kind'),
      text.t('statement.col.detail'),
      text.t('statement.col.minutes'),
      text.t('statement.col.multiplier'),
      text.t('statement.col.amount'),
    ],
    lw,
    { bold: true, shade: true, right: [4, 6], size: 8 },
  );
  if (data.lines.length === 0) layout.paragraph(text.t('statement.none'));
  for (const line of data.lines)
    layout.row(
      [
        text.date(line.at),
        line.ticketNumber,
        text.kind(line),
        text.detail(line),
        String(line.billedMinutes),
        text.rate(line),
        text.money(line.chargeCents),
      ],
      lw,
      { right: [4, 6], size: 8 },
    );
  layout.row([text.t('statement.hours.total'), '', '', '', String(billedMinutes(total)), '', text.money(total.amountCents)], lw, {
    bold: true,
    right: [4, 6],
    size: 8,
  });

  layout.heading(text.total(), 12);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555')
      .text(text.t('statement.page', { page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN + 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
