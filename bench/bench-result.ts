/** One figure a benchmark reports: `value` in `unit`, with an optional target and whether it was met. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target in words, e.g. ">= 50x dayjs-business-time". */
  target?: string;
  pass?: boolean;
}

/** What every bench/*.bench.ts module exports. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
