import { ValidationError } from '../common/errors';
import { mergeSegments, type TimeSegment } from './time-segment';

/** A span of real time given as Dates: a pause, an extra open window. */
export interface DateSpan {
  start: Date;
  end: Date;
}

/** Epoch ms of `value`, or a ValidationError naming `field` when it is no valid Date. */
export function epochOf(field: string, value: Date): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw new ValidationError(field, 'must be a valid Date');
  return ms;
}

/** Checks `spans` (each end at or after its start) and returns their union as sorted epoch-ms segments. */
export function mergeDateSpans(field: string, spans: readonly DateSpan[]): TimeSegment[] {
  if (!Array.isArray(spans)) throw new ValidationError(field, 'must be an array of {start, end}');
  const segments = spans.map((span, i) => {
    const start = epochOf(`${field}[${i}].start`, span?.start);
    const end = epochOf(`${field}[${i}].end`, span?.end);
    if (end < start) throw new ValidationError(`${field}[${i}]`, 'ends before it starts');
    return { start, end };
  });
  return mergeSegments(segments);
}
