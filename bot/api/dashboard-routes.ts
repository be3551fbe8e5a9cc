import type { Server } from 'restify';
import type { DashboardService } from '../../shared/application/dashboard-service';
import { ValidationError } from '../../shared/domain/common';
import { resolveLocale } from '../../shared/domain/i18n';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { toDashboardView } from './dashboard-view';
import { authedRoute, json, queryOf } from './http-io';

export type DashboardQueries = Pick<DashboardService, 'dashboard'>;

/**
 * GET /api/v1/dashboard[?clientId=&month=YYYY-MM&months=1..12&locale=en|es-MX]: the managers' dashboard
 * (open tickets by urgency, compliance, incidents of the week, open tickets by age and level, workload,
 * hours against budgets, and their charts as SVG in the caller's language). Staff only.
 */
export function registerDashboardRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/dashboard',
    authedRoute(deps.authenticator, async (caller, req) => {
      if (caller.kind !== 'staff')
        throw new ApiProblem(403, 'forbidden', 'Not allowed', 'the dashboard is for the support staff');
      if (!deps.dashboard) throw new ApiProblem(404, 'not-found', 'Not found', 'the dashboard is not configured');
      const query = queryOf(req);
      const months = query.months || undefined;
      if (months !== undefined && !/^\d{1,2}$/.test(months))
        throw new ValidationError('months', `must be a whole number from 1 to 12 (got "${months}")`);
      const dashboard = await deps.dashboard.dashboard(caller.actor, {
        clientId: query.clientId || undefined,
        month: query.month || undefined,
        months: months === undefined ? undefined : Number(months),
      });
      return json(toDashboardView(dashboard, resolveLocale(query.locale || caller.staff.locale)));
    }),
  );
}
