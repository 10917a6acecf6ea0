import { describe, it } from 'node:test';
import { expect } from 'chai';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { classifyDossier } from './classify.js';
import { dossierClock } from './dossier-clock.js';
import { receiptSlip } from './receipt-slip.js';
import { parseSupplementReasons, SUPPLEMENT_REASONS } from './supplement-reason.js';
import type { TimeLimit } from './time-limit.js';

const calendar = vietnamCalendar();
const three: TimeLimit = { value: 3, unit: 'working-days' };
/** The same year with Monday 16/3/2026 declared a day off by an overlay (a later calendar change). */
const changed = vietnamCalendar({
  overlays: [
    { name: 'later change', localDays: [{ date: '2026-03-16', working: false, name: { vi: 'Nghỉ', en: 'Off' } }] },
  ],
});

describe('the printed due date binds', () => {
  it('a calendar change does not move a dossier that carries its printed due date', () => {
    const dossier = { receivedAt: '2026-03-11T10:00:00+07:00', limit: three };
    // Wednesday + 3 working days → Monday 16/3; with 16/3 off it would be Tuesday 17/3.
    expect(dossierClock(dossier, { calendar }).dueAt).to.equal('2026-03-16T17:00:00+07:00');
    expect(dossierClock(dossier, { calendar: changed }).dueAt).to.equal('2026-03-17T17:00:00+07:00');
    const printed = { ...dossier, dueAt: '2026-03-16T17:00:00+07:00' };
    expect(dossierClock(printed, { calendar: changed }).originalDueAt).to.equal('2026-03-16T17:00:00+07:00');
    const c = classifyDossier(
      { ...printed, events: [{ type: 'resolved', at: '2026-03-17T09:00:00+07:00' }] },
      { calendar: changed },
    );
    expect(c.timeliness).to.equal('late');
  });

  it('pauses still move the printed due date', () => {
    const clock = dossierClock(
      {
        receivedAt: '2026-03-09T10:00:00+07:00',
        limit: three,
        dueAt: '2026-03-12T17:00:00+07:00',
        events: [
          { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00', reasons: ['data-unavailable'] },
          { type: 'supplement-completed', at: '2026-03-11T10:00:00+07:00' },
        ],
      },
      { calendar },
    );
    expect(clock.dueAt).to.equal('2026-03-13T17:00:00+07:00');
  });

  it('a printed due date before the receipt is refused with its path', () => {
    try {
      dossierClock(
        { receivedAt: '2026-03-09T10:00:00+07:00', limit: three, dueAt: '2026-03-09T09:00:00+07:00' },
        { calendar },
      );
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems[0]?.path).to.deep.equal(['dueAt']);
    }
  });
});

describe('received regardless of boundary: the clock starts at the competent authority (Decree 309/2026)', () => {
  const counter = { receivedAt: '2026-03-09T10:00:00+07:00', limit: three, acrossBoundary: true };

  it('is provisional from the counter until the authority receives it, then counts from that receipt', () => {
    const before = dossierClock(counter, { calendar });
    expect(before.provisional).to.equal(true);
    expect(before.dueAt).to.equal('2026-03-12T17:00:00+07:00');
    const after = dossierClock(
      { ...counter, events: [{ type: 'authority-received', at: '2026-03-10T16:00:00+07:00' }] },
      { calendar },
    );
    expect(after.provisional).to.equal(false);
    expect(after.receivedAt).to.equal('2026-03-09T10:00:00+07:00');
    expect(after.authorityReceivedAt).to.equal('2026-03-10T16:00:00+07:00');
    expect(after.deemedReceivedAt).to.equal('2026-03-10T16:00:00+07:00');
    expect(after.dueAt).to.equal('2026-03-13T17:00:00+07:00');
    // Resolved on Friday 13/3: on time against the authority's clock (late against the counter's).
    const c = classifyDossier(
      {
        ...counter,
        events: [
          { type: 'authority-received', at: '2026-03-10T16:00:00+07:00' },
          { type: 'resolved', at: '2026-03-13T10:00:00+07:00' },
        ],
      },
      { calendar },
    );
    expect(c.timeliness).to.equal('on-time');
  });

  it('the authority’s notified due date binds like the printed one', () => {
    const clock = dossierClock(
      {
        ...counter,
        events: [{ type: 'authority-received', at: '2026-03-10T16:00:00+07:00', dueAt: '2026-03-13T17:00:00+07:00' }],
      },
      { calendar: changed },
    );
    expect(clock.dueAt).to.equal('2026-03-13T17:00:00+07:00');
  });

  it('an authority receipt on an ordinary dossier, twice, or after other steps is refused', () => {
    const bad = [
      {
        receivedAt: counter.receivedAt,
        limit: three,
        events: [{ type: 'authority-received' as const, at: '2026-03-10T09:00:00+07:00' }],
      },
      {
        ...counter,
        events: [
          { type: 'authority-received' as const, at: '2026-03-10T09:00:00+07:00' },
          { type: 'authority-received' as const, at: '2026-03-10T10:00:00+07:00' },
        ],
      },
    ];
    for (const dossier of bad) {
      expect(() => dossierClock(dossier, { calendar })).to.throw(MotcuaError);
    }
  });

  it('the receipt slip says the printed due date is provisional', () => {
    const slip = receiptSlip(
      {
        code: '000.00.15.H41-260309-0001',
        agency: 'UBND xã',
        applicant: { name: 'A' },
        procedure: 'P',
        documents: [{ name: 'D' }],
        receivedAt: counter.receivedAt,
        limit: three,
        acrossBoundary: true,
      },
      { calendar },
    );
    expect(slip.acrossBoundary?.note).to.match(/cơ quan có thẩm quyền nhận được hồ sơ/);
  });
});

describe('supplement reasons (Decree 309/2026: content, reason and guidance in one go)', () => {
  it('names the database reasons in Vietnamese and English', () => {
    expect(SUPPLEMENT_REASONS['data-unavailable'].vi).to.match(/cơ sở dữ liệu/);
    expect(SUPPLEMENT_REASONS['data-incorrect'].en).to.match(/database/);
    expect(parseSupplementReasons(['incomplete', 'data-incorrect'])).to.deep.equal(['incomplete', 'data-incorrect']);
  });

  it('refuses no reason, an unknown or a repeated one, with its path', () => {
    expect(() => parseSupplementReasons([])).to.throw(MotcuaError);
    try {
      parseSupplementReasons(['incomplete', 'lost', 'incomplete'], ['reasons']);
      expect.fail('should throw');
    } catch (error) {
      expect((error as MotcuaError).problems.map((p) => p.path)).to.deep.equal([
        ['reasons', 1],
        ['reasons', 2],
      ]);
    }
  });
});
