import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MotcuaError } from '../text/problem.js';
import { holidaysToICalendar } from './holidays-ics.js';
import { vietnamCalendar } from './vietnam-calendar.js';

const now = Date.UTC(2026, 10, 22, 5, 6, 7);
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('iCalendar export of a year’s days off', () => {
  it('writes one all-day event per listed day, with CRLF lines and a fixed DTSTAMP', () => {
    const cal = vietnamCalendar();
    const ics = holidaysToICalendar(cal, 2026, { now });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).to.equal(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).to.equal(true);
    const events = unfold(ics).split('BEGIN:VEVENT').slice(1);
    expect(events).to.have.length(cal.holidays(2026).length);
    expect(unfold(ics)).to.contain('DTSTAMP:20261122T050607Z');
    const bridge = events.find((e) => e.includes('DTSTART;VALUE=DATE:20260102'));
    expect(bridge).to.contain('DTEND;VALUE=DATE:20260103');
    expect(bridge).to.contain('CATEGORIES:BRIDGE');
    expect(bridge).to.contain('CV 12729/VPCP-KGVX');
    expect(bridge).to.contain('STATUS:CONFIRMED');
    const uids = events.map((e) => /UID:(\S+)/.exec(e)?.[1]);
    expect(new Set(uids).size).to.equal(uids.length);
  });

  it('exports the 2026 Tết days and 24/11 with the labels of their instruments', () => {
    const events = unfold(holidaysToICalendar(vietnamCalendar(), 2026, { now, language: 'en' })).split('BEGIN:VEVENT');
    const on = (date: string) => events.find((e) => e.includes(`DTSTART;VALUE=DATE:${date}`));
    expect(on('20260215')).to.equal(undefined);
    expect(on('20260220')).to.contain('CATEGORIES:STATUTORY');
    expect(on('20260220')).to.contain('TB 9441/TB-BNV');
    expect(on('20261124')).to.contain('SUMMARY:Vietnam Culture Day');
    expect(on('20261124')).to.contain('28/2026/QH16');
    expect(on('20261124')).to.contain('STATUS:CONFIRMED');
  });

  it('marks provisional days tentative, can leave out working days and speaks English', () => {
    const ics = unfold(holidaysToICalendar(vietnamCalendar(), 2027, { now, language: 'en', includeWorkdays: false }));
    expect(ics).to.contain('SUMMARY:Lunar New Year (Tết)');
    expect(ics).to.contain('STATUS:TENTATIVE');
    expect(ics).to.contain('provisional\\, not yet decided');
    const withoutWorkdays = unfold(holidaysToICalendar(vietnamCalendar(), 2026, { now, includeWorkdays: false }));
    expect(withoutWorkdays).to.not.contain('MAKE-UP-WORKDAY');
  });

  it('folds long lines at 75 octets without splitting a Vietnamese letter', () => {
    const ics = holidaysToICalendar(vietnamCalendar(), 2026, {
      now,
      name: 'Lịch nghỉ của Ủy ban nhân dân xã Ví Dụ, tỉnh Quảng Ninh; năm 2026',
    });
    for (const line of ics.split('\r\n')) {
      let octets = 0;
      for (const ch of line)
        octets += (ch.codePointAt(0) as number) < 0x80 ? 1 : (ch.codePointAt(0) as number) < 0x800 ? 2 : 3;
      expect(octets, line).to.be.at.most(75);
    }
    expect(unfold(ics)).to.contain(
      'X-WR-CALNAME:Lịch nghỉ của Ủy ban nhân dân xã Ví Dụ\\, tỉnh Quảng Ninh\\; năm 2026',
    );
  });

  it('rejects an invalid clock reading and a year outside the calendar', () => {
    expect(() => holidaysToICalendar(vietnamCalendar(), 2026, { now: Number.NaN })).to.throw(MotcuaError);
    expect(() => holidaysToICalendar(vietnamCalendar(), 2101, { now })).to.throw(MotcuaError);
  });
});
