import moment from 'moment';
import { loadavg } from 'node:os';
import 'moment-business-time';
import { addBusinessMinutes, parseCalendar } from '../shared/domain/calendar';
import { seededRandom } from '../bot/demo/seeded-random';
import type { BenchResult } from './bench-result';
import { dayjsWithSupportHours } from './dayjs-support-hours';

declare module 'moment' {
  interface Moment {
    /** From moment-business-time, which ships no types. */
    addWorkingTime(amount: number, unit: 'minutes'): Moment;
  }
}

/**
 * addBusinessMinutes against dayjs-business-time and moment-business-time on the same UTC calendar
 * (Mon-Fri 08:30-18:00, no holidays) and the same inputs: starts spread over 2026 by a seeded PRNG
 * (whole minutes), durations of 1-2000 minutes.
 */
const OPS = 100_000;
const WARM_UP = 2_000;
const CHUNK = 5_000;
const SAMPLE = 2_000;
const TARGET_VS_DAYJS = 50;
const TARGET_VS_MOMENT = 15;
const YEAR_FROM = Date.UTC(2026, 0, 1);
const YEAR_MINUTES = 365 * 1440;

interface Input {
  start: Date;
  minutes: number;
}

type AddFn = (input: Input) => number;

export async function run(): Promise<BenchResult[]> {
  const previousTz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    return measureAll();
  } finally {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  }
}

function measureAll(): BenchResult[] {
  const inputs = makeInputs(OPS, 20261125);
  const coldMs = firstCallMs(inputs[0]);
  const contenders = [oursAdd(), dayjsAdd(), momentAdd()];
  const [ours, viaDayjs, viaMoment] = contenders;
  const load = loadavg()[0];
  const [oursTime, dayjsTime, momentTime] = timeInterleaved(contenders, inputs);
  const oursOps = Math.round(OPS / oursTime.wallSeconds);
  const dayjsOps = Math.round(OPS / dayjsTime.wallSeconds);
  const momentOps = Math.round(OPS / momentTime.wallSeconds);
  const sample = inputs.slice(0, SAMPLE);
  const vsDayjs = oursOps / dayjsOps;
  const vsMoment = oursOps / momentOps;
  return [
    { name: 'addBusinessMinutes (soporte)', value: oursOps, unit: 'ops/s' },
    { name: 'addBusinessMinutes (soporte), by CPU time', value: Math.round(OPS / oursTime.cpuSeconds), unit: 'ops/s' },
    { name: 'first call on a fresh calendar (builds a year)', value: coldMs, unit: 'ms' },
    { name: 'addBusinessMinutes (dayjs-business-time)', value: dayjsOps, unit: 'ops/s' },
    { name: 'addBusinessMinutes (moment-business-time)', value: momentOps, unit: 'ops/s' },
    {
      name: 'soporte / dayjs-business-time',
      value: vsDayjs,
      unit: 'x',
      target: `>= ${TARGET_VS_DAYJS}x`,
      pass: vsDayjs >= TARGET_VS_DAYJS,
    },
    {
      name: 'soporte / moment-business-time',
      value: vsMoment,
      unit: 'x',
      target: `>= ${TARGET_VS_MOMENT}x`,
      pass: vsMoment >= TARGET_VS_MOMENT,
    },
    { name: 'same instant as dayjs-business-time', value: agreementPercent(ours, viaDayjs, sample), unit: `% of ${SAMPLE}` },
    { name: 'same instant as moment-business-time', value: agreementPercent(ours, viaMoment, sample), unit: `% of ${SAMPLE}` },
    { name: 'load average (1 min) at start', value: load, unit: '' },
  ];
}

interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
}

/**
 * Runs every contender over all inputs, chunk by chunk in turn (ours, dayjs, moment, next chunk ...),
 * so that load from other processes on this shared machine falls on all of them alike.
 */
function timeInterleaved(contenders: AddFn[], inputs: Input[]): Timing[] {
  const timings = contenders.map((add) => {
    for (let i = 0; i < WARM_UP; i++) add(inputs[i]);
    return { wallSeconds: 0, cpuSeconds: 0 };
  });
  let sink = 0;
  for (let from = 0; from < inputs.length; from += CHUNK) {
    const chunk = inputs.slice(from, from + CHUNK);
    contenders.forEach((add, c) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (const input of chunk) sink += add(input);
      timings[c].wallSeconds += (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      timings[c].cpuSeconds += (used.user + used.system) / 1e6;
    });
  }
  if (Number.isNaN(sink)) throw new Error('a benchmarked function returned an invalid instant');
  return timings;
}

/** Deterministic inputs: mulberry32 seeded with `seed`. */
function makeInputs(count: number, seed: number): Input[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    start: new Date(YEAR_FROM + Math.floor(random() * YEAR_MINUTES) * 60_000),
    minutes: 1 + Math.floor(random() * 2000),
  }));
}

function benchCalendar() {
  const weekday: Array<[string, string]> = [['08:30', '18:00']];
  return parseCalendar({
    timezone: 'UTC',
    weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    holidays: [],
  });
}

/** One call on a calendar just parsed: includes materialising the year of the start. */
function firstCallMs(input: Input): number {
  const calendar = benchCalendar();
  const started = performance.now();
  addBusinessMinutes(calendar, input.start, input.minutes);
  return performance.now() - started;
}

function oursAdd(): AddFn {
  const calendar = benchCalendar();
  return ({ start, minutes }) => addBusinessMinutes(calendar, start, minutes).getTime();
}

function dayjsAdd(): AddFn {
  const dayjs = dayjsWithSupportHours();
  return ({ start, minutes }) => dayjs.utc(start).addBusinessMinutes(minutes).valueOf();
}

function momentAdd(): AddFn {
  const hours = ['08:30:00', '18:00:00'];
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null },
    holidays: [],
  } as moment.LocaleSpecification);
  return ({ start, minutes }) => moment.utc(start).addWorkingTime(minutes, 'minutes').valueOf();
}

function agreementPercent(ours: AddFn, theirs: AddFn, sample: Input[]): number {
  const same = sample.filter((input) => ours(input) === theirs(input)).length;
  return (100 * same) / sample.length;
}
