import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAddin } from '../../scripts/build-addin';
import { ApiHarness } from '../api/api-harness';
import { confineToLocalhost, launchChromium } from './browser';

const SUPPORT = 'soporte@partner.example';
const DOCS = join(__dirname, '..', '..', 'docs');

const READ_ITEM = {
  subject: 'Las facturas no se timbran',
  internetMessageId: '<e2e-1@mail.acme.example>',
  conversationId: 'e2e-thread-1',
  itemId: 'AAMkAGI2e2e',
  from: { displayName: 'Ana', emailAddress: 'ana@acme.example' },
  to: [{ displayName: 'Bob', emailAddress: 'bob@acme.example' }],
  cc: [],
  attachments: [
    { name: 'error-301.png', isInline: false },
    { name: 'timbrado.log', isInline: false },
  ],
  body: 'Desde esta mañana el timbrado falla con el error 301 en todas las facturas.',
};

describe('Outlook task pane in headless Chromium (mocked Office item, real API on 127.0.0.1)', () => {
  let h: ApiHarness;
  let browser: Browser;
  let addinDir: string;

  beforeAll(async () => {
    addinDir = mkdtempSync(join(tmpdir(), 'soporte-e2e-addin-'));
    await buildAddin(addinDir);
    copyFileSync(join(__dirname, 'office-mock.js'), join(addinDir, 'office-mock.js'));
    h = await ApiHarness.start({
      localAuth: true,
      addin: { dir: addinDir, officeJsUrl: '/addin/office-mock.js', supportAddress: SUPPORT },
    });
    browser = await launchChromium();
    mkdirSync(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(addinDir, { recursive: true, force: true });
  });

  async function openPane(setup: unknown, query = ''): Promise<{ page: Page; blocked: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 820 }, timezoneId: 'America/Mexico_City' });
    const blocked = await confineToLocalhost(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript((value) => {
      (window as unknown as { __MOCK_OFFICE__: unknown }).__MOCK_OFFICE__ = value;
    }, setup);
    await page.goto(`${h.baseUrl}/addin/taskpane.html${query}`);
    return { page, blocked, errors };
  }

  it('renders the read pane, creates a ticket from the email, and saves a screenshot', async () => {
    const { page, blocked, errors } = await openPane({
      mode: 'read',
      displayLanguage: 'es-MX',
      user: { displayName: 'Ana', emailAddress: 'ana@acme.example' },
      item: READ_ITEM,
    });
    await page.getByText('ana@acme.example es solicitante autorizado de ACME.').waitFor();
    await page.getByText('error-301.png').waitFor();
    await page.locator('select[name=priority]').selectOption('high');
    await page.locator('select[name=incidentType]').selectOption('technical-urgent');
    await page.locator('textarea[name=description]').fill('Afecta a toda la facturación del día.');
    await page.screenshot({ path: join(DOCS, 'addin-create-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Crear ticket' }).click();

    await page.getByText('Ticket SUP-2026-0001').first().waitFor();
    await page.getByText('Envíe el reenvío que se acaba de abrir').waitFor();
    expect(await page.locator('[data-field=status]').textContent()).toBe('Nuevo (en espera de primera respuesta)');
    expect(await page.locator('[data-sla="addin.sla.response"]').textContent()).toMatch(
      /Primera respuesta:.*En tiempo: quedan 4 h 0 min/,
    );

    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: unknown[] }).__officeCalls);
    expect(calls).toEqual([
      { call: 'customProperties.saveAsync', properties: { soporteTicket: 'SUP-2026-0001' } },
      {
        call: 'displayNewMessageForm',
        params: expect.objectContaining({
          toRecipients: [SUPPORT],
          subject: '[SUP-2026-0001] Las facturas no se timbran',
          attachments: [{ type: 'item', itemId: 'AAMkAGI2e2e', name: READ_ITEM.subject }],
        }),
      },
    ]);
    const stored = await h.store.tickets.findBySourceMessageId(READ_ITEM.internetMessageId);
    expect(stored).toMatchObject({
      number: 'SUP-2026-0001',
      priority: 'high',
      incidentType: 'technical-urgent',
      requesterEmail: 'ana@acme.example',
      channel: 'addin',
    });

    await page.screenshot({ path: join(DOCS, 'addin-taskpane.png'), fullPage: true });
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compose "Report to support" in English sets the support address and headers on the email', async () => {
    const { page, blocked, errors } = await openPane(
      { mode: 'compose', displayLanguage: 'en-US', user: { displayName: 'Bob', emailAddress: 'bob@acme.example' } },
      '?action=report',
    );
    await page.getByRole('heading', { name: 'Report to support' }).waitFor();
    await page.locator('select[name=priority]').selectOption('critical');
    await page.getByRole('button', { name: 'Prepare email for support' }).click();
    await page.getByText('Ready: the email goes to soporte@partner.example as Critical / Technical (regular).').waitFor();
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: unknown[] }).__officeCalls);
    expect(calls).toEqual([
      { call: 'to.addAsync', recipients: [SUPPORT] },
      { call: 'internetHeaders.setAsync', headers: { 'X-Soporte-Priority': 'critical', 'X-Soporte-Type': 'technical-regular' } },
    ]);
    await page.screenshot({ path: join(DOCS, 'addin-compose.png'), fullPage: true });
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('SLA board tab in headless Chromium (local mode, real API on 127.0.0.1)', () => {
  let h: ApiHarness;
  let browser: Browser;
  let addinDir: string;

  beforeAll(async () => {
    addinDir = mkdtempSync(join(tmpdir(), 'soporte-e2e-board-'));
    await buildAddin(addinDir);
    h = await ApiHarness.start({
      localAuth: true,
      addin: { dir: addinDir, officeJsUrl: '/addin/office-mock.js', supportAddress: SUPPORT },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(addinDir, { recursive: true, force: true });
  });

  it('shows staff every open ticket by urgency and saves a screenshot', async () => {
    for (const [i, priority] of (['critical', 'medium', 'high'] as const).entries()) {
      await h.service.open(
        { role: 'requester', id: 'ana@acme.example' },
        {
          clientId: 'acme',
          requesterEmail: 'ana@acme.example',
          subject: `Incidente ${i + 1}`,
          description: 'x',
          channel: 'email',
          priority,
          sourceMessageId: `<board-${i}@acme.example>`,
        },
      );
    }
    h.clock.advanceMinutes(45);
    const page = await browser.newPage({ viewport: { width: 1100, height: 420 }, timezoneId: 'America/Mexico_City' });
    const blocked = await confineToLocalhost(page);
    await page.goto(`${h.baseUrl}/addin/sla-board.html?as=lena@partner.example&lang=es-MX`);
    await page.locator('table.board tbody tr').first().waitFor();
    const rows = await page.locator('table.board tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ticket')));
    expect(rows).toEqual(['SUP-2026-0001', 'SUP-2026-0003', 'SUP-2026-0002']);
    expect(await page.locator('.summary').textContent()).toContain('1 incumplidos, 0 en riesgo, 3 abiertos');
    await page.screenshot({ path: join(DOCS, 'sla-board.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await page.close();
  });
});
