/** A request without a valid bearer token (401). `reason` is safe to show; the cause stays in logs. */
export class AuthenticationError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'AuthenticationError';
  }
}
