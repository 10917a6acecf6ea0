import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { type CivilDate, fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { queueBusinessTimeOf } from './business-day.js';
import type { ResolvedQueueService } from './config.js';
import { hoTich, seededBytes, vn } from './fixtures.test.js';
import { assertIssuingOpen, issuingState } from './opening-windows.js';
import { createQueue } from './queue.js';
import { QueueRefusedError } from './refusal.js';

const office = {
  services: [
    {
      ...hoTich,
      windows: [
        { from: '07:30', to: '11:15' },
        { from: '13:15', to: '15:30' },
      ],
      dailyCap: 3,
    },
  ],
  counters: [{ id: '1', services: ['ho-tich'] }],
  closedDates: ['2026-12-31'],
  randomBytes: seededBytes(),
};

async function refusal(run: () => Promise<unknown>): Promise<QueueRefusedError> {
  try {
    await run();
  } catch (error) {
    expect(error).to.be.instanceOf(QueueRefusedError);
    return error as QueueRefusedError;
  }
  expect.fail('should be refused');
}

describe('opening windows and daily caps', () => {
  it('issues inside a window', async () => {
    const q = createQueue(office);
    const t = await q.issue('ho-tich', { now: vn('2026-11-23', '07:30') });
    expect(t.number).to.equal('A001');
  });

  it('refuses at 11:16 with "hết giờ lấy số" and the next window at 13:15 the same day', async () => {
    const q = createQueue(office);
    const error = await refusal(() => q.issue('ho-tich', { now: vn('2026-11-23', '11:16') }));
    expect(error.reason).to.equal('closed');
    expect(error.problems[0]?.message.vi).to.equal('Hết giờ lấy số cho Hộ tịch. Giờ lấy số tiếp theo: 13:15 hôm nay.');
    expect(error.problems[0]?.message.en).to.equal(
      'Ticket issuing for Civil status is closed. Next issuing time: 13:15 today.',
    );
    expect(error.nextIssuingTime?.date).to.equal('2026-11-23');
    expect(error.nextIssuingTime?.time).to.equal('13:15');
    expect(error.nextIssuingTime?.at).to.equal(vn('2026-11-23', '13:15'));
  });

  it('after Friday afternoon names Monday morning; weekends are closed by default', async () => {
    const q = createQueue(office);
    const friday = await refusal(() => q.issue('ho-tich', { now: vn('2026-11-27', '15:30') }));
    expect(friday.problems[0]?.message.vi).to.equal(
      'Hết giờ lấy số cho Hộ tịch. Giờ lấy số tiếp theo: 07:30 Thứ hai, ngày 2026-11-30.',
    );
    const saturday = await refusal(() => q.issue('ho-tich', { now: vn('2026-11-28', '09:00') }));
    expect(saturday.nextIssuingTime?.date).to.equal('2026-11-30');
  });

  it('refuses on a closed date and skips it when naming the next window', async () => {
    const q = createQueue(office);
    const closed = await refusal(() => q.issue('ho-tich', { now: vn('2026-12-31', '09:00') }));
    expect(closed.reason).to.equal('closed-day');
    expect(closed.nextIssuingTime?.date).to.equal('2027-01-01');
    const before = await refusal(() => q.issue('ho-tich', { now: vn('2026-12-30', '16:00') }));
    expect(before.nextIssuingTime?.date).to.equal('2027-01-01');
  });

  it('stops at the daily cap with a message naming the next day, and starts again the next day', async () => {
    const q = createQueue(office);
    for (let i = 0; i < 3; i++) await q.issue('ho-tich', { now: vn('2026-11-23', '08:00') });
    const full = await refusal(() => q.issue('ho-tich', { now: vn('2026-11-23', '08:01') }));
    expect(full.reason).to.equal('daily-cap');
    expect(full.problems[0]?.message.vi).to.equal(
      'Đã hết số hôm nay (2026-11-23) cho Hộ tịch: tối đa 3 phiếu. Giờ lấy số tiếp theo: 07:30 ngày 2026-11-24.',
    );
    expect(full.problems[0]?.path).to.deep.equal(['service', 'ho-tich']);
    const next = await q.issue('ho-tich', { now: vn('2026-11-24', '07:30') });
    expect(next.number).to.equal('A001');
  });

  it('refuses with "sequence-end" when the range is used up under the refuse policy', async () => {
    const q = createQueue({
      services: [{ ...hoTich, numbering: { start: 1, end: 2, onEnd: 'refuse' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      randomBytes: seededBytes(),
    });
    const now = vn('2026-11-23', '08:00');
    expect((await q.issue('ho-tich', { now })).number).to.equal('A001');
    expect((await q.issue('ho-tich', { now })).number).to.equal('A002');
    const error = await refusal(() => q.issue('ho-tich', { now }));
    expect(error.reason).to.equal('sequence-end');
    expect(error.problems[0]?.message.vi).to.equal('Đã hết số cho Hộ tịch hôm nay (số cuối A002).');
    expect(error.problems[0]?.message.en).to.equal('The numbers for Civil status are used up today (last A002).');
  });

  it('rejects an unknown service, counter or priority class with a typed bilingual error', async () => {
    const q = createQueue(office);
    const now = vn('2026-11-23', '08:00');
    for (const [run, code] of [
      [() => q.issue('nope', { now }), 'unknown-service'],
      [() => q.issue('ho-tich', { now, priority: 'vip' }), 'unknown-priority'],
      [() => q.callNext('9', { now }), 'unknown-counter'],
      [() => q.issue('ho-tich'), 'no-clock'],
    ] as const) {
      try {
        await run();
        expect.fail('should throw');
      } catch (error) {
        const p = (error as { problems?: { code: string; message: { vi: string; en: string } }[] }).problems?.[0];
        expect(p?.code).to.equal(code);
        expect(p?.message.vi).to.not.equal(p?.message.en);
      }
    }
  });

  it('says what taking a ticket would: open, or the refusal reason and next issuing time', () => {
    const { config } = createQueue(office);
    const service = config.services.get('ho-tich');
    if (!service) throw new Error('no service');
    expect(issuingState(service, config, queueBusinessTimeOf(vn('2026-11-23', '11:16')))).to.deep.equal({
      open: false,
      reason: 'closed',
      next: { date: '2026-11-23', time: '13:15', at: vn('2026-11-23', '13:15') },
    });
    fc.assert(
      fc.property(fc.integer({ min: vn('2026-12-24', '00:00'), max: vn('2027-01-06', '00:00') }), (ms) => {
        const time = queueBusinessTimeOf(ms, config.dayStartsAt, config.sessions);
        const state = issuingState(service, config, time);
        let refused: QueueRefusedError | undefined;
        try {
          assertIssuingOpen(service, config, time);
        } catch (error) {
          refused = error as QueueRefusedError;
        }
        if (state.open) expect(refused).to.equal(undefined);
        else expect([refused?.reason, refused?.nextIssuingTime]).to.deep.equal([state.reason, state.next]);
      }),
    );
  });
});

// The issuing hours follow the working-day calendar when the queue has one (issue 17).
describe('issuing hours that follow the working-day calendar', () => {
  const calendar = vietnamCalendar();
  const withCalendar = { ...office, closedDates: [], calendar };
  const state = (config: Parameters<typeof issuingState>[1], date: CivilDate, at: string) =>
    issuingState(createQueue(office).config.services.get('ho-tich') as ResolvedQueueService, config, {
      ...queueBusinessTimeOf(vn(date, at), 0, []),
    });

  it('closes 1/1, 30/4, Tết and 24/11 without listing them, and names the next real opening', async () => {
    const q = createQueue(withCalendar);
    for (const date of ['2026-01-01', '2026-04-30', '2026-02-16', '2026-02-20', '2026-11-24', '2026-01-02'] as const) {
      const error = await refusal(() => q.issue('ho-tich', { now: vn(date, '08:00') }));
      expect(error.reason, date).to.equal('closed-day');
    }
    // Friday 13/2/2026 after the last window: the kiosk names Monday 23/2, after Tết.
    const friday = await refusal(() => q.issue('ho-tich', { now: vn('2026-02-13', '16:00') }));
    expect(friday.nextIssuingTime?.date).to.equal('2026-02-23');
    expect(friday.problems[0]?.message.vi).to.contain('Thứ hai, ngày 2026-02-23');
    // Monday 23/11/2026 after the last window: Tuesday 24/11 is Ngày Văn hóa Việt Nam, so Wednesday 25/11.
    const monday = await refusal(() => q.issue('ho-tich', { now: vn('2026-11-23', '16:00') }));
    expect(monday.nextIssuingTime?.date).to.equal('2026-11-25');
    // Without the calendar the same office would have opened on 24/11 (today's behaviour without it).
    expect((await createQueue(office).issue('ho-tich', { now: vn('2026-11-24', '08:00') })).number).to.equal('A001');
  });

  it('opens a make-up Saturday with the windows of the weekday it was swapped for', async () => {
    const q = createQueue(withCalendar);
    const t = await q.issue('ho-tich', { now: vn('2026-01-10', '08:00') });
    expect(t.number).to.equal('A001');
    expect(state(q.config, '2026-01-10', '12:00')).to.deep.include({ open: false, reason: 'closed' });
    // A plain Saturday stays closed (the office has no weekend windows).
    expect(state(q.config, '2026-01-17', '08:00')).to.deep.include({ open: false, reason: 'closed' });
    // A calendar that does not count make-up days keeps it closed.
    const noMakeUp = vietnamCalendar({ overlays: [{ name: 'xã', rules: { makeUpWorkdays: false } }] });
    expect(state({ closedDates: new Set(), calendar: noMakeUp }, '2026-01-10', '08:00').open).to.equal(false);
  });

  it('keeps local additions (closedDates) and exceptions (openDates)', () => {
    const config = createQueue({ ...withCalendar, closedDates: ['2026-03-20'], openDates: ['2026-11-24'] }).config;
    expect(state(config, '2026-03-20', '08:00')).to.deep.include({ open: false, reason: 'closed-day' });
    expect(state(config, '2026-11-24', '08:00')).to.deep.equal({ open: true });
    expect(state(config, '2026-04-30', '08:00')).to.deep.include({ open: false, reason: 'closed-day' });
  });

  it('never issues on a calendar day off, and issuing state agrees with the calendar on weekdays (property)', () => {
    const config = createQueue(withCalendar).config;
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('2015-01-01'), max: toEpochDay('2030-12-31') }), (day) => {
        const date = fromEpochDay(day);
        const s = state(config, date, '08:00');
        if (!calendar.isWorkingDay(date)) return !s.open;
        return s.open === true;
      }),
    );
  });
});
