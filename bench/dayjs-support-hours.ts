import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import dayjsBusinessTime from 'dayjs-business-time';

/**
 * dayjs with dayjs-business-time set to the support hours on a UTC calendar (Monday to Friday, 08:30 to
 * 18:00, no holidays): the library the benches compare the domain's business time against.
 */
export function dayjsWithSupportHours(): typeof dayjs {
  dayjs.extend(utc);
  dayjs.extend(dayjsBusinessTime);
  const hours = [{ start: '08:30:00', end: '18:00:00' }];
  dayjs.setBusinessTime({
    sunday: null,
    monday: hours,
    tuesday: hours,
    wednesday: hours,
    thursday: hours,
    friday: hours,
    saturday: null,
  });
  dayjs.setHolidays([]);
  return dayjs;
}
