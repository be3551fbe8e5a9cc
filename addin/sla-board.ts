import type { BoardView } from '../shared/domain/api/api-contract';
import { resolveLocale } from '../shared/domain/i18n/catalog';
import { readAddinConfig } from './addin-config';
import { ApiError } from './api/api-client';
import { createDevTokenProvider } from './auth/dev-token-provider';
import { createNaaTokenProvider } from './auth/naa-token-provider';
import type { TokenProvider } from './auth/token-provider';
import { describeError } from './describe-error';
import { initializeTeamsTab, isHostedInTeams, type TabContext } from './teams/teams-context';
import { renderBoard, type BoardState } from './views/board-view';

declare global {
  interface Window {
    SOPORTE_CONFIG?: unknown;
  }
}

/** Entry point of the managers' SLA board tab: Teams context -> token -> GET /api/v1/board every minute. */
async function main(): Promise<void> {
  const config = readAddinConfig(window.SOPORTE_CONFIG);
  const query = new URLSearchParams(window.location.search);
  // Outside Teams (local development) the language and the staff address come from the query string.
  const context: TabContext = isHostedInTeams(window)
    ? await initializeTeamsTab()
    : { locale: query.get('lang') ?? navigator.language, userEmail: query.get('as') ?? undefined };
  const boundFetch = window.fetch.bind(window);
  let tokens: TokenProvider;
  if (config.authMode === 'naa') tokens = createNaaTokenProvider({ clientId: config.clientId!, apiScope: config.apiScope! });
  else if (context.userEmail) tokens = createDevTokenProvider({ apiBase: config.apiBase, email: context.userEmail, fetch: boundFetch });
  else throw new Error('local mode: open the board as /addin/sla-board.html?as=<staff email>');

  const root = document.getElementById('app')!;
  let state: BoardState = { locale: resolveLocale(context.locale), phase: 'loading' };
  const render = (patch: Partial<BoardState>) => {
    state = { ...state, ...patch };
    root.innerHTML = renderBoard(state);
    root.lang = state.locale;
  };
  const refresh = async () => {
    try {
      const res = await boundFetch(`${config.apiBase}/api/v1/board`, { headers: { authorization: `Bearer ${await tokens.getToken()}` } });
      const body = await res.json();
      if (!res.ok) throw new ApiError(body);
      render({ phase: 'ready', board: body as BoardView, flash: undefined });
    } catch (error) {
      const flash = error instanceof ApiError && error.problem.code === 'forbidden' ? { kind: 'error' as const, key: 'board.error.forbidden' as const } : describeError(error);
      render({ phase: state.board ? 'ready' : 'failed', flash });
    }
  };
  render({});
  await refresh();
  window.setInterval(() => void refresh(), 60_000);
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `Soporte: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
