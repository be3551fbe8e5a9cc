/**
 * A small subset of Adaptive Card Templating, enough for our JSON templates:
 * - `"${path}"` as a whole string is replaced by the value itself (arrays, numbers, booleans);
 * - `"text ${path} text"` interpolates strings;
 * - `"$when": "${path}"` keeps an element only when the value is truthy;
 * - `"$data": "${path}"` on an array element repeats it once per item, with the item as scope
 *   (`${$root.x}` reaches the top-level data from inside a repeat).
 * A path that resolves to undefined is a bug in a mapper: it throws instead of leaving `${...}`.
 */
export type CardJson = Record<string, unknown>;

const WHOLE = /^\$\{([^}]+)\}$/;
const PART = /\$\{([^}]+)\}/g;

interface Scope {
  root: unknown;
  current: unknown;
}

/** Parsed paths: templates are few and their expressions fixed. */
const PATHS = new Map<string, { fromRoot: boolean; parts: string[] }>();

function parsePath(path: string): { fromRoot: boolean; parts: string[] } {
  let parsed = PATHS.get(path);
  if (!parsed) {
    const trimmed = path.trim();
    const fromRoot = trimmed.startsWith('$root.');
    parsed = { fromRoot, parts: (fromRoot ? trimmed.slice('$root.'.length) : trimmed).split('.') };
    PATHS.set(path, parsed);
  }
  return parsed;
}

function lookup(path: string, scope: Scope): unknown {
  const { fromRoot, parts } = parsePath(path);
  let value: unknown = fromRoot ? scope.root : scope.current;
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function resolve(path: string, scope: Scope): unknown {
  const value = lookup(path, scope);
  if (value === undefined) throw new Error(`card template: \${${path}} has no value`);
  return value;
}

function renderString(text: string, scope: Scope): unknown {
  if (!text.includes('${')) return text;
  const whole = WHOLE.exec(text);
  if (whole) return resolve(whole[1], scope);
  return text.replace(PART, (_all, path: string) => String(resolve(path, scope)));
}

function expression(value: unknown): string {
  const match = typeof value === 'string' ? WHOLE.exec(value) : null;
  if (!match) throw new Error(`card template: expected "\${path}", got ${JSON.stringify(value)}`);
  return match[1];
}

function renderNode(node: unknown, scope: Scope): unknown {
  if (typeof node === 'string') return renderString(node, scope);
  if (Array.isArray(node)) return renderArray(node, scope);
  if (node !== null && typeof node === 'object') return renderObject(node as CardJson, scope);
  return node;
}

function renderArray(items: unknown[], scope: Scope): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && '$data' in item) {
      const { $data, ...rest } = item as CardJson;
      const list = resolve(expression($data), scope);
      if (!Array.isArray(list)) throw new Error(`card template: $data ${String($data)} is not an array`);
      for (const entry of list) {
        const rendered = renderObject(rest, { root: scope.root, current: entry });
        if (rendered !== undefined) out.push(rendered);
      }
      continue;
    }
    const rendered = renderNode(item, scope);
    if (rendered !== undefined) out.push(rendered);
  }
  return out;
}

function renderObject(node: CardJson, scope: Scope): CardJson | undefined {
  if ('$when' in node && !lookup(expression(node.$when), scope)) return undefined;
  const out: CardJson = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$when') continue;
    const rendered = renderNode(value, scope);
    if (rendered !== undefined) out[key] = rendered;
  }
  return out;
}

/** Expands `template` with `data` into a plain Adaptive Card object (the template is not modified). */
export function renderTemplate(template: CardJson, data: object): CardJson {
  return renderObject(template, { root: data, current: data }) ?? {};
}
