import { hasMessage } from '../shared/domain/i18n/catalog';
import { ApiError, NetworkError } from './api/api-client';
import type { Flash } from './app-state';
import { OfficeActionError } from './office/office-async';

/** Any failure as a message for the user (the catalog key of the API problem's code when there is one). */
export function describeError(error: unknown): Flash {
  if (error instanceof ApiError) {
    const key = `addin.error.${error.problem.code}`;
    if (hasMessage(key)) return { kind: 'error', key, params: { detail: error.problem.detail ?? error.problem.title } };
    return { kind: 'error', key: 'addin.error.generic', params: { detail: error.problem.detail ?? error.problem.title } };
  }
  if (error instanceof NetworkError) return { kind: 'error', key: 'addin.error.network' };
  if (error instanceof OfficeActionError) return { kind: 'error', key: 'addin.error.office', params: { detail: error.message } };
  return { kind: 'error', key: 'addin.error.generic', params: { detail: error instanceof Error ? error.message : String(error) } };
}
