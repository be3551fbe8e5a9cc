import type { DashboardView } from '../shared/contract/dashboard-contract';
import { resolveLocale } from '../shared/domain/i18n';
import { readAddinConfig } from './addin-config';
import { ApiError } from './api/api-client';
import { createDevTokenProvider } from './auth/dev-token-provider';
import { createNaaTokenProvider } from './auth/naa-token-provider';
import type { TokenProvider } from './auth/token-provider';
import { describeError } from './describe-error';
import { initializeTeamsTab, isHostedInTeams, type TabContext } from './teams/teams-context';
import { renderDashboard, type DashboardFilters, type DashboardState } from './views/dashboard-view';

declare global {
  interface Window {
    SOPORTE_CONFIG?: unknown;
  }
}

/** The query string of GET /api/v1/dashboard for the filters. */
function dashboardQuery(filters: DashboardFilters, locale: string): string {
  const query = new URLSearchParams({ locale, months: String(filters.months) });
  if (filters.clientId) query.set('clientId', filters.clientId);
  if (filters.month) query.set('month', filters.month);
  return query.toString();
}

/**
 * Entry point of the managers' dashboard tab (the former SLA board): Teams context -> token ->
 * GET /api/v1/dashboard with the filters, every minute and on each filter change; Teams' theme on <body>.
 */
async function main(): Promise<void> {
  const config = readAddinConfig(window.SOPORTE_CONFIG);
  const query = new URLSearchParams(window.location.search);
  // Outside Teams (local development) the language, theme and staff address come from the query string.
  const context: TabContext = isHostedInTeams(window)
    ? await initializeTeamsTab()
    : {
        locale: query.get('lang') ?? navigator.language,
        userEmail: query.get('as') ?? undefined,
        theme: query.get('theme') ?? undefined,
      };
  const applyTheme = (theme: string | undefined) => {
    document.body.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  };
  applyTheme(context.theme);
  context.onThemeChange?.(applyTheme);
  const boundFetch = window.fetch.bind(window);
  let tokens: TokenProvider;
  if (config.authMode === 'naa') tokens = createNaaTokenProvider({ clientId: config.clientId!, apiScope: config.apiScope! });
  else if (context.userEmail)
    tokens = createDevTokenProvider({ apiBase: config.apiBase, email: context.userEmail, fetch: boundFetch });
  else throw new Error('local mode: open the board as /addin/sla-board.html?as=<staff email>');

  const root = document.getElementById('app')!;
  let state: DashboardState = {
    locale: resolveLocale(context.locale),
    phase: 'loading',
    filters: { months: 12, clientId: query.get('client') ?? undefined },
  };
  const render = (patch: Partial<DashboardState>) => {
    state = { ...state, ...patch };
    root.innerHTML = renderDashboard(state);
    root.lang = state.locale;
  };
  const refresh = async () => {
    try {
      const res = await boundFetch(`${config.apiBase}/api/v1/dashboard?${dashboardQuery(state.filters, state.locale)}`, {
        headers: { authorization: `Bearer ${await tokens.getToken()}` },
      });
      const body = await res.json();
      if (!res.ok) throw new ApiError(body);
      render({ phase: 'ready', dashboard: body as DashboardView, flash: undefined });
    } catch (error) {
      const flash =
        error instanceof ApiError && error.problem.code === 'forbidden'
          ? { kind: 'error' as const, key: 'dash.error.forbidden' as const }
          : describeError(error);
      render({ phase: state.dashboard ? 'ready' : 'failed', flash });
    }
  };
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.id !== 'filters') return;
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '') || undefined;
    state = { ...state, filters: { clientId: text('clientId'), month: text('month'), months: Number(data.get('months') ?? 12) } };
    void refresh().then(() => document.getElementById('apply')?.focus());
  });
  render({});
  await refresh();
  window.setInterval(() => void refresh(), 60_000);
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `Soporte: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
