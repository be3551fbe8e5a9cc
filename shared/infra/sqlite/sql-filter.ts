/** Builds a WHERE clause from optional conditions, keeping the parameters in step. */
export class SqlFilter {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `condition` (with its `?` placeholders bound to `values`) when `value` is defined. */
  when(value: unknown, condition: string, ...values: unknown[]): this {
    if (value !== undefined) this.add(condition, ...values);
    return this;
  }

  add(condition: string, ...values: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...values);
    return this;
  }

  /** ` WHERE a AND b`, or '' with no condition. */
  toSql(): string {
    return this.conditions.length > 0 ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
