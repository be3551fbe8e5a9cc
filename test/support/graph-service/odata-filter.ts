import { badRequest } from './graph-http-error';

/*
 * A small OData $filter: comparisons (eq ne gt ge lt le), and/or/not, parentheses, startswith/endswith/contains,
 * lambda any() over collections ("categories/any(c:c eq 'Blue')"), literals 'text' (with '' escapes),
 * numbers, true/false/null and unquoted ISO date-times. String comparison ignores case, as Exchange and
 * SharePoint collations do; ISO date strings compare as instants.
 */

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'call'; name: 'startswith' | 'endswith' | 'contains'; target: Operand; value: Operand }
  | { kind: 'any'; collection: string; variable: string; predicate: FilterNode };

export type Operand = { kind: 'path'; path: string } | { kind: 'literal'; value: unknown };
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Resolver = (path: string) => unknown;

type Token = { type: 'punct' | 'ident' | 'literal'; text: string; value?: unknown };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if ('(),:'.includes(rest[0]!)) {
      tokens.push({ type: 'punct', text: rest[0]! });
      i += 1;
      continue;
    }
    if (rest[0] === "'") {
      let j = 1;
      let value = '';
      for (;;) {
        if (j >= rest.length) throw badRequest('BadRequest', `Invalid filter clause: unterminated string in '${text}'`);
        if (rest[j] === "'" && rest[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        if (rest[j] === "'") break;
        value += rest[j];
        j += 1;
      }
      tokens.push({ type: 'literal', text: rest.slice(0, j + 1), value });
      i += j + 1;
      continue;
    }
    const date = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})?/.exec(rest);
    if (date) {
      tokens.push({ type: 'literal', text: date[0], value: date[0] });
      i += date[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    if (num) {
      tokens.push({ type: 'literal', text: num[0], value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_$@][A-Za-z0-9_/.@$]*/.exec(rest);
    if (ident) {
      const word = ident[0];
      const keyword: Record<string, unknown> = { true: true, false: false, null: null };
      if (word in keyword) tokens.push({ type: 'literal', text: word, value: keyword[word] });
      else tokens.push({ type: 'ident', text: word });
      i += word.length;
      continue;
    }
    throw badRequest('BadRequest', `Invalid filter clause: unexpected '${rest[0]}' in '${text}'`);
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.at < this.tokens.length) this.fail(`unexpected '${this.tokens[this.at]!.text}'`);
    return node;
  }

  private fail(why: string): never {
    throw badRequest('BadRequest', `Invalid filter clause: ${why} in '${this.text}'`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t?.type === 'ident' && t.text.toLowerCase() === word;
  }

  private expect(text: string): void {
    if (this.peek()?.text !== text) this.fail(`expected '${text}'`);
    this.at += 1;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.at += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.at += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.at += 1;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.peek()?.text === '(') {
      this.at += 1;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    const t = this.peek();
    if (
      t?.type === 'ident' &&
      ['startswith', 'endswith', 'contains'].includes(t.text.toLowerCase()) &&
      this.tokens[this.at + 1]?.text === '('
    ) {
      this.at += 2;
      const target = this.operand();
      this.expect(',');
      const value = this.operand();
      this.expect(')');
      return { kind: 'call', name: t.text.toLowerCase() as 'startswith', target, value };
    }
    if (t?.type === 'ident' && /\/any$/i.test(t.text) && this.tokens[this.at + 1]?.text === '(') {
      this.at += 2;
      const variable = this.peek();
      if (variable?.type !== 'ident') this.fail('expected a lambda variable');
      this.at += 1;
      this.expect(':');
      const predicate = this.or();
      this.expect(')');
      return { kind: 'any', collection: t.text.slice(0, -4), variable: variable.text, predicate };
    }
    const left = this.operand();
    const op = this.peek();
    if (op?.type !== 'ident' || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op.text.toLowerCase()))
      this.fail('expected a comparison operator');
    this.at += 1;
    return { kind: 'compare', op: op.text.toLowerCase() as CompareOp, left, right: this.operand() };
  }

  private operand(): Operand {
    const t = this.peek();
    if (!t || t.type === 'punct') this.fail('expected a property or a value');
    this.at += 1;
    return t.type === 'literal' ? { kind: 'literal', value: t.value } : { kind: 'path', path: t.text };
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

/** Every property path the filter reads (lambda variables excluded, collections included). */
export function filterPaths(node: FilterNode): string[] {
  const operandPath = (o: Operand) => (o.kind === 'path' ? [o.path] : []);
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(node.left), ...filterPaths(node.right)];
    case 'not':
      return filterPaths(node.operand);
    case 'compare':
      return [...operandPath(node.left), ...operandPath(node.right)];
    case 'call':
      return [...operandPath(node.target), ...operandPath(node.value)];
    case 'any':
      return [node.collection];
  }
}

function comparable(a: unknown, b: unknown): [unknown, unknown] {
  if (typeof a === 'boolean' && typeof b === 'number') return [a ? 1 : 0, b];
  if (typeof b === 'boolean' && typeof a === 'number') return [a, b ? 1 : 0];
  if (typeof a === 'number' && typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(b)) return [a, Number(b)];
  if (typeof b === 'number' && typeof a === 'string' && /^-?\d+(\.\d+)?$/.test(a)) return [Number(a), b];
  if (typeof a === 'string' && typeof b === 'string') {
    if (ISO_DATE.test(a) && ISO_DATE.test(b)) return [Date.parse(a), Date.parse(b)];
    return [a.toLowerCase(), b.toLowerCase()];
  }
  return [a, b];
}

export function compareValues(op: CompareOp, left: unknown, right: unknown): boolean {
  const [a, b] = comparable(left ?? null, right ?? null);
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (a === null || b === null || typeof a !== typeof b) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case 'gt':
      return x > y;
    case 'ge':
      return x >= y;
    case 'lt':
      return x < y;
    case 'le':
      return x <= y;
  }
}

export function evaluateFilter(node: FilterNode, resolve: Resolver): boolean {
  const value = (o: Operand) => (o.kind === 'literal' ? o.value : resolve(o.path));
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, resolve) && evaluateFilter(node.right, resolve);
    case 'or':
      return evaluateFilter(node.left, resolve) || evaluateFilter(node.right, resolve);
    case 'not':
      return !evaluateFilter(node.operand, resolve);
    case 'compare':
      return compareValues(node.op, value(node.left), value(node.right));
    case 'call': {
      const target = value(node.target);
      const needle = value(node.value);
      if (typeof target !== 'string' || typeof needle !== 'string') return false;
      const t = target.toLowerCase();
      const n = needle.toLowerCase();
      return node.name === 'startswith' ? t.startsWith(n) : node.name === 'endswith' ? t.endsWith(n) : t.includes(n);
    }
    case 'any': {
      const items = resolve(node.collection);
      if (!Array.isArray(items)) return false;
      return items.some((item) =>
        evaluateFilter(node.predicate, (path) => {
          if (path === node.variable) return item;
          if (path.startsWith(`${node.variable}/`)) return readPath(item, path.slice(node.variable.length + 1));
          return resolve(path);
        }),
      );
    }
  }
}

/** Reads "a/b/c" out of a JSON-ish object (case-insensitive property names, as OData is). */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('/')) {
    if (current === null || typeof current !== 'object') return undefined;
    const record = current as Record<string, unknown>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : record[key];
  }
  return current;
}
