import { INCIDENT_TYPES, PRIORITIES, type IncidentType, type Priority } from '../shared/domain/ticket';
import type { AppAction, AppState } from './app-state';
import { renderApp } from './views/render-app';

function field(form: HTMLFormElement | null, name: string): string {
  const element = form?.elements.namedItem(name);
  return element && 'value' in element ? String(element.value) : '';
}

function pick<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Turns a click on a [data-action] button, with its form's fields, into an AppAction. */
export function actionFrom(button: HTMLElement): AppAction | undefined {
  const form = button.closest('form');
  const priority = (): Priority => pick(PRIORITIES, field(form, 'priority'), 'medium');
  const incidentType = (): IncidentType => pick(INCIDENT_TYPES, field(form, 'incidentType'), 'technical-regular');
  switch (button.dataset.action) {
    case 'create-ticket':
      return {
        type: 'create-ticket',
        priority: priority(),
        incidentType: incidentType(),
        description: field(form, 'description'),
      };
    case 'confirm-resolution':
      return { type: 'confirm-resolution', note: field(form, 'reason') };
    case 'reject-resolution':
      return { type: 'reject-resolution', reason: field(form, 'reason') };
    case 'approve-extension':
      return { type: 'approve-extension' };
    case 'refuse-extension':
      return { type: 'refuse-extension' };
    case 'report-to-support':
      return { type: 'report-to-support', priority: priority(), incidentType: incidentType() };
    case 'request-after-hours':
      return { type: 'request-after-hours', start: field(form, 'start'), end: field(form, 'end') };
    default:
      return undefined;
  }
}

/** Renders each state into `root` and sends clicks to `dispatch` (event delegation: one listener). */
export function mount(root: HTMLElement, dispatch: (action: AppAction) => void): (state: AppState) => void {
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const action = button && actionFrom(button);
    if (action) dispatch(action);
  });
  return (state) => {
    root.innerHTML = renderApp(state);
    root.lang = state.locale;
  };
}
