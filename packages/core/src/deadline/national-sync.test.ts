import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { dossierClock } from './dossier-clock.js';
import {
  DEFAULT_SYNC_UNITS,
  fromNationalSync,
  type NationalSyncFormat,
  type NationalSyncRecord,
  readNationalSync,
  type SyncDossier,
  type SyncedDossier,
  syncedTimeliness,
  toNationalSync,
} from './national-sync.js';
import { dossierStatistics } from './statistics.js';
import { DOSSIER_CHANNELS } from './status.js';

const calendar = vietnamCalendar();
const dossier: SyncDossier = {
  code: '000.00.15.H41-260309-0001',
  status: 'returned',
  channel: 'online',
  digitised: true,
  receivedAt: '2026-03-09T10:00:00+07:00',
  limit: { value: 5, unit: 'working-days' },
  events: [
    { type: 'resolved', at: '2026-03-13T15:00:00+07:00' },
    { type: 'returned', at: '2026-03-13T16:00:00+07:00' },
  ],
};

describe('national sync fields', () => {
  it('writes the key fields with compact Vietnam-time dates', () => {
    expect(toNationalSync(dossier, { calendar })).to.deep.equal({
      MaHoSo: '000.00.15.H41-260309-0001',
      NgayTiepNhan: '20260309100000',
      NgayHenTra: '20260316170000',
      NgayKetThucXuLy: '20260313150000',
      ThoiGianGiaiQuyet: 5,
      DonViTinh: 'Ngày làm việc',
      KenhThucHien: 2,
      TrangThaiHoSo: 10,
      HoSoCoThanhPhanSoHoa: 1,
    });
  });

  it('NgayHenTra is the promised date after a pause and an extension; ISO on request', () => {
    const record = toNationalSync(
      {
        ...dossier,
        status: 'processing',
        channel: 'postal',
        events: [
          { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00' },
          { type: 'supplement-completed', at: '2026-03-11T10:00:00+07:00' },
          { type: 'extended', at: '2026-03-12T10:00:00+07:00', dueAt: '2026-03-24T17:00:00+07:00', reason: 'Xác minh' },
        ],
      },
      { calendar, dateFormat: 'iso' },
    );
    expect(record.NgayHenTra).to.equal('2026-03-24T17:00:00+07:00');
    expect(record.NgayKetThucXuLy).to.equal(undefined);
    expect(record.TrangThaiHoSo).to.equal(4);
    expect(record.KenhThucHien).to.equal(3);
  });

  it('reads them back into a dossier the clock and the statistics take', () => {
    const synced = fromNationalSync({ ...toNationalSync(dossier, { calendar }), MaKetQua: 'KQ-1' });
    expect(synced).to.deep.equal({
      code: '000.00.15.H41-260309-0001',
      status: 'returned',
      channel: 'online',
      receivedAt: '2026-03-09T10:00:00+07:00',
      dueAt: '2026-03-16T17:00:00+07:00',
      endedAt: '2026-03-13T15:00:00+07:00',
      limit: { value: 5, unit: 'working-days' },
      digitised: true,
      events: [{ type: 'returned', at: '2026-03-13T15:00:00+07:00' }],
    });
    const limit = synced.limit as NonNullable<typeof synced.limit>;
    expect(dossierClock({ ...synced, limit }, { calendar }).dueAt).to.equal(synced.dueAt);
    expect(dossierStatistics([{ ...synced, limit }], { calendar }).early).to.equal(1);
    expect(syncedTimeliness(synced)).to.equal('early');
  });

  it('round-trips statuses, channels and the limit, ISO or compact', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('registered', 'received', 'processing', 'supplement-requested', 'payment-requested' as const),
        fc.constantFrom(...DOSSIER_CHANNELS),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('working-days' as const, 'days' as const, 'working-hours' as const),
        fc.constantFrom('compact' as const, 'iso' as const),
        (status, channel, value, unit, dateFormat) => {
          const open: SyncDossier = {
            code: 'X',
            status,
            channel,
            receivedAt: '2026-03-09T10:00:00+07:00',
            limit: { value, unit },
          };
          const synced = fromNationalSync(toNationalSync(open, { calendar, dateFormat }), { dateFormat });
          expect([synced.status, synced.channel, synced.limit, synced.receivedAt]).to.deep.equal([
            status,
            channel,
            { value, unit },
            '2026-03-09T10:00:00+07:00',
          ]);
        },
      ),
    );
  });

  it('classifies by the sync dates as Decision 766 does', () => {
    const base: NationalSyncRecord = {
      MaHoSo: 'X',
      NgayTiepNhan: '20260309100000',
      NgayHenTra: '20260316170000',
      KenhThucHien: 1,
      TrangThaiHoSo: 4,
    };
    expect(syncedTimeliness(fromNationalSync(base), '2026-03-16T17:00:00+07:00')).to.equal('in-time');
    expect(syncedTimeliness(fromNationalSync(base), '2026-03-16T10:01:00Z')).to.equal('overdue');
    const done = { ...base, TrangThaiHoSo: '9', NgayKetThucXuLy: '20260316120000' };
    expect(syncedTimeliness(fromNationalSync(done))).to.equal('on-time');
    expect(syncedTimeliness(fromNationalSync({ ...done, NgayKetThucXuLy: '20260317080000' }))).to.equal('late');
  });

  it('names every bad field by its sync name', () => {
    try {
      fromNationalSync({
        MaHoSo: '',
        NgayTiepNhan: '2026-03-09 10:00',
        NgayHenTra: '20260230170000',
        KenhThucHien: 4,
        TrangThaiHoSo: 11,
        ThoiGianGiaiQuyet: 5,
        DonViTinh: 'Tuần',
      });
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems.map((p) => p.path.join('.'))).to.deep.equal([
        'MaHoSo',
        'TrangThaiHoSo',
        'KenhThucHien',
        'NgayTiepNhan',
        'NgayHenTra',
        'DonViTinh',
      ]);
    }
    try {
      toNationalSync({ ...dossier, channel: undefined } as never, { calendar });
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect((error as MotcuaError).problems[0]?.code).to.equal('missing-channel');
    }
  });

  it('readNationalSync reads what fromNationalSync reads, and nothing where it throws', () => {
    // Mostly valid fields, each sometimes broken: about one record in six is read (most with a limit, half ended).
    const mostly = <T>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<unknown>) =>
      fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: broken });
    const code = (max: number) =>
      mostly(
        fc.oneof(
          fc.integer({ min: 1, max }),
          fc.integer({ min: 1, max }).map((n) => ` ${n} `),
        ),
        fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constantFrom('2.0', '', 'x'), fc.anything()),
      );
    const date = mostly(
      fc.oneof(
        fc
          .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().replace(/\D/g, '').slice(0, 14)),
        fc.constantFrom('2026-03-13T15:00:00+07:00', '2026-03-13T08:00:00Z'),
      ),
      fc.oneof(fc.constantFrom('20260230170000', '20261309250000', '2026-03-09 10:00', ''), fc.anything()),
    );
    const record = fc.record(
      {
        MaHoSo: mostly(fc.constantFrom('000.00.15.H41-260309-0001', 'X'), fc.oneof(fc.constant(''), fc.anything())),
        NgayTiepNhan: date,
        NgayHenTra: date,
        NgayKetThucXuLy: date,
        ThoiGianGiaiQuyet: mostly(
          fc.integer({ min: 0, max: 30 }),
          fc.oneof(fc.constantFrom(-1, 1.5, '5', Number.NaN, null), fc.anything()),
        ),
        DonViTinh: mostly(
          fc.constantFrom(...Object.values(DEFAULT_SYNC_UNITS), ' ngày LÀM việc ', 'Ngày LV'),
          fc.oneof(fc.constant('Tuần'), fc.anything()),
        ),
        KenhThucHien: code(3),
        TrangThaiHoSo: code(10),
        HoSoCoThanhPhanSoHoa: fc.constantFrom(1, 0, '1', '0'),
        MaKetQua: fc.string(),
      },
      { requiredKeys: ['MaHoSo', 'NgayTiepNhan', 'KenhThucHien', 'TrangThaiHoSo'] },
    );
    const format = fc.constantFrom<NationalSyncFormat>(
      {},
      { dateFormat: 'iso' },
      { units: { 'working-days': 'Ngày LV' } },
    );
    fc.assert(
      fc.property(record, format, (raw, options) => {
        const r = raw as NationalSyncRecord;
        let read: SyncedDossier | undefined;
        let thrown: unknown;
        try {
          read = fromNationalSync(r, options);
        } catch (error) {
          thrown = error;
        }
        if (thrown === undefined || thrown instanceof MotcuaError) {
          expect(readNationalSync(r, options)).to.deep.equal(read);
        } else {
          // A value without a string form (an object without a prototype): fromNationalSync throws a TypeError, and
          // readNationalSync reads no dossier from it either.
          let got: SyncedDossier | undefined;
          try {
            got = readNationalSync(r, options);
          } catch {
            got = undefined;
          }
          expect(got).to.equal(undefined);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
