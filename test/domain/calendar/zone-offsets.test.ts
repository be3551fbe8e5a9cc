import fc from 'fast-check';
import { DateTime } from 'luxon';
import { wallTimeToEpoch } from '../../../shared/domain/calendar';
import { offsetFormatter, ZoneOffsets } from '../../../shared/domain/calendar';

/**
 * The zone offsets the year tables are built from (sampled once a day through Intl, bisected to the
 * minute) checked against luxon's own conversion, in zones with unusual rules: 30-minute DST
 * (Lord Howe), 45-minute offsets (Chatham), DST suspended for Ramadan (Casablanca), DST abolished
 * (Mexico City 2022, Tehran 2022).
 */
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'America/Mexico_City',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'Asia/Tehran',
  'America/Santiago',
  'Asia/Kolkata',
  'UTC',
];
const DAY = 86_400_000;
const FROM = Date.UTC(2021, 0, 1);
const TO = Date.UTC(2029, 0, 1);
const offsets = new Map(ZONES.map((zone) => [zone, new ZoneOffsets(offsetFormatter(zone), FROM - 4 * DAY, TO + 4 * DAY)]));

test('offsetAt matches luxon at any instant', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, t) => {
      expect(offsets.get(zone)!.offsetAt(t)).toBe(DateTime.fromMillis(t, { zone }).offset * 60_000);
    }),
    { numRuns: 2000 },
  );
});

test('a wall time maps to its first occurrence, or shifted forward like luxon when it does not exist', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.integer({ min: 0, max: (TO - FROM) / DAY - 1 }),
      fc.integer({ min: 0, max: 1439 }),
      (zone, dayIndex, minute) => {
        const day = FROM + dayIndex * DAY;
        const zoneOffsets = offsets.get(zone)!;
        const ours = wallTimeToEpoch((t) => zoneOffsets.offsetAt(t), day, minute);
        const civil = new Date(day);
        const wanted = {
          year: civil.getUTCFullYear(),
          month: civil.getUTCMonth() + 1,
          day: civil.getUTCDate(),
          hour: Math.floor(minute / 60),
          minute: minute % 60,
        };
        const theirs = DateTime.fromObject(wanted, { zone });
        const exists = theirs.hour === wanted.hour && theirs.minute === wanted.minute && theirs.day === wanted.day;
        if (!exists) {
          expect(ours).toBe(theirs.toMillis());
          return;
        }
        const back = DateTime.fromMillis(ours, { zone });
        expect([back.year, back.month, back.day, back.hour, back.minute]).toEqual([
          wanted.year,
          wanted.month,
          wanted.day,
          wanted.hour,
          wanted.minute,
        ]);
        expect(ours).toBeLessThanOrEqual(theirs.toMillis());
      },
    ),
    { numRuns: 1500 },
  );
});

test('exact to the minute around every offset change of New York, Lord Howe and Casablanca in 2026', () => {
  const luxonOffset = (zone: string, t: number) => DateTime.fromMillis(t, { zone }).offset * 60_000;
  const step = 6 * 3_600_000;
  for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Africa/Casablanca']) {
    const zoneOffsets = offsets.get(zone)!;
    let changes = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += step) {
      if (luxonOffset(zone, t) === luxonOffset(zone, t + step)) continue;
      changes++;
      for (let m = t; m <= t + step; m += 60_000) expect(zoneOffsets.offsetAt(m)).toBe(luxonOffset(zone, m));
    }
    expect(changes).toBeGreaterThanOrEqual(2);
  }
});
