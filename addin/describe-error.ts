import { hasMessage } from '../shared/domain/i18n';
import { ApiError, NetworkError } from './api/api-client';
import type { Flash } from './app-state';
import { DialogSignInError, NoSignInAvailableError } from './auth/sign-in-errors';
import { HostRequirementError } from './office/host-requirement-error';
import { OfficeActionError } from './office/office-async';

/** Any failure as a message for the user (the catalog key of the API problem's code when there is one). */
export function describeError(error: unknown): Flash {
  if (error instanceof ApiError) {
    const key = `addin.error.${error.problem.code}`;
    if (hasMessage(key)) return { kind: 'error', key, params: { detail: error.problem.detail ?? error.problem.title } };
    return { kind: 'error', key: 'addin.error.generic', params: { detail: error.problem.detail ?? error.problem.title } };
  }
  if (error instanceof NetworkError) return { kind: 'error', key: 'addin.error.network' };
  if (error instanceof NoSignInAvailableError) return { kind: 'error', key: 'addin.error.no-sign-in' };
  if (error instanceof DialogSignInError)
    return { kind: 'error', key: 'addin.error.dialog-sign-in', params: { detail: error.reason } };
  if (error instanceof HostRequirementError) return { kind: 'error', key: error.messageKey, params: error.params };
  if (error instanceof OfficeActionError) return { kind: 'error', key: 'addin.error.office', params: { detail: error.message } };
  return {
    kind: 'error',
    key: 'addin.error.generic',
    params: { detail: error instanceof Error ? error.message : String(error) },
  };
}
