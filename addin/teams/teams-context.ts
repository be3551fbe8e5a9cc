// The SLA board runs as a Teams tab: TeamsJS tells it the user's language and address, and must be
// initialized before Nested App Authentication can broker tokens in Teams.

export interface TabContext {
  /** Teams' UI language ("es-mx", "en-us" ...). */
  locale: string;
  /** The signed-in user's UPN (lower-cased), when Teams says. */
  userEmail?: string | undefined;
  /** Teams' theme: 'default' (light), 'dark' or 'contrast'. */
  theme?: string | undefined;
  /** Calls back when the user switches Teams' theme. */
  onThemeChange?: (listen: (theme: string) => void) => void;
}

/** True when the page is hosted in a frame (inside Teams); a top-level page is local development. */
export function isHostedInTeams(win: Window): boolean {
  return win.parent !== win;
}

/**
 * Loaded on demand: TeamsJS fetches its list of valid Teams origins from Microsoft's CDN when it loads,
 * which is right inside Teams and never wanted outside it (local development, tests).
 */
export async function initializeTeamsTab(): Promise<TabContext> {
  const { app } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  return {
    locale: context.app.locale,
    userEmail: context.user?.userPrincipalName?.toLowerCase(),
    theme: context.app.theme,
    onThemeChange: (listen) => app.registerOnThemeChangeHandler(listen),
  };
}
