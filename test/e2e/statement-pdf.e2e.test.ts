import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BillingService, type HoursLine } from '../../shared/application/billing-service';
import { formatWeightedMinutes } from '../../shared/domain/billing';
import { statementServiceFor } from '../support/statement-service-for';
import { harness, L2, MANAGER, ref, REQUESTER, type Harness } from '../application/fixture';

const DOCS = join(__dirname, '..', '..', 'docs');

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

describe('monthly statement PDF rendered with poppler (pdftoppm, pdftotext)', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soporte-statement-'));
    h = await harness('2026-02-03T16:00:00.000Z');
    const acme = (await h.store.directory.getClient('acme'))!;
    await h.store.directory.putClient({ ...acme, policyOverrides: { billing: { hourlyRateCents: 95_000 } } });
    for (let i = 0; i < 6; i++) {
      let t = (
        await h.tickets.open(REQUESTER, {
          clientId: 'acme',
          requesterEmail: 'ana@acme.example',
          subject: `Facturación ${i + 1}`,
          description: 'Error',
          channel: 'email',
          priority: (['critical', 'high', 'medium'] as const)[i % 3],
          sourceMessageId: `<pdf-${i}@acme.example>`,
        })
      ).ticket;
      h.clock.advanceMinutes(10 + i * 20);
      t = await h.tickets.acknowledge(L2, ref(t));
      t = await h.tickets.logSession(L2, ref(t), 30 + i * 15, 1 + (i % 3), 'revisión');
      t = await h.tickets.logWork(L2, ref(t), 45 + i * 10, 'ajuste');
      if (i % 2 === 0) await h.tickets.resolve(L2, ref(t), 'listo');
      h.clock.advanceMinutes(60 * 24);
    }
    h.clock.set('2026-03-02T16:00:00.000Z');
  });

  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders every page, and its figures are the hours report's for the same month", async () => {
    const statements = statementServiceFor(h);
    const { statement, files } = await statements.draft(MANAGER, 'acme', '2026-02');
    const pdf = join(dir, files[0].name);
    writeFileSync(pdf, files[0].content);

    run('pdftoppm', ['-png', '-r', '80', pdf, join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(1);
    copyFileSync(join(dir, pages[0]), join(DOCS, 'statement-page1.png'));
    expect(existsSync(join(DOCS, 'statement-page1.png'))).toBe(true);

    const text = run('pdftotext', ['-layout', pdf, '-']);
    const report = await new BillingService({ store: h.store, policies: h.policies }).hoursReport('acme', '2026-02');
    const money = (cents: number) => new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' }).format(cents / 100);
    expect(text).toContain('ACME: estado de cuenta de febrero de 2026');
    // The total line and the totals row carry the hours report's minutes, hours and amount.
    expect(text).toContain(`Total: ${money(report.total.amountCents)}`);
    // Columns: kind, entries, normal-rate minutes, after-hours minutes, charged minutes (one decimal), hours, amount.
    const cells = (line: HoursLine) =>
      [
        line.entries,
        line.regularMinutes + line.unapprovedAfterHoursMinutes,
        line.afterHoursMinutes,
        formatWeightedMinutes(line.chargeableMinutes),
        (line.chargeableMinutes / 60).toFixed(2),
      ]
        .map((x) => String(x).replace('.', '\\.'))
        .join('\\s+');
    expect(text).toMatch(
      new RegExp(`Total\\s+${cells(report.total)}\\s+${money(report.total.amountCents).replace(/[$.]/g, '\\$&')}`),
    );
    for (const row of report.rows.filter((r) => r.entries > 0)) {
      const kind = { 'follow-up': 'Seguimiento', session: 'Sesión', work: 'Trabajo' }[row.kind];
      expect(text).toMatch(new RegExp(`${kind}\\s+${cells(row)}\\s+${money(row.amountCents).replace(/[$.]/g, '\\$&')}`));
    }
    // Every billed line names its ticket.
    for (const line of statement.data.lines) expect(text).toContain(line.ticketNumber);
    expect(text).toContain('x 3 consultores');
    expect(text).toMatch(/Página 1 de \d/);
  });
});
