import {
  ConflictError,
  DomainError,
  InvalidTransitionError,
  NotAuthorizedError,
  NotFoundError,
  ValidationError,
} from '../../shared/domain/common';
import { hasMessage, t } from '../../shared/domain/i18n';
import type { Locale } from '../../shared/domain/ticket';

/** What the user is told about a failed command or card action. */
export interface MappedError {
  /** A stale ticket version: show the refreshed card with this notice. */
  conflict: boolean;
  message: string;
}

/** Where errors that are not the domain's (bugs, outages) are reported before the user gets a generic reply. */
export type UnexpectedErrorSink = (error: unknown) => void;

function entityName(locale: Locale, entity: string): string {
  const key = `bot.entity.${entity}`;
  return hasMessage(key) ? t(locale, key) : entity;
}

/** The one place a Teams turn turns errors into replies. */
export class ErrorMapper {
  constructor(private readonly report: UnexpectedErrorSink) {}

  map(error: unknown, locale: Locale): MappedError {
    if (error instanceof ConflictError) return { conflict: true, message: t(locale, 'bot.error.conflict') };
    if (error instanceof NotAuthorizedError)
      return { conflict: false, message: t(locale, 'bot.error.notAuthorized', { detail: error.message }) };
    if (error instanceof ValidationError)
      return { conflict: false, message: t(locale, 'bot.error.validation', { field: error.field, detail: error.message }) };
    if (error instanceof NotFoundError)
      return {
        conflict: false,
        message: t(locale, 'bot.error.notFound', { entity: entityName(locale, error.entity), key: error.key }),
      };
    if (error instanceof InvalidTransitionError) {
      const key = `status.${error.status}`;
      const status = hasMessage(key) ? t(locale, key) : error.status;
      return { conflict: false, message: t(locale, 'bot.error.invalidTransition', { status }) };
    }
    if (error instanceof DomainError)
      return { conflict: false, message: t(locale, 'bot.error.domain', { detail: error.message }) };
    this.report(error);
    return { conflict: false, message: t(locale, 'bot.error.unexpected') };
  }
}
