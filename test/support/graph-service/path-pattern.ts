/**
 * Path patterns used by the fault injector and the request counter:
 *  "*" matches one path segment, "**" any number of segments (also none); a RegExp is tested as is.
 *  Matching is case-insensitive, on the path after the version segment ("/sites/x/lists").
 */
export type PathPattern = string | RegExp;

const escape = (segment: string) => segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function pathMatches(pattern: PathPattern, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  const segments = pattern.split('/').filter((s) => s !== '');
  const source = segments.map((s) => (s === '**' ? '(?:/[^/]+)*' : s === '*' ? '/[^/]+' : `/${escape(s)}`)).join('');
  return new RegExp(`^${source}/?$`, 'i').test(path);
}
