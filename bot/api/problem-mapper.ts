import { ZodError } from 'zod';
import {
  ConflictError,
  DomainError,
  InvalidTransitionError,
  NotAuthorizedError,
  NotFoundError,
  ValidationError,
} from '../../shared/domain/common';
import type { ProblemDetails } from '../../shared/contract/api-contract';
import { AuthenticationError } from '../auth/authentication-error';
import { ApiProblem } from './api-problem';

export interface MappedProblem {
  problem: ProblemDetails;
  headers: Record<string, string>;
}

function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: ProblemDetails['errors'],
): ProblemDetails {
  return {
    type: `urn:soporte:problem:${code}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** Titles a person understands for restify's own refusals (never an error class name such as "ResourceNotFoundError"). */
const HTTP_TITLES: Record<number, string> = {
  400: 'The request is not valid',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request body too large',
  415: 'Unsupported media type',
};

/** restify-errors' HttpError: an Error with a 4xx statusCode. */
function isHttpError(error: unknown): error is Error & { statusCode: number } {
  if (!(error instanceof Error) || !('statusCode' in error)) return false;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** THE error mapper of the REST API: every failure becomes RFC 7807 problem details, here and nowhere else. */
export function toProblem(error: unknown, log: (message: string, error: unknown) => void = console.error): MappedProblem {
  if (error instanceof ApiProblem)
    return {
      problem: problem(error.status, error.code, error.title, error.message === error.title ? undefined : error.message),
      headers: {},
    };
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
    return {
      problem: problem(
        400,
        'validation',
        'The request is not valid',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      ),
      headers: {},
    };
  }
  if (error instanceof AuthenticationError) {
    return {
      problem: problem(401, 'unauthenticated', 'Authentication required', error.reason),
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    };
  }
  if (error instanceof ValidationError)
    return {
      problem: problem(400, 'validation', 'The request is not valid', error.message, [
        { field: error.field, message: error.message },
      ]),
      headers: {},
    };
  if (error instanceof NotAuthorizedError)
    return { problem: problem(403, 'forbidden', 'Not allowed', error.message), headers: {} };
  if (error instanceof NotFoundError) return { problem: problem(404, 'not-found', 'Not found', error.message), headers: {} };
  if (error instanceof ConflictError)
    return { problem: problem(412, 'stale-version', 'Someone changed this ticket', error.message), headers: {} };
  if (error instanceof InvalidTransitionError)
    return {
      problem: problem(409, 'invalid-transition', "Not possible in the ticket's current status", error.message),
      headers: {},
    };
  if (error instanceof DomainError)
    return { problem: problem(422, error.code, 'The request breaks a support rule', error.message), headers: {} };
  if (isHttpError(error)) {
    // restify's own refusals before a route runs: malformed JSON body, unknown path, wrong method.
    const code =
      error.statusCode === 400
        ? 'validation'
        : error.statusCode === 404
          ? 'not-found'
          : error.statusCode === 405
            ? 'method-not-allowed'
            : 'http-error';
    return {
      problem: problem(
        error.statusCode,
        code,
        HTTP_TITLES[error.statusCode] ?? 'The request could not be handled',
        error.message,
      ),
      headers: {},
    };
  }
  log('REST API: unexpected error', error);
  return { problem: problem(500, 'internal', 'Internal error', 'The server could not complete the request.'), headers: {} };
}
