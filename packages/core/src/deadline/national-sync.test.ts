import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { dossierClock } from './dossier-clock.js';
import {
  fromNationalSync,
  type NationalSyncRecord,
  type SyncDossier,
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
});
