/**
 * A small subset of Adaptive Card Templating, enough for our JSON templates:
 * - `"${path}"` as a whole string is replaced by the value itself (arrays, numbers, booleans);
 * - `"text ${path} text"` interpolates strings;
 * - `"$when": "${path}"` keeps an element only when the value is truthy;
 * - `"$data": "${path}"` on an array element repeats it once per item, with the item as scope
 *   (`${$root.x}` reaches the top-level data from inside a repeat).
 * A path that resolves to undefined is a bug in a mapper: it throws instead of leaving `${...}`.
 * Each template is compiled once into a tree of small functions (cached per template object).
 */
export type CardJson = Record<string, unknown>;

const WHOLE = /^\$\{([^}]+)\}$/;
const PART = /\$\{([^}]+)\}/g;

interface Scope {
  root: unknown;
  current: unknown;
}

/** A compiled node: its value in a scope, or undefined when a `$when` drops it. */
type Render = (scope: Scope) => unknown;

function getter(path: string): (scope: Scope) => unknown {
  const trimmed = path.trim();
  const fromRoot = trimmed.startsWith('$root.');
  const parts = (fromRoot ? trimmed.slice('$root.'.length) : trimmed).split('.');
  return (scope) => {
    let value: unknown = fromRoot ? scope.root : scope.current;
    for (const part of parts) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

function required(path: string): Render {
  const get = getter(path);
  return (scope) => {
    const value = get(scope);
    if (value === undefined) throw new Error(`card template: \${${path}} has no value`);
    return value;
  };
}

function expression(value: unknown): string {
  const match = typeof value === 'string' ? WHOLE.exec(value) : null;
  if (!match) throw new Error(`card template: expected "\${path}", got ${JSON.stringify(value)}`);
  return match[1];
}

function compileString(text: string): Render {
  if (!text.includes('${')) return () => text;
  const whole = WHOLE.exec(text);
  if (whole) return required(whole[1]);
  const pieces: Array<string | Render> = [];
  let last = 0;
  for (const match of text.matchAll(PART)) {
    pieces.push(text.slice(last, match.index), required(match[1]));
    last = (match.index ?? 0) + match[0].length;
  }
  pieces.push(text.slice(last));
  return (scope) => pieces.map((piece) => (typeof piece === 'string' ? piece : String(piece(scope)))).join('');
}

function compileObject(node: CardJson): Render {
  const when = '$when' in node ? getter(expression(node.$when)) : undefined;
  const entries = Object.entries(node)
    .filter(([key]) => key !== '$when')
    .map(([key, value]) => [key, compileNode(value)] as const);
  return (scope) => {
    if (when && !when(scope)) return undefined;
    const out: CardJson = {};
    for (const [key, render] of entries) {
      const value = render(scope);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
}

function compileArray(items: unknown[]): Render {
  const compiled = items.map((item): { repeat?: Render; render: Render } => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && '$data' in item) {
      const { $data, ...rest } = item as CardJson;
      return { repeat: required(expression($data)), render: compileObject(rest) };
    }
    return { render: compileNode(item) };
  });
  return (scope) => {
    const out: unknown[] = [];
    for (const { repeat, render } of compiled) {
      if (!repeat) {
        const value = render(scope);
        if (value !== undefined) out.push(value);
        continue;
      }
      const list = repeat(scope);
      if (!Array.isArray(list)) throw new Error('card template: $data is not an array');
      for (const entry of list) {
        const value = render({ root: scope.root, current: entry });
        if (value !== undefined) out.push(value);
      }
    }
    return out;
  };
}

function compileNode(node: unknown): Render {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (node !== null && typeof node === 'object') return compileObject(node as CardJson);
  return () => node;
}

const COMPILED = new WeakMap<CardJson, Render>();

/** Expands `template` with `data` into a plain Adaptive Card object (the template is not modified). */
export function renderTemplate(template: CardJson, data: object): CardJson {
  let render = COMPILED.get(template);
  if (!render) {
    render = compileObject(template);
    COMPILED.set(template, render);
  }
  return (render({ root: data, current: data }) as CardJson | undefined) ?? {};
}
