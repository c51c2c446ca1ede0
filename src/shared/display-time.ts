import { JianduError } from './errors.js';

/** The time zone times are shown in unless `JIANDU_TZ` names another: the users' (Beijing time). */
export const DEFAULT_DISPLAY_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A stored time as people read it: 'YYYY-MM-DD HH:mm:ss' in `zone` (default `JIANDU_TZ`, else
 * Beijing time). Stored times are UTC: a Date, or an ISO text with or without its 'Z' (the
 * warehouse's timestamps carry none and are UTC). JSON outputs keep the ISO text; this is for
 * text meant for a person.
 *
 * @example displayTime('2024-05-01T02:30:00Z') // '2024-05-01 10:30:00'
 */
export function displayTime(value: Date | string, zone: string = process.env['JIANDU_TZ'] || DEFAULT_DISPLAY_ZONE): string {
  const date = typeof value === 'string' ? new Date(/(?:[zZ]|[+-]\d\d(?::?\d\d)?)$/.test(value) ? value : `${value}Z`) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  let format = formats.get(zone);
  if (!format) {
    format = zoneFormat(zone);
    formats.set(zone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of format.formatToParts(date)) part[p.type] = p.value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

function zoneFormat(zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new JianduError('invalid_argument', `时区无效：${zone}（JIANDU_TZ 应为 IANA 时区名，如 Asia/Shanghai）`, { zone });
  }
}

/**
 * {@link displayTime} for a message about something else (an error): with a time zone that does
 * not exist it gives the UTC time, marked so, instead of failing in place of the message.
 */
export function displayTimeInMessage(value: Date | string): string {
  try {
    return displayTime(value);
  } catch (error) {
    if (!(error instanceof JianduError)) throw error;
    return `${displayTime(value, 'UTC')} UTC`;
  }
}

/**
 * Today's date, 'YYYY-MM-DD', in the display time zone (Beijing unless `JIANDU_TZ` says
 * otherwise), whatever the machine's zone: the default run date of `run`, `models sql` and the demo.
 */
export function todayInDisplayZone(now: Date = new Date()): string {
  return displayTime(now).slice(0, 10);
}
