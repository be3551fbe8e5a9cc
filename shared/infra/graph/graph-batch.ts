import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphServiceError } from './graph-errors';
import { parseRetryAfterMs } from './middleware/retry-after';

/** Graph's documented limit of requests in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

/** One request inside a $batch. `url` is relative to the version ("/sites/..."), query already encoded. */
export interface GraphStep {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface StepResult {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> | undefined;
  /** A body that is not JSON (a message's MIME): Graph gives it base64-encoded inside a batch. */
  base64?: string;
}

export function isOk(result: StepResult): boolean {
  return result.status >= 200 && result.status < 300;
}

/** A step's refusal as the same typed error the Graph client throws for a plain request. */
export function stepError(step: Pick<GraphStep, 'method' | 'url'>, result: StepResult): GraphServiceError {
  const error = (result.body?.error ?? {}) as { code?: string; message?: string };
  return new GraphServiceError({
    status: result.status,
    code: error.code ?? 'unknown',
    message: error.message ?? `status ${result.status}`,
    method: step.method,
    url: step.url,
    body: result.body,
    ...(result.headers['request-id'] ? { requestId: result.headers['request-id'] } : {}),
  });
}

/** A link Graph gave (nextLink, deltaLink) as a batch step's URL: "https://graph.microsoft.com/v1.0/sites/..." -> "/sites/...". */
export function relativeLink(link: string): string {
  const url = new URL(link);
  return `${url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '')}${url.search}`;
}

export interface BatchOptions {
  /** How often a throttled step (429/503/504 inside a batch) is sent again. Default 5. */
  maxStepRetries?: number;
  /** Longest wait between rounds (ms): a Retry-After beyond it is not waited for (the throttled steps are answered as such). Default 30 s. */
  maxRetryDelayMs?: number;
  /** First wait when a throttled step says no Retry-After; doubles each round. Default 1 s. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  nowMs?: () => number;
}

const THROTTLED = new Set([429, 503, 504]);

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/**
 * The wait before throttled steps go again: the longest Retry-After they carry, exactly (fractional
 * seconds, HTTP dates); without one, exponential backoff from `baseMs`, capped.
 */
function retryDelayMs(results: StepResult[], round: number, baseMs: number, maxMs: number, nowMs: number): number {
  const asked = results
    .map((r) => parseRetryAfterMs(r.headers['retry-after'], nowMs))
    .filter((ms): ms is number => ms !== undefined);
  return asked.length > 0 ? Math.max(...asked) : Math.min(maxMs, baseMs * 2 ** round);
}

/**
 * Steps in an order that keeps every step after the steps it depends on (stable otherwise).
 * Steps depending on ids outside `steps` (answered in an earlier round) only wait on those inside.
 */
function dependencyOrder(steps: GraphStep[]): GraphStep[] {
  const inside = new Set(steps.map((s) => s.id));
  const placed = new Set<string>();
  const order: GraphStep[] = [];
  while (order.length < steps.length) {
    const next = steps.find((s) => !placed.has(s.id) && (s.dependsOn ?? []).every((d) => placed.has(d) || !inside.has(d)));
    if (!next) throw new Error('Graph $batch steps depend on each other in a cycle');
    placed.add(next.id);
    order.push(next);
  }
  return order;
}

/**
 * Sends steps as JSON batches (one HTTP request each, 20 steps at most). The $batch POST itself goes
 * through the client's retry middleware (429/503 with Retry-After); steps Graph throttled inside the
 * batch (and the steps that failed only because they depend on one, 424) are sent again after the
 * Retry-After they carry. Steps that answered are never re-sent, so a retry does not repeat a write.
 *
 * "Batch should be either fully sequential or fully parallel" (json-batching.md): steps without
 * dependsOn go in parallel; once any step depends on another, the whole batch goes as one chain, each
 * step depending on the one before it. A step refused (424) only because an unrelated step earlier in
 * that chain failed is sent again in the next round; a step whose own dependency failed keeps its 424.
 */
export class GraphBatch {
  private readonly maxStepRetries: number;
  private readonly maxRetryDelayMs: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly nowMs: () => number;

  constructor(
    private readonly client: Client,
    options: BatchOptions = {},
  ) {
    this.maxStepRetries = options.maxStepRetries ?? 5;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.nowMs = options.nowMs ?? (() => Date.now());
  }

  /** Runs `steps` (at most 20, dependsOn within them) and answers one result per step id. */
  async run(steps: GraphStep[]): Promise<Map<string, StepResult>> {
    if (steps.length > GRAPH_BATCH_LIMIT)
      throw new Error(`a Graph batch holds ${GRAPH_BATCH_LIMIT} requests at most (got ${steps.length})`);
    const results = new Map<string, StepResult>();
    let pending = dependencyOrder(steps);
    for (let throttledRounds = 0; pending.length > 0;) {
      const answered = await this.post(pending);
      const throttledNow = pending.map((s) => answered.get(s.id)!).filter((r) => THROTTLED.has(r.status));
      const delayMs =
        throttledNow.length > 0
          ? retryDelayMs(throttledNow, throttledRounds, this.baseDelayMs, this.maxRetryDelayMs, this.nowMs())
          : 0;
      // A Retry-After past the cap is not waited for (coming back early is throttled again): the caller gets the 429.
      const retryThrottled = throttledRounds < this.maxStepRetries && delayMs <= this.maxRetryDelayMs;
      const chained = pending.some((s) => (s.dependsOn ?? []).length > 0);
      const retry = new Set<string>();
      pending.forEach((step, i) => {
        const answer = answered.get(step.id)!;
        const ownFailed = (step.dependsOn ?? []).some((d) => !retry.has(d) && (results.get(d)?.status ?? 0) >= 400);
        const linked = chained && i > 0 && answer.status === 424 && !ownFailed;
        if ((THROTTLED.has(answer.status) && retryThrottled) || linked) retry.add(step.id);
        else results.set(step.id, answer);
      });
      const waitForThrottled = pending.some((s) => retry.has(s.id) && THROTTLED.has(answered.get(s.id)!.status));
      pending = pending
        .filter((s) => retry.has(s.id))
        .map((s) => ({ ...s, dependsOn: (s.dependsOn ?? []).filter((d) => retry.has(d)) }));
      if (waitForThrottled) {
        throttledRounds++;
        await this.sleep(delayMs);
      }
    }
    return results;
  }

  private async post(steps: GraphStep[]): Promise<Map<string, StepResult>> {
    const requests = steps.map((s) => ({
      id: s.id,
      method: s.method,
      url: s.url,
      ...(s.body !== undefined
        ? { body: s.body, headers: { 'Content-Type': 'application/json', ...s.headers } }
        : s.headers
          ? { headers: s.headers }
          : {}),
    }));
    // Fully sequential (pending is in dependency order): each step waits on the one before it.
    if (steps.some((s) => (s.dependsOn ?? []).length > 0))
      requests.forEach((r, i) => i > 0 && Object.assign(r, { dependsOn: [requests[i - 1]!.id] }));
    const answer = (await this.client.api('/$batch').post({ requests })) as {
      responses?: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }>;
    };
    const out = new Map<string, StepResult>();
    for (const r of answer.responses ?? []) {
      out.set(r.id, {
        status: r.status,
        headers: lowerKeys(r.headers),
        body: typeof r.body === 'object' && r.body !== null ? (r.body as Record<string, unknown>) : undefined,
        ...(typeof r.body === 'string' ? { base64: r.body } : {}),
      });
    }
    const missing = steps.filter((s) => !out.has(s.id)).map((s) => s.id);
    if (missing.length > 0) throw new Error(`Graph $batch answered no response for step(s) ${missing.join(', ')}`);
    return out;
  }
}
