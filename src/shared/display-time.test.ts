import { afterEach, describe, expect, it } from 'vitest';
import { displayTime, displayTimeInMessage, todayInDisplayZone } from './display-time.js';
import { JianduError } from './errors.js';

describe('displayTime', () => {
  const saved = process.env['JIANDU_TZ'];
  afterEach(() => {
    if (saved === undefined) delete process.env['JIANDU_TZ'];
    else process.env['JIANDU_TZ'] = saved;
  });

  it('shows a UTC time in Beijing time by default, across a date line', () => {
    delete process.env['JIANDU_TZ'];
    expect(displayTime('2024-05-01T02:30:00Z')).toBe('2024-05-01 10:30:00');
    expect(displayTime(new Date('2024-12-31T20:00:05Z'))).toBe('2025-01-01 04:00:05');
  });

  it('reads a warehouse time without a zone as UTC', () => {
    expect(displayTime('2024-12-31T20:00:00', 'Asia/Shanghai')).toBe('2025-01-01 04:00:00');
    expect(displayTime('2024-05-01T10:30:00+08:00', 'UTC')).toBe('2024-05-01 02:30:00');
  });

  it('follows JIANDU_TZ, and refuses a zone that does not exist', () => {
    process.env['JIANDU_TZ'] = 'Asia/Urumqi';
    expect(displayTime('2024-05-01T02:30:00Z')).toBe('2024-05-01 08:30:00');
    process.env['JIANDU_TZ'] = 'Mars/Olympus';
    expect(() => displayTime('2024-05-01T02:30:00Z')).toThrow(JianduError);
  });

  it('gives today in Beijing, a day ahead of UTC in the evening', () => {
    delete process.env['JIANDU_TZ'];
    expect(todayInDisplayZone(new Date('2024-05-01T20:00:00Z'))).toBe('2024-05-02');
    expect(todayInDisplayZone(new Date('2024-05-01T15:59:59Z'))).toBe('2024-05-01');
  });

  it('says a bad zone in an error message as UTC rather than failing in its place', () => {
    process.env['JIANDU_TZ'] = 'Mars/Olympus';
    expect(displayTimeInMessage('2024-05-01T02:30:00Z')).toBe('2024-05-01 02:30:00 UTC');
  });

  it('gives back text that is not a time as it is', () => {
    expect(displayTime('unknown', 'UTC')).toBe('unknown');
  });
});
