import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { parseOffsetDateTime } from './instant.js';

describe('reading receipt times with their offset', () => {
  it('agrees with Date.parse on ISO strings with Z or ±HH:MM, with and without seconds and fractions', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom('seconds', 'minutes', 'millis'),
        (date, offset, precision) => {
          const wall = new Date(date.getTime() + offset * 60_000).toISOString();
          const body =
            precision === 'minutes'
              ? wall.slice(0, 16)
              : precision === 'seconds'
                ? wall.slice(0, 19)
                : wall.slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const text = `${body}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseOffsetDateTime(text)).to.equal(Date.parse(text));
          expect(parseOffsetDateTime(`${body}Z`)).to.equal(Date.parse(`${body}Z`));
        },
      ),
    );
  });

  it('refuses times without an offset and impossible dates', () => {
    for (const bad of [
      '2026-02-13T10:00:00',
      '2026-02-29T10:00:00Z',
      '2026-13-01T10:00Z',
      '2026-02-13T10:60Z',
      '2026-02-13T10:00+7:00',
      '2026-02-13T10:00:00.Z',
      '',
    ]) {
      expect(parseOffsetDateTime(bad), bad).to.equal(undefined);
    }
    expect(parseOffsetDateTime('2024-02-29T23:59:59.999+07:00')).to.equal(Date.parse('2024-02-29T23:59:59.999+07:00'));
  });
});
