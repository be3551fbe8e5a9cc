import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { parseRetryAfterMs } from './retry-after';
import { requestMethod, requestUrl } from './request-parts';

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryOptions {
  /** Total attempts, the first included (1 = never retry). */
  maxAttempts: number;
  /** First backoff when the service gave no Retry-After; doubles each attempt. */
  baseDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the refusal goes to the caller (with retryAfterSeconds). */
  maxRetryAfterMs: number;
}

/**
 * Mail submissions are not idempotent. A 429 or 503 refused them (nothing was sent: safe to resend), but
 * after a 504 the gateway only stopped waiting: the message may have gone, so it is not sent again.
 */
const MAIL_SUBMISSION = /\/(sendMail|reply|replyAll|forward|send)$/i;

function unsafeToResend(context: Context, status: number): boolean {
  return status === 504 && requestMethod(context) === 'POST' && MAIL_SUBMISSION.test(new URL(requestUrl(context)).pathname);
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 32_000,
  maxRetryAfterMs: 120_000,
};

export interface RetryEvent {
  method: string;
  url: string;
  status: number;
  attempt: number;
  delayMs: number;
  fromRetryAfter: boolean;
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  nowMs: () => number;
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Retries 429/503/504 the way Graph's throttling guidance asks: wait what Retry-After says (seconds or an
 * HTTP date); without it, back off exponentially (base * 2^(n-1), capped). Bodies are strings or buffers in
 * this SDK, so a request can be sent again as is.
 */
export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly options: RetryOptions,
    private readonly deps: RetryDeps,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.next!.execute(context);
      const response = context.response;
      if (
        !response ||
        !RETRYABLE_STATUSES.has(response.status) ||
        attempt >= this.options.maxAttempts ||
        unsafeToResend(context, response.status)
      )
        return;
      const retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'), this.deps.nowMs());
      if (retryAfterMs !== undefined && retryAfterMs > this.options.maxRetryAfterMs) return;
      const delayMs = retryAfterMs ?? Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
      await response.arrayBuffer(); // drain the refused response so its connection is reused
      this.deps.onRetry?.({
        method: requestMethod(context),
        url: requestUrl(context),
        status: response.status,
        attempt,
        delayMs,
        fromRetryAfter: retryAfterMs !== undefined,
      });
      await this.deps.sleep(delayMs);
    }
  }
}
