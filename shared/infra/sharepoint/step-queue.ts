import { GRAPH_BATCH_LIMIT, type GraphBatch, type GraphStep, type StepResult } from './graph-batch';

type QueuedStep = Omit<GraphStep, 'id' | 'dependsOn'>;

interface Waiting {
  step: QueuedStep;
  resolve: (result: StepResult) => void;
  reject: (error: unknown) => void;
}

/** Batches of one flush in flight at once: enough to overlap round trips, few enough not to invite throttling. */
const PARALLEL_BATCHES = 4;

/**
 * Independent requests made in the same turn of the event loop (parallel claims, a Promise.all of
 * reads) leave together: one $batch per 20. A lone request is a batch of one (still one HTTP request).
 */
export class StepQueue {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly batch: GraphBatch) {}

  submit(step: QueuedStep): Promise<StepResult> {
    return new Promise<StepResult>((resolve, reject) => {
      this.waiting.push({ step, resolve, reject });
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
    for (let i = 0; i < all.length; i += GRAPH_BATCH_LIMIT) chunks.push(all.slice(i, i + GRAPH_BATCH_LIMIT));
    const next = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await this.send(chunk);
    };
    for (let i = 0; i < Math.min(PARALLEL_BATCHES, chunks.length); i++) void next();
  }

  /** Sends one batch and settles its callers; never rejects (each caller gets the outcome). */
  private async send(chunk: Waiting[]): Promise<void> {
    try {
      const results = await this.batch.run(chunk.map((w, n) => ({ id: String(n + 1), ...w.step })));
      chunk.forEach((w, n) => w.resolve(results.get(String(n + 1))!));
    } catch (error) {
      chunk.forEach((w) => w.reject(error));
    }
  }
}
