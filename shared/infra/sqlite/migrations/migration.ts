/** One numbered, forward-only schema step. Versions run 1..n with no gaps; a step never changes once shipped. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  sql: string;
}
