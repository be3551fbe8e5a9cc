import type { ComplianceCount, ClockCompliance } from '../../shared/domain/dashboard';
import type { DashboardView } from '../../shared/contract/dashboard-contract';
import { AGE_BUCKETS } from '../../shared/domain/dashboard';
import { t } from '../../shared/domain/i18n';
import { PRIORITIES, SUPPORT_LEVELS, type Locale } from '../../shared/domain/ticket';
import type { Flash } from '../app-state';
import { renderQueue } from './board-view';
import { formatInstant } from './format';
import { esc } from './html';

export interface DashboardFilters {
  clientId?: string | undefined;
  month?: string | undefined;
  months: number;
}

export interface DashboardState {
  locale: Locale;
  phase: 'loading' | 'ready' | 'failed';
  filters: DashboardFilters;
  dashboard?: DashboardView;
  flash?: Flash | undefined;
}

const hours = (locale: Locale, minutes: number) =>
  t(locale, 'dash.hours', { hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60) });
const money = (locale: Locale, cents: number, currency: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);

function percent(locale: Locale, count: ComplianceCount): string {
  if (count.percent === null) return '—';
  const value = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(count.percent / 100);
  return t(locale, 'dash.compliance.cell', { percent: value, met: count.met, decided: count.met + count.breached });
}

function table(label: string, head: string[], rows: string[][], firstIsHeader = true): string {
  if (rows.length === 0) return '';
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells.map((c, i) => (i === 0 && firstIsHeader ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="scroll" role="region" tabindex="0" aria-label="${esc(label)}"><table class="figures"><caption>${esc(label)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function section(id: string, title: string, content: string): string {
  return `<section class="panel" aria-labelledby="sec-${id}"><h2 id="sec-${id}">${esc(title)}</h2>${content}</section>`;
}

/** The chart the server drew (SVG from our own API), then the same figures as a table. */
const chart = (svg: string) => `<figure class="chart-box" tabindex="0">${svg}</figure>`;

function complianceRows(locale: Locale, groups: Array<[string, ClockCompliance]>): string[][] {
  return groups.map(([name, c]) => [esc(name), esc(percent(locale, c.response)), esc(percent(locale, c.resolution))]);
}

function filtersForm(state: DashboardState, d: DashboardView | undefined): string {
  const { locale, filters } = state;
  const clients = (d?.clients ?? [])
    .map((c) => `<option value="${esc(c.id)}"${c.id === filters.clientId ? ' selected' : ''}>${esc(c.name)}</option>`)
    .join('');
  const periods = [3, 6, 12]
    .map(
      (n) =>
        `<option value="${n}"${n === filters.months ? ' selected' : ''}>${esc(t(locale, 'dash.filter.monthsOption', { count: n }))}</option>`,
    )
    .join('');
  return `<form class="filters" id="filters" aria-label="${esc(t(locale, 'dash.filters'))}">
<label>${esc(t(locale, 'dash.filter.client'))}<select name="clientId"><option value="">${esc(t(locale, 'dash.filter.allClients'))}</option>${clients}</select></label>
<label>${esc(t(locale, 'dash.filter.month'))}<input type="month" name="month" value="${esc(filters.month ?? d?.month ?? '')}"></label>
<label>${esc(t(locale, 'dash.filter.months'))}<select name="months">${periods}</select></label>
<button type="submit" class="primary" id="apply">${esc(t(locale, 'dash.filter.apply'))}</button>
</form>`;
}

/** The managers' dashboard as HTML, from state alone: filters, the open queue, then each chart with its figures. */
export function renderDashboard(state: DashboardState): string {
  const { locale, dashboard: d } = state;
  const flash = state.flash
    ? `<p class="flash ${state.flash.kind}" role="status">${esc(t(locale, state.flash.key, state.flash.params))}</p>`
    : '';
  const head = `<header><h1>${esc(t(locale, 'dash.title'))}</h1></header>${filtersForm(state, d)}`;
  if (!d)
    return `${head}${flash}${state.phase === 'loading' ? `<p class="loading" role="status">${esc(t(locale, 'addin.loading'))}</p>` : ''}`;
  const last = d.compliance[d.compliance.length - 1];
  const clientName = new Map(d.clients.map((c) => [c.id, c.name]));
  const none = `<p>${esc(t(locale, 'dash.none'))}</p>`;

  const queue = section('queue', t(locale, 'dash.section.queue'), renderQueue(locale, d.tickets, d.generatedAt));

  const compliance = section(
    'compliance',
    t(locale, 'dash.section.compliance'),
    chart(d.charts.compliance) +
      table(
        t(locale, 'dash.section.compliance'),
        [t(locale, 'dash.col.month'), t(locale, 'dash.col.response'), t(locale, 'dash.col.resolution')],
        complianceRows(
          locale,
          d.compliance.map((m) => [m.month, m]),
        ),
      ) +
      (last
        ? table(
            t(locale, 'dash.section.compliancePriority', { month: last.month }),
            [t(locale, 'dash.col.priority'), t(locale, 'dash.col.response'), t(locale, 'dash.col.resolution')],
            complianceRows(
              locale,
              PRIORITIES.map((p) => [t(locale, `priority.${p}`), last.byPriority[p]]),
            ),
          )
        : '') +
      (last
        ? table(
            t(locale, 'dash.section.complianceClient', { month: last.month }),
            [t(locale, 'dash.col.client'), t(locale, 'dash.col.response'), t(locale, 'dash.col.resolution')],
            complianceRows(
              locale,
              Object.entries(last.byClient).map(([id, c]) => [clientName.get(id) ?? id, c]),
            ),
          )
        : ''),
  );

  const incidents = section(
    'incidents',
    t(locale, 'dash.section.incidents'),
    d.incidents.length === 0
      ? none
      : table(
          t(locale, 'dash.section.incidents'),
          [
            t(locale, 'dash.col.ticket'),
            t(locale, 'dash.col.when'),
            t(locale, 'dash.col.client'),
            t(locale, 'dash.col.clock'),
            t(locale, 'dash.col.kind'),
            t(locale, 'dash.col.heldBy'),
          ],
          d.incidents.map((i) => [
            `<strong>${esc(i.ticketNumber)}</strong><br><span class="subject">${esc(i.subject)}</span>`,
            esc(formatInstant(locale, i.at)),
            esc(i.clientName),
            esc(t(locale, `dash.clock.${i.clock}`)),
            `<span class="${i.kind === 'breach' ? 'sla-breached' : 'sla-at-risk'}">${esc(t(locale, `dash.incident.${i.kind}`))}</span>`,
            esc(i.holderName ?? t(locale, 'dash.unassigned')),
          ]),
        ),
  );

  const microsoft =
    `<p>${esc(t(locale, 'dash.microsoft', { count: d.open.microsoftWaiting.length }))}</p>` +
    (d.open.microsoftWaiting.length
      ? `<ul>${d.open.microsoftWaiting.map((m) => `<li>${esc(t(locale, 'dash.microsoft.case', { ticket: m.ticketNumber, caseNumber: m.caseNumber ?? '—', since: formatInstant(locale, m.since) }))}</li>`).join('')}</ul>`
      : '');
  const open = section(
    'open',
    t(locale, 'dash.section.open'),
    chart(d.charts.age) +
      table(
        t(locale, 'dash.section.open'),
        [t(locale, 'dash.col.age'), ...SUPPORT_LEVELS, t(locale, 'dash.col.total')],
        AGE_BUCKETS.map((b) => [
          esc(t(locale, `dash.age.${b}`)),
          ...SUPPORT_LEVELS.map((l) => String(d.open.byAge[b][l])),
          String(SUPPORT_LEVELS.reduce((s, l) => s + d.open.byAge[b][l], 0)),
        ]).concat([
          [esc(t(locale, 'dash.col.total')), ...SUPPORT_LEVELS.map((l) => String(d.open.byLevel[l])), String(d.open.total)],
        ]),
      ) +
      microsoft,
  );

  const workload = section(
    'workload',
    t(locale, 'dash.section.workload'),
    d.workload.length === 0
      ? none
      : chart(d.charts.workload) +
          table(
            t(locale, 'dash.section.workload'),
            [
              t(locale, 'dash.col.consultant'),
              t(locale, 'dash.col.open'),
              t(locale, 'dash.col.breached'),
              t(locale, 'dash.col.atRisk'),
              t(locale, 'dash.col.billed'),
            ],
            d.workload.map((w) => [
              esc(w.name),
              String(w.open),
              String(w.breached),
              String(w.atRisk),
              esc(hours(locale, w.billedMinutes)),
            ]),
          ),
  );

  const flagged = (over: boolean) => (over ? `<span class="flag">${esc(t(locale, 'dash.flag.overBudget'))}</span>` : '');
  const hoursSection = section(
    'hours',
    t(locale, 'dash.section.hours', { month: d.month }),
    d.hours.clients.length === 0
      ? none
      : chart(d.charts.hours) +
          table(
            t(locale, 'dash.section.hours', { month: d.month }),
            [
              t(locale, 'dash.col.client'),
              t(locale, 'dash.col.billed'),
              t(locale, 'dash.col.budget'),
              t(locale, 'dash.col.amount'),
              t(locale, 'dash.col.overBudget'),
            ],
            d.hours.clients.map((c) => [
              esc(c.clientName),
              esc(hours(locale, c.billedMinutes)),
              esc(hours(locale, c.budgetMinutes)),
              c.hourlyRateCents > 0 ? esc(money(locale, c.amountCents, c.currency)) : '—',
              String(c.overBudgetWithoutApproval),
            ]),
          ) +
          table(
            t(locale, 'dash.col.ticket'),
            [
              t(locale, 'dash.col.ticket'),
              t(locale, 'dash.col.billed'),
              t(locale, 'dash.col.consumed'),
              t(locale, 'dash.col.budget'),
              t(locale, 'dash.col.overBudget'),
            ],
            d.hours.tickets.map((x) => [
              `<strong>${esc(x.ticketNumber)}</strong><br><span class="subject">${esc(x.subject)}</span>`,
              esc(hours(locale, x.monthMinutes)),
              esc(hours(locale, x.budget.consumedMinutes)),
              esc(hours(locale, x.budget.budgetMinutes)),
              flagged(x.budget.overBudgetWithoutApproval),
            ]),
          ),
  );

  return `${head}${flash}<main>${queue}${compliance}${incidents}${open}${workload}${hoursSection}</main>`;
}
