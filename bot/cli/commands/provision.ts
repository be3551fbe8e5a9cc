import type { Client } from '@microsoft/microsoft-graph-client';
import type { Command } from 'commander';
import { t } from '../../../shared/domain/i18n';
import type { Locale } from '../../../shared/domain/ticket';
import { provisionSite, SCHEMA_VERSION, type ProvisionEvent, type ProvisionReport } from '../../../shared/infra/sharepoint';
import { parseConfig } from '../../config';
import { storeGraphClient } from '../../store-wiring';
import { print, printJson } from '../output';

export interface ProvisionRun {
  client: Client;
  site: string;
  lang: Locale;
  /** Progress lines (one per list, as it is done). */
  progress: (line: string) => void;
}

function progressLine(lang: Locale, event: ProvisionEvent): string {
  return t(lang, `provision.${event.action}`, {
    done: event.done,
    total: event.total,
    list: event.list,
    column: event.column ?? '',
    version: SCHEMA_VERSION,
  });
}

/** Provisions the site, telling progress as it goes; returns the report and its summary line. */
export async function runProvision(run: ProvisionRun): Promise<{ report: ProvisionReport; summary: string }> {
  run.progress(t(run.lang, 'provision.site', { site: run.site }));
  const report = await provisionSite({
    client: run.client,
    site: run.site,
    onProgress: (event) => run.progress(progressLine(run.lang, event)),
  });
  const summary =
    report.changes.length === 0
      ? t(run.lang, 'provision.unchanged', { siteId: report.siteId })
      : t(run.lang, 'provision.changed', { count: report.changes.length, siteId: report.siteId });
  return { report, summary };
}

/**
 * `soporte provision --site <site id or URL>`: creates or completes the SharePoint lists of
 * STORE=sharepoint. The one step that needs more than the app's runtime permission (see docs/sharepoint.md).
 */
export function registerProvisionCommand(program: Command): void {
  program
    .command('provision')
    .description(
      'create or complete the SharePoint lists for STORE=sharepoint (needs the manage role on the site: docs/sharepoint.md)',
    )
    .option('--site <site>', 'the site id or URL (default: SHAREPOINT_SITE)')
    .option('--json', 'print the report as JSON (progress goes to stderr)')
    .action(async (_options: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals() as { site?: string; json?: boolean; lang: Locale };
      const config = parseConfig(process.env);
      const site = options.site ?? config.SHAREPOINT_SITE;
      if (!site) throw new Error(t(options.lang, 'provision.no-site'));
      const progress = options.json ? (line: string) => void process.stderr.write(`${line}\n`) : print;
      const { report, summary } = await runProvision({ client: storeGraphClient(config), site, lang: options.lang, progress });
      if (options.json) printJson(report);
      else print(summary);
    });
}
