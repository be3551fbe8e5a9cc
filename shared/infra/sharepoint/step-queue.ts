import { GRAPH_BATCH_LIMIT, type GraphBatch, type GraphStep, type StepResult } from './graph-batch';

type QueuedStep = Omit<GraphStep, 'id' | 'dependsOn'>;

interface Waiting {
  step: QueuedStep;
  resolve: (result: StepResult) => void;
  reject: (error: unknown) => void;
}

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
    for (let i = 0; i < all.length; i += GRAPH_BATCH_LIMIT) {
      const chunk = all.slice(i, i + GRAPH_BATCH_LIMIT);
      this.batch.run(chunk.map((w, n) => ({ id: String(n + 1), ...w.step }))).then(
        (results) => chunk.forEach((w, n) => w.resolve(results.get(String(n + 1))!)),
        (error: unknown) => chunk.forEach((w) => w.reject(error)),
      );
    }
  }
}
