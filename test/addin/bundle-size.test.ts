import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAddin, TAB_BUDGET_GZIP_BYTES, TASKPANE_BUDGET_GZIP_BYTES } from '../../scripts/build-addin';

describe('add-in bundle', () => {
  it(`stays within the task pane budget (${TASKPANE_BUDGET_GZIP_BYTES / 1024} KB gzipped, Office.js excluded)`, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'soporte-addin-'));
    try {
      const result = await buildAddin(outDir);
      console.log(
        `taskpane.js: ${(result.jsBytes / 1024).toFixed(1)} KB, ${(result.jsGzipBytes / 1024).toFixed(1)} KB gzipped; sla-board.js ${(result.boardGzipBytes / 1024).toFixed(1)} KB gzipped; the whole dashboard tab ${(result.boardTotalGzipBytes / 1024).toFixed(1)} KB gzipped`,
      );
      expect(result.jsGzipBytes).toBeLessThanOrEqual(TASKPANE_BUDGET_GZIP_BYTES);
      // The dashboard tab (issue 15): its code, TeamsJS chunk included, charts drawn by the server.
      expect(result.boardTotalGzipBytes).toBeLessThanOrEqual(TAB_BUDGET_GZIP_BYTES);
      expect(readFileSync(join(outDir, 'dashboard.css'), 'utf8')).toContain('[data-theme="dark"]');
      const html = readFileSync(join(outDir, 'taskpane.html'), 'utf8');
      // Office.js is loaded by the page from the URL the server fills in, never bundled.
      expect(html).toContain('<script src="%OFFICE_JS_URL%"></script>');
      expect(readFileSync(join(outDir, 'taskpane.js'), 'utf8')).not.toContain('OfficeExtension.ClientRequestContext');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
