/** Every rule the domain refuses is a DomainError subclass: it carries fields, sets name, chains cause. */
export class DomainError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Input that does not fit: names the field at fault. */
export class ValidationError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('validation', `${field}: ${message}`, options);
  }
}

/** A calendar spec that cannot be used (unknown zone, malformed time, overlap, bad date). */
export class CalendarError extends ValidationError {}

/** A policy file or override that does not fit the SupportPolicy schema. */
export class PolicyError extends ValidationError {}

/** An event the ticket's current status does not allow. */
export class InvalidTransitionError extends DomainError {
  constructor(
    readonly status: string,
    readonly eventType: string,
    message?: string,
  ) {
    super('invalid-transition', message ?? `a ticket that is ${status} cannot take "${eventType}"`);
  }
}

/** The actor's role may not do this. */
export class NotAuthorizedError extends DomainError {
  constructor(
    readonly actorRole: string,
    readonly action: string,
    message?: string,
  ) {
    super('not-authorized', message ?? `role ${actorRole} may not ${action}`);
  }
}

/** A thing looked up by id or number does not exist. */
export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super('not-found', `${entity} ${key} not found`);
  }
}

/** A write based on a stale version: someone changed the record meanwhile. */
export class ConflictError extends DomainError {
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly expectedVersion?: string,
    readonly actualVersion?: string,
  ) {
    super(
      'conflict',
      `${entity} ${key} was changed by someone else (expected version ${expectedVersion ?? '?'}, found ${actualVersion ?? '?'})`,
    );
  }
}
