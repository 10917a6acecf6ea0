import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { clockStatus, type DossierEvent, type DossierTimeline, dossierClock } from './dossier-clock.js';
import { parseOffsetDateTime } from './instant.js';
import { toNationalStatusCode } from './status.js';

const calendar = vietnamCalendar();
const five = { value: 5, unit: 'working-days' } as const;
const received = '2026-03-09T10:00:00+07:00'; // Monday; 5 working days → Monday 16/3, 17:00

function codes(run: () => unknown): string[][] {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    return (error as MotcuaError).problems.map((p) => [p.path.join('.'), p.code]);
  }
  throw new Error('expected a MotcuaError');
}

describe('the dossier clock', () => {
  it('without events the due date is the receipt slip’s', () => {
    const clock = dossierClock({ receivedAt: received, limit: five }, { calendar });
    expect(clock).to.deep.include({
      originalDueAt: '2026-03-16T17:00:00+07:00',
      dueAt: '2026-03-16T17:00:00+07:00',
      measuredDueAt: '2026-03-16T17:00:00+07:00',
      state: 'running',
      pausedMinutes: 0,
      countedLate: false,
    });
  });

  it('a paused dossier: two working days of supplement move the due date two working days', () => {
    const clock = dossierClock(
      {
        receivedAt: received,
        limit: five,
        events: [
          { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00' },
          { type: 'supplement-completed', at: '2026-03-12T10:00:00+07:00' },
        ],
      },
      { calendar },
    );
    expect(clock.pauses).to.deep.equal([
      { from: '2026-03-10T10:00:00+07:00', to: '2026-03-12T10:00:00+07:00', workingMinutes: 900 },
    ]);
    expect(clock.dueAt).to.equal('2026-03-18T17:00:00+07:00');
    expect(clock.originalDueAt).to.equal('2026-03-16T17:00:00+07:00');
    expect(clock.state).to.equal('running');
  });

  it('a supplement over a weekend and a public holiday takes only working time off the clock', () => {
    // Requested Thursday 23/4/2026 at 16:00, completed Tuesday 28/4 at 08:30: 26/4 (Sunday) and the
    // compensatory day 27/4 are off, so only 1 h (Thursday) + 7.5 h (Friday) + 1 h (Tuesday) count.
    const clock = dossierClock(
      {
        receivedAt: '2026-04-21T09:00:00+07:00',
        limit: { value: 10, unit: 'working-days' },
        events: [
          { type: 'supplement-requested', at: '2026-04-23T16:00:00+07:00' },
          { type: 'supplement-completed', at: '2026-04-28T08:30:00+07:00' },
        ],
      },
      { calendar },
    );
    expect(clock.pausedMinutes).to.equal(60 + 450 + 60);
    // 10 working days from Tuesday 21/4: 22, 23, 24, 28, 29/4, 4, 5, 6, 7, 8/5 → Friday 8/5 17:00;
    // + 9.5 h → Monday 11/5 (7.5 h) and 2 h into Tuesday 12/5: 09:30.
    expect(clock.originalDueAt).to.equal('2026-05-08T17:00:00+07:00');
    expect(clock.dueAt).to.equal('2026-05-12T09:30:00+07:00');
  });

  it('an open supplement freezes the clock at the request', () => {
    const clock = dossierClock(
      {
        receivedAt: received,
        limit: five,
        events: [{ type: 'supplement-requested', at: '2026-03-11T09:00:00+07:00' }],
      },
      { calendar },
    );
    expect(clock.state).to.equal('paused');
    expect(clock.frozenAt).to.equal('2026-03-11T09:00:00+07:00');
    expect(clock.pauses).to.deep.equal([{ from: '2026-03-11T09:00:00+07:00', workingMinutes: 0 }]);
  });

  it('a second supplement request flags the dossier counted late (Decision 766)', () => {
    const events: DossierEvent[] = [
      { type: 'supplement-requested', at: '2026-03-10T09:00:00+07:00' },
      { type: 'supplement-completed', at: '2026-03-10T14:00:00+07:00' },
      { type: 'supplement-requested', at: '2026-03-11T09:00:00+07:00' },
      { type: 'supplement-completed', at: '2026-03-11T10:00:00+07:00' },
    ];
    const clock = dossierClock({ receivedAt: received, limit: five, events }, { calendar });
    expect(clock.countedLate).to.equal(true);
    expect(clock.flags).to.deep.equal(['counted-late']);
    expect(clock.pausedMinutes).to.equal(150 + 30 + 60); // 09:00–11:30, 13:30–14:00, 09:00–10:00
    expect(
      dossierClock({ receivedAt: received, limit: five, events }, { calendar, maxSupplementRequests: 2 }).countedLate,
    ).to.equal(false);
  });

  it('an extension with an apology letter sets a new promised date with its reason', () => {
    const timeline: DossierTimeline = {
      receivedAt: received,
      limit: five,
      events: [
        {
          type: 'extended',
          at: '2026-03-13T10:00:00+07:00',
          dueAt: '2026-03-20T17:00:00+07:00',
          reason: 'Cần xác minh thực địa',
        },
        { type: 'resolved', at: '2026-03-19T10:00:00+07:00' },
        { type: 'returned', at: '2026-03-19T15:00:00+07:00' },
      ],
    };
    const clock = dossierClock(timeline, { calendar });
    expect(clock).to.deep.include({
      dueAt: '2026-03-16T17:00:00+07:00',
      promisedDueAt: '2026-03-20T17:00:00+07:00',
      measuredDueAt: '2026-03-16T17:00:00+07:00',
      state: 'returned',
      endedAt: '2026-03-19T10:00:00+07:00',
    });
    expect(clock.extension).to.deep.equal({
      at: '2026-03-13T10:00:00+07:00',
      dueAt: '2026-03-20T17:00:00+07:00',
      reason: 'Cần xác minh thực địa',
    });
    expect(clock.flags).to.deep.equal([]);
    expect(dossierClock(timeline, { calendar, measureAgainst: 'extended' }).measuredDueAt).to.equal(
      '2026-03-20T17:00:00+07:00',
    );
  });

  it('an apology sent on the due day is late; a second extension is flagged', () => {
    const clock = dossierClock(
      {
        receivedAt: received,
        limit: five,
        events: [
          {
            type: 'extended',
            at: '2026-03-16T09:00:00+07:00',
            dueAt: '2026-03-18T17:00:00+07:00',
            reason: 'Chờ kết quả xác minh',
          },
          {
            type: 'extended',
            at: '2026-03-17T09:00:00+07:00',
            dueAt: '2026-03-20T17:00:00+07:00',
            reason: 'Chờ ý kiến cơ quan khác',
          },
        ],
      },
      { calendar },
    );
    expect(clock.flags).to.have.members(['late-apology', 'extended-again']);
    expect(clock.promisedDueAt).to.equal('2026-03-20T17:00:00+07:00');
  });

  it('withdrawal and stop end the clock', () => {
    expect(
      dossierClock(
        { receivedAt: received, limit: five, events: [{ type: 'withdrawn', at: '2026-03-10T09:00:00+07:00' }] },
        { calendar },
      ).state,
    ).to.equal('withdrawn');
    const stopped = dossierClock(
      { receivedAt: received, limit: five, events: [{ type: 'stopped', at: '2026-03-10T09:00:00+07:00' }] },
      { calendar },
    );
    expect(stopped.state).to.equal('stopped');
    expect(stopped.endedAt).to.equal('2026-03-10T09:00:00+07:00');
  });
});

describe('clock states as dossier statuses', () => {
  it('map onto the national codes', () => {
    const states = ['running', 'paused', 'withdrawn', 'stopped', 'resolved', 'returned'] as const;
    expect(states.map((s) => toNationalStatusCode(clockStatus(s)))).to.deep.equal([4, 5, 7, 8, 9, 10]);
    const paused = dossierClock(
      {
        receivedAt: received,
        limit: five,
        events: [{ type: 'supplement-requested', at: '2026-03-10T09:00:00+07:00' }],
      },
      { calendar },
    );
    expect(clockStatus(paused.state)).to.equal('supplement-requested');
  });
});

describe('dossier clock errors', () => {
  it('a supplement that ends before it starts', () => {
    expect(
      codes(() =>
        dossierClock(
          {
            receivedAt: received,
            limit: five,
            events: [
              { type: 'supplement-requested', at: '2026-03-11T09:00:00+07:00' },
              { type: 'supplement-completed', at: '2026-03-10T09:00:00+07:00' },
            ],
          },
          { calendar },
        ),
      ),
    ).to.deep.equal([['events.1.at', 'supplement-ends-before-start']]);
  });

  it('unknown events, times without offsets, events out of order or after the end, extensions without reason', () => {
    expect(
      codes(() =>
        dossierClock(
          {
            receivedAt: received,
            limit: five,
            events: [
              { type: 'lost', at: '2026-03-10T09:00:00+07:00' } as unknown as DossierEvent,
              { type: 'resolved', at: '2026-03-10T09:00:00' },
              { type: 'supplement-completed', at: '2026-03-10T09:00:00+07:00' },
              { type: 'extended', at: '2026-03-10T10:00:00+07:00', dueAt: '2026-03-12T17:00:00+07:00', reason: 'x' },
              { type: 'extended', at: '2026-03-10T10:00:00+07:00', dueAt: '2026-03-20T17:00:00+07:00', reason: ' ' },
              { type: 'withdrawn', at: '2026-03-09T08:00:00+07:00' },
              { type: 'withdrawn', at: '2026-03-11T08:00:00+07:00' },
              { type: 'resolved', at: '2026-03-12T08:00:00+07:00' },
            ],
          },
          { calendar },
        ),
      ),
    ).to.deep.equal([
      ['events.0.type', 'unknown-event'],
      ['events.1.at', 'invalid-date-time'],
      ['events.2.type', 'supplement-not-requested'],
      ['events.3.dueAt', 'extension-not-later'],
      ['events.4.reason', 'missing-reason'],
      ['events.5.at', 'event-out-of-order'],
      ['events.7.type', 'event-after-end'],
    ]);
  });
});

describe('dossier clock invariants', () => {
  const base = toEpochDay('2026-01-05');
  const minuteIso = (day: number, minute: number) =>
    `${fromEpochDay(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`;

  it('pausing never makes a due date earlier, and later completion never makes it earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 20 * 1440 }),
        fc.integer({ min: 0, max: 20 * 1440 }),
        fc.integer({ min: 0, max: 5 * 1440 }),
        (d, m, value, startOffset, length, more) => {
          const start = d * 1440 + m + startOffset;
          const end = start + length;
          const r = minuteIso(base + d, m);
          const limit = { value, unit: 'working-days' as const };
          const plain = dossierClock({ receivedAt: r, limit }, { calendar });
          const paused = (stop: number) =>
            dossierClock(
              {
                receivedAt: r,
                limit,
                events: [
                  { type: 'supplement-requested', at: minuteIso(base + Math.floor(start / 1440), start % 1440) },
                  { type: 'supplement-completed', at: minuteIso(base + Math.floor(stop / 1440), stop % 1440) },
                ],
              },
              { calendar },
            );
          const a = paused(end);
          const b = paused(end + more);
          const t = (iso: string) => parseOffsetDateTime(iso) as number;
          expect(t(a.dueAt)).to.be.at.least(t(plain.dueAt));
          expect(t(b.dueAt)).to.be.at.least(t(a.dueAt));
          expect(a.pausedMinutes).to.be.at.least(0);
        },
      ),
    );
  });
});
