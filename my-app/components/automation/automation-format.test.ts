import { describe, expect, it } from 'vitest';
import {
  describeStopReason,
  formatDelay,
  formatWindow,
  splitDelay,
  timeToMinute,
  toMinutes,
} from './automation-format';

describe('automation formatting', () => {
  it('writes a delay in its largest whole unit', () => {
    expect(splitDelay(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(splitDelay(120)).toEqual({ amount: 2, unit: 'hours' });
    expect(splitDelay(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitDelay(0)).toEqual({ amount: 0, unit: 'minutes' });
    expect(formatDelay(1440)).toBe('1 day');
    expect(formatDelay(0)).toBe('at once');
    expect(toMinutes(3, 'hours')).toBe(180);
  });

  it('converts send windows between minutes and clock times', () => {
    expect(formatWindow(540, 1020)).toBe('09:00–17:00');
    expect(formatWindow(null, null)).toBeNull();
    expect(timeToMinute('13:30')).toBe(810);
  });

  it('explains why an enrolment stopped', () => {
    expect(describeStopReason('status:customer')).toBe('The lead became customer');
    expect(describeStopReason('replied')).toBe('The lead replied');
    expect(describeStopReason('error')).toBe('A step failed 5 times in a row (see the server log)');
    expect(describeStopReason('missing_variables: company')).toBe('The template needs company');
  });
});
