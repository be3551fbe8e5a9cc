import { AsyncLocalStorage } from 'node:async_hooks';
import { GRAPH_BATCH_LIMIT, isOk, stepError, type GraphBatch, type GraphStep, type StepResult } from './graph-batch';

type QueuedStep = Omit<GraphStep, 'id' | 'dependsOn'>;

/** Steps that leave in one batch together: a lone step, or a group whose steps depend on each other. */
interface Waiting {
  steps: GraphStep[];
  resolve: (results: Map<string, StepResult>) => void;
  reject: (error: unknown) => void;
}

/** The steps a follower asks for while `withFollowers` gathers them, then the lead's outcome for the later ones. */
interface Following {
  gathered: Waiting[] | undefined;
  lead: Promise<StepResult>;
}

/** What Graph answers for a step whose dependency failed. */
function failedDependency(steps: GraphStep[]): Map<string, StepResult> {
  const body = { error: { code: 'FailedDependency', message: 'The request it follows was refused.' } };
  return new Map(steps.map((s) => [s.id, { status: 424, headers: {}, body }]));
}

/** Batches of one flush in flight at once: enough to overlap round trips, few enough not to invite throttling. */
const PARALLEL_BATCHES = 4;

/**
 * Independent requests made in the same turn of the event loop (parallel claims, a Promise.all of
 * reads, a ticket's write with the reads of the email it sends) leave together: one $batch per 20.
 * A lone request is a batch of one (still one HTTP request). A group (`submitGroup`: a write and the
 * steps that depend on it) is never split across batches.
 */
export class StepQueue {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private readonly following = new AsyncLocalStorage<Following>();

  constructor(private readonly batch: GraphBatch) {}

  async submit(step: QueuedStep): Promise<StepResult> {
    return (await this.enqueue([{ id: 'step', ...step }])).get('step')!;
  }

  /** One step whose refusal, unless its status is in `accept`, is thrown as the Graph client would (GraphServiceError). */
  async request(step: QueuedStep, accept: readonly number[] = []): Promise<StepResult> {
    const result = await this.submit(step);
    if (!isOk(result) && !accept.includes(result.status)) throw stepError(step, result);
    return result;
  }

  /** Steps with their own ids and `dependsOn` among them (20 at most), sent in one batch; results by their ids. */
  submitGroup(steps: GraphStep[]): Promise<Map<string, StepResult>> {
    if (steps.length === 0 || steps.length > GRAPH_BATCH_LIMIT)
      throw new Error(`a group of steps fills one Graph batch: 1 to ${GRAPH_BATCH_LIMIT} steps (got ${steps.length})`);
    return this.enqueue(steps);
  }

  /**
   * Sends `step` with, chained after it in the same batch, the steps `follow` asks this queue for in
   * its first turn (its writes once a message is sent or tagged): they run only if `step` succeeds, and
   * answer 424 otherwise. Steps `follow` asks for later leave once `step` succeeded (424 if it failed).
   * Only for a `follow` whose requests all go through this queue: anything else it does happens at once.
   */
  async withFollowers<T>(step: QueuedStep, follow: () => Promise<T>): Promise<{ lead: StepResult; followed: Promise<T> }> {
    let settleLead!: (result: StepResult) => void;
    const scope: Following = { gathered: [], lead: new Promise((resolve) => (settleLead = resolve)) };
    const followed = this.following.run(scope, follow);
    followed.catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const gathered = scope.gathered!;
    scope.gathered = undefined;
    const lead: GraphStep = { id: 'lead', ...step };
    const chained = gathered.flatMap((w, n) =>
      w.steps.map((s) => ({
        ...s,
        id: `${n + 1}-${s.id}`,
        dependsOn: ['lead', ...(s.dependsOn ?? []).map((d) => `${n + 1}-${d}`)],
      })),
    );
    try {
      const fits = 1 + chained.length <= GRAPH_BATCH_LIMIT;
      // Through enqueue: inside another follower, this lead is that follower's step (it waits on its lead).
      const results = await this.enqueue(fits ? [lead, ...chained] : [lead]);
      const leadResult = results.get('lead')!;
      settleLead(leadResult);
      gathered.forEach((w, n) => {
        if (fits) w.resolve(new Map(w.steps.map((s) => [s.id, results.get(`${n + 1}-${s.id}`)!])));
        else if (isOk(leadResult)) this.enqueueNow(w.steps).then(w.resolve, w.reject);
        else w.resolve(failedDependency(w.steps));
      });
      return { lead: leadResult, followed };
    } catch (error) {
      settleLead({ status: 424, headers: {}, body: undefined });
      gathered.forEach((w) => w.reject(error));
      throw error;
    }
  }

  private enqueue(steps: GraphStep[]): Promise<Map<string, StepResult>> {
    const scope = this.following.getStore();
    if (scope?.gathered) return new Promise((resolve, reject) => scope.gathered!.push({ steps, resolve, reject }));
    if (scope) return scope.lead.then((lead) => (isOk(lead) ? this.enqueueNow(steps) : failedDependency(steps)));
    return this.enqueueNow(steps);
  }

  private enqueueNow(steps: GraphStep[]): Promise<Map<string, StepResult>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ steps, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = this.waiting;
    this.waiting = [];
    const chunks: Waiting[][] = [];
    let size = GRAPH_BATCH_LIMIT;
    for (const w of all) {
      if (size + w.steps.length > GRAPH_BATCH_LIMIT) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1]!.push(w);
      size += w.steps.length;
    }
    const next = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await this.send(chunk);
    };
    for (let i = 0; i < Math.min(PARALLEL_BATCHES, chunks.length); i++) void next();
  }

  /** Sends one batch and settles its callers; never rejects (each caller gets the outcome). Step ids are made unique per caller. */
  private async send(chunk: Waiting[]): Promise<void> {
    const ids = (n: number, id: string) => `${n + 1}-${id}`;
    try {
      const steps = chunk.flatMap((w, n) =>
        w.steps.map((s) => ({
          ...s,
          id: ids(n, s.id),
          ...(s.dependsOn ? { dependsOn: s.dependsOn.map((d) => ids(n, d)) } : {}),
        })),
      );
      const results = await this.batch.run(steps);
      chunk.forEach((w, n) => w.resolve(new Map(w.steps.map((s) => [s.id, results.get(ids(n, s.id))!]))));
    } catch (error) {
      chunk.forEach((w) => w.reject(error));
    }
  }
}
