import { describe, it } from 'node:test';
import { expect } from 'chai';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { type ReceiptSlipInput, receiptSlip, slipTime } from './receipt-slip.js';

const calendar = vietnamCalendar();
const input: ReceiptSlipInput = {
  code: '000.00.15.H41-260213-0003',
  agency: 'UBND xã Cẩm Thanh',
  place: 'Cẩm Thanh',
  applicant: { name: 'Nguyễn Thị B', address: 'Thôn Võng Nhi', phone: '0905 000 000' },
  procedure: 'Đăng ký nhận cha, mẹ, con',
  documents: [
    { name: 'Tờ khai đăng ký nhận cha, mẹ, con' },
    { name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', form: 'certified-copy', copies: 2 },
  ],
  receivedAt: '2026-02-13T10:00:00+07:00',
  limit: { value: 3, unit: 'working-days' },
  ledger: { book: '01/2026', number: 57 },
  receivedBy: 'Trần Văn C',
};

describe('the receipt slip (Mẫu 01)', () => {
  it('states the receipt and the due time with hour and minute, across Tết', () => {
    const slip = receiptSlip(input, { calendar });
    expect(slip).to.deep.include({
      form: '01',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      code: '000.00.15.H41-260213-0003',
      placeAndDate: 'Cẩm Thanh, ngày 13 tháng 02 năm 2026',
      limitText: '3 ngày làm việc',
      receivedAt: '2026-02-13T10:00:00+07:00',
      receivedAtText: '10 giờ 00 phút, ngày 13 tháng 02 năm 2026',
      dueAt: '2026-02-25T17:00:00+07:00',
      dueAtText: '17 giờ 00 phút, ngày 25 tháng 02 năm 2026',
      deliveryText: 'Bộ phận tiếp nhận và trả kết quả',
      sets: 1,
    });
    expect(slip.documents).to.deep.equal([
      { number: 1, name: 'Tờ khai đăng ký nhận cha, mẹ, con', form: 'Bản chính', copies: 1 },
      { number: 2, name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', form: 'Bản sao chứng thực', copies: 2 },
    ]);
    expect(slip.ledger).to.deep.equal({ book: '01/2026', number: 57 });
  });

  it('a khai sinh received after 15:00 is promised for the next working day', () => {
    const slip = receiptSlip(
      {
        ...input,
        receivedAt: '2026-03-09T15:30:00+07:00',
        limit: { value: 0, unit: 'immediate', cutoff: '15:00' },
        place: undefined,
      },
      { calendar },
    );
    expect(slip.dueAtText).to.equal('17 giờ 00 phút, ngày 10 tháng 03 năm 2026');
    expect(slip.placeAndDate).to.equal('Ngày 09 tháng 03 năm 2026');
    expect(slip.receivedAt).to.equal('2026-03-09T15:30:00+07:00');
  });

  it('writes the time in the slip’s words', () => {
    expect(slipTime('2026-03-09T07:05:00+07:00')).to.equal('07 giờ 05 phút, ngày 09 tháng 03 năm 2026');
  });

  it('lists every missing or malformed field', () => {
    try {
      receiptSlip(
        {
          ...input,
          code: 'HS-1',
          applicant: { name: ' ' },
          documents: [{ name: '', form: 'photo' as never, copies: 0 }],
          sets: 0,
          receivedAt: '2026-02-13 10:00',
          limit: { value: 3, unit: 'weeks' as never },
        },
        { calendar },
      );
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems.map((p) => `${p.path.join('.')} ${p.code}`)).to.deep.equal([
        'code invalid-dossier-code',
        'applicant.name missing-field',
        'documents.0.name missing-field',
        'documents.0.form invalid-document-form',
        'documents.0.copies invalid-copies',
        'sets invalid-sets',
        'limit.unit unknown-time-limit-unit',
        'receivedAt invalid-date-time',
      ]);
    }
  });
});
