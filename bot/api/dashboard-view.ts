import type { Dashboard } from '../../shared/application/dashboard-service';
import type { DashboardView } from '../../shared/contract/dashboard-contract';
import { AGE_BUCKETS } from '../../shared/domain/dashboard';
import { t } from '../../shared/domain/i18n';
import { SUPPORT_LEVELS, type Locale } from '../../shared/domain/ticket';
import { barChart, columnChart } from './svg-bar-chart';
import { toSlaSummary } from './sla-reader';
import { ticketViewWith } from './ticket-view';

const hours = (minutes: number) => Math.round(minutes / 6) / 10;
/** An axis maximum for whole counts: a multiple of 4, so the four grid steps fall on whole numbers. */
const countMax = (values: number[]) => Math.max(4, Math.ceil(Math.max(0, ...values) / 4) * 4);

/** The dashboard on the wire: the domain's figures with names for ids, and its four charts drawn as SVG in `locale`. */
export function toDashboardView(d: Dashboard, locale: Locale): DashboardView {
  const clientName = new Map(d.clients.map((c) => [c.id, c.name]));
  const staffName = new Map(d.staff.map((s) => [s.id, s.name]));
  const ticket = (id: string) => d.tickets.get(id)!;
  const nameOfStaff = (id: string | undefined) => (id === undefined || id === '' ? undefined : (staffName.get(id) ?? id));

  const workload = d.workload.map((w) => ({ ...w, name: nameOfStaff(w.consultantId) ?? t(locale, 'dash.unassigned') }));
  const hoursClients = d.hours.clients.map((c) => ({ ...c, clientName: clientName.get(c.clientId) ?? c.clientId }));
  const h = (v: number) => t(locale, 'dash.hours', { hours: Math.round(v * 10) / 10 });
  const ageTotals = AGE_BUCKETS.map((b) => SUPPORT_LEVELS.reduce((sum, l) => sum + d.open.byAge[b][l], 0));

  const view: DashboardView = {
    generatedAt: d.generatedAt,
    month: d.month,
    months: d.compliance.map((m) => m.month),
    clients: d.clients.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name)),
    week: d.week,
    tickets: d.queue.map(({ ticket: x, sla }) => ({
      ...ticketViewWith(x, toSlaSummary(sla)),
      clientName: clientName.get(x.clientId) ?? x.clientId,
      assigneeName: nameOfStaff(x.assigneeId),
    })),
    compliance: d.compliance,
    incidents: d.incidents.map((i) => ({
      ...i,
      ticketNumber: ticket(i.ticketId).number,
      subject: ticket(i.ticketId).subject,
      clientName: clientName.get(ticket(i.ticketId).clientId) ?? ticket(i.ticketId).clientId,
      holderName: nameOfStaff(i.holderId),
    })),
    open: {
      ...d.open,
      microsoftWaiting: d.open.microsoftWaiting.map((m) => ({
        ...m,
        ticketNumber: ticket(m.ticketId).number,
        level: ticket(m.ticketId).level,
      })),
    },
    workload,
    hours: {
      ...d.hours,
      clients: hoursClients,
      tickets: d.hours.tickets.map((x) => ({
        ...x,
        ticketNumber: ticket(x.ticketId).number,
        subject: ticket(x.ticketId).subject,
      })),
    },
    charts: {
      compliance: columnChart({
        id: 'chart-compliance',
        title: t(locale, 'dash.chart.compliance'),
        categories: d.compliance.map((m) => m.month.slice(2)),
        max: 100,
        tick: (v) => `${Math.round(v)}%`,
        series: [
          { label: t(locale, 'dash.series.response'), values: d.compliance.map((m) => m.response.percent) },
          { label: t(locale, 'dash.series.resolution'), values: d.compliance.map((m) => m.resolution.percent) },
        ],
      }),
      age: columnChart({
        id: 'chart-age',
        title: t(locale, 'dash.chart.age'),
        categories: AGE_BUCKETS.map((b) => t(locale, `dash.age.${b}`)),
        max: countMax(ageTotals),
        tick: (v) => String(Math.round(v)),
        stacked: true,
        series: SUPPORT_LEVELS.map((l) => ({ label: l, values: AGE_BUCKETS.map((b) => d.open.byAge[b][l]) })),
      }),
      workload: barChart({
        id: 'chart-workload',
        title: t(locale, 'dash.chart.workload'),
        categories: workload.map((w) => w.name),
        max: countMax(workload.map((w) => w.open)),
        tick: (v) => String(Math.round(v)),
        stacked: true,
        series: [
          { label: t(locale, 'dash.series.breached'), values: workload.map((w) => w.breached) },
          { label: t(locale, 'dash.series.atRisk'), values: workload.map((w) => w.atRisk) },
          { label: t(locale, 'dash.series.others'), values: workload.map((w) => w.open - w.breached - w.atRisk) },
        ],
      }),
      hours: barChart({
        id: 'chart-hours',
        title: t(locale, 'dash.chart.hours'),
        categories: hoursClients.map((c) => c.clientName),
        max: Math.max(1, ...hoursClients.flatMap((c) => [hours(c.billedMinutes), hours(c.budgetMinutes)])),
        tick: h,
        series: [
          { label: t(locale, 'dash.series.billed'), values: hoursClients.map((c) => hours(c.billedMinutes)) },
          { label: t(locale, 'dash.series.budget'), values: hoursClients.map((c) => hours(c.budgetMinutes)) },
        ],
      }),
    },
  };
  if (d.clientId !== undefined) view.clientId = d.clientId;
  return view;
}
