import { dateTimeFormat, numberFormat } from './intl.js';

describe('shared Intl formatters', () => {
  it('builds each (locale, options) once and formats as a new one would', () => {
    const options = { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 } as const;
    expect(numberFormat('en', options)).toBe(numberFormat('en', { ...options }));
    expect(numberFormat('en', options)).not.toBe(numberFormat('en', { ...options, currency: 'USD' }));
    expect(numberFormat('en', options).format(1234.4)).toBe(new Intl.NumberFormat('en', options).format(1234.4));
    const berlin = dateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'short' });
    expect(berlin).toBe(dateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'short' }));
    const tokyo = dateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', timeZoneName: 'short' });
    const instant = new Date(Date.UTC(2027, 0, 15, 12));
    expect([berlin.format(instant), tokyo.format(instant)]).toEqual(['15/01/2027, CET', '15/01/2027, GMT+9']);
  });
});
