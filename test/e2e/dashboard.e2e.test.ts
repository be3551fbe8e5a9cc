import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildAddin } from '../../scripts/build-addin';
import { writeTicketHistory } from '../../bot/demo/ticket-history';
import { ApiHarness, NOW } from '../api/api-harness';
import { confineToLocalhost, launchChromium } from './browser';

const DOCS = join(__dirname, '..', '..', 'docs');

describe("Managers' dashboard tab in headless Chromium (local mode, real API on 127.0.0.1)", () => {
  let h: ApiHarness;
  let browser: Browser;
  let addinDir: string;

  beforeAll(async () => {
    addinDir = mkdtempSync(join(tmpdir(), 'soporte-e2e-dashboard-'));
    await buildAddin(addinDir);
    h = await ApiHarness.start({
      localAuth: true,
      addin: { dir: addinDir, officeJsUrl: '/addin/office-mock.js', supportAddress: 'soporte@partner.example' },
    });
    await h.store.directory.putClient({
      ...(await h.store.directory.getClient('acme'))!,
      policyOverrides: { billing: { hourlyRateCents: 95_000 } },
    });
    // A year of history for two clients and the two active consultants; the last days' tickets stay open.
    await writeTicketHistory(h.store, {
      clientIds: ['acme', 'globex'],
      requesterOf: (c) => (c === 'acme' ? 'ana@acme.example' : 'gina@globex.example'),
      staffIds: ['staff-l2', 'staff-mgr'],
      tickets: 600,
      from: '2025-04-01T14:00:00.000Z',
      to: NOW,
    });
    h.clock.advanceMinutes(2 * 24 * 60); // Wednesday: the week's open clocks have breached or are at risk
    browser = await launchChromium();
    mkdirSync(DOCS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(addinDir, { recursive: true, force: true });
  });

  it('shows the month at a glance, wide, in Spanish and the light theme, and filters by client from the keyboard', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/Mexico_City',
      locale: 'es-MX',
    });
    const blocked = await confineToLocalhost(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${h.baseUrl}/addin/sla-board.html?as=marta@partner.example&lang=es-MX`);
    await page.locator('table.board tbody tr').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Tablero de gestión');
    expect(await page.locator('svg.chart[role="img"]').count()).toBe(4);
    expect(await page.locator('section.panel').count()).toBe(6);
    // Every chart has its numbers in a captioned table below it.
    expect(await page.locator('figure.chart-box + div.scroll table caption').count()).toBe(4);
    expect(await page.locator('#sec-incidents ~ div table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('table.board tbody td').nth(1).textContent()).toMatch(/^(ACME|Globex)$/);
    expect(await page.evaluate(() => document.body.dataset.theme)).toBe('default');
    await page.screenshot({ path: join(DOCS, 'dashboard-wide.png'), fullPage: true });

    // Keyboard only: focus the client filter, pick ACME, tab to the button, press Enter.
    await page.locator('select[name=clientId]').focus();
    await page.keyboard.press('ArrowDown');
    // The month input has a focusable segment for the month and one for the year.
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.id)) !== 'apply'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('apply');
    const filtered = page.waitForResponse(
      (res) => res.url().includes('/api/v1/dashboard?') && res.url().includes('clientId=acme'),
    );
    await page.keyboard.press('Enter');
    await filtered;
    await page.waitForFunction(
      () =>
        (document.querySelector('select[name=clientId]') as HTMLSelectElement | null)?.value === 'acme' &&
        document.activeElement?.id === 'apply',
    );
    const clients = await page.locator('table.board tbody tr td:nth-child(2)').allTextContents();
    expect(clients.every((c) => c === 'ACME')).toBe(true);
    expect(
      await page.locator('section[aria-labelledby=sec-hours] table').first().locator('tbody th[scope=row]').allTextContents(),
    ).toEqual(['ACME']);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays readable at 320 px in English and the dark theme', async () => {
    const page = await browser.newPage({
      viewport: { width: 320, height: 800 },
      timezoneId: 'America/Mexico_City',
      locale: 'en-US',
    });
    const blocked = await confineToLocalhost(page);
    await page.goto(`${h.baseUrl}/addin/sla-board.html?as=marta@partner.example&lang=en&theme=dark`);
    await page.locator('table.board tbody tr').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe("Managers' dashboard");
    // Nothing but the scrollable tables is wider than the tab.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(320);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: join(DOCS, 'dashboard-narrow.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await page.close();
  });
});
