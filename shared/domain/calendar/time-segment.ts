/**
 * A half-open span of real time `[start, end)` in epoch milliseconds: the value object every calendar
 * computation works on. Segments are plain frozen data; functions below never mutate their input.
 */
export interface TimeSegment {
  readonly start: number;
  readonly end: number;
}

/** The union of `segments` as sorted, disjoint, non-adjacent segments; empty segments vanish. */
export function mergeSegments(segments: readonly TimeSegment[]): TimeSegment[] {
  const sorted = segments.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: TimeSegment[] = [];
  for (const segment of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && segment.start <= last.end) {
      if (segment.end > last.end) merged[merged.length - 1] = { start: last.start, end: segment.end };
    } else {
      merged.push(segment);
    }
  }
  return merged;
}

/** `segments` minus `holes` (both sorted and disjoint): the parts of `segments` no hole covers. */
export function subtractSegments(segments: readonly TimeSegment[], holes: readonly TimeSegment[]): TimeSegment[] {
  const out: TimeSegment[] = [];
  let h = 0;
  for (const segment of segments) {
    let cursor = segment.start;
    while (h < holes.length && holes[h].end <= cursor) h++;
    for (let k = h; k < holes.length && holes[k].start < segment.end; k++) {
      if (holes[k].start > cursor) out.push({ start: cursor, end: holes[k].start });
      cursor = Math.max(cursor, holes[k].end);
    }
    if (cursor < segment.end) out.push({ start: cursor, end: segment.end });
  }
  return out;
}
