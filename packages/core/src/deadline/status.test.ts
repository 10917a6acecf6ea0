import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import {
  DOSSIER_CHANNELS,
  DOSSIER_STATUS_NAMES,
  DOSSIER_STATUSES,
  fromChannelCode,
  fromNationalStatusCode,
  readChannelCode,
  readNationalStatusCode,
  toChannelCode,
  toNationalStatusCode,
} from './status.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    return (error as MotcuaError).problems[0]?.code;
  }
  throw new Error('expected a MotcuaError');
}

describe('dossier statuses and the national codes', () => {
  it('map to the ten national status codes as the rules list them', () => {
    expect(DOSSIER_STATUSES.map((s) => [toNationalStatusCode(s), DOSSIER_STATUS_NAMES[s].vi])).to.deep.equal([
      [1, 'Mới đăng ký'],
      [2, 'Được tiếp nhận'],
      [3, 'Không được tiếp nhận'],
      [4, 'Đang xử lý'],
      [5, 'Yêu cầu bổ sung giấy tờ'],
      [6, 'Yêu cầu thực hiện nghĩa vụ tài chính'],
      [7, 'Công dân yêu cầu rút hồ sơ'],
      [8, 'Dừng xử lý'],
      [9, 'Đã xử lý xong'],
      [10, 'Đã trả kết quả'],
    ]);
  });

  it('round-trip both ways, codes also as text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOSSIER_STATUSES), (s) => {
        expect(fromNationalStatusCode(toNationalStatusCode(s))).to.equal(s);
        expect(fromNationalStatusCode(String(toNationalStatusCode(s)))).to.equal(s);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (n) => {
        expect(toNationalStatusCode(fromNationalStatusCode(n))).to.equal(n);
      }),
    );
  });

  it('refuse unknown codes and statuses with the field', () => {
    for (const bad of [0, 11, -1, 2.5, 'mới', null, '']) {
      expect(codeOf(() => fromNationalStatusCode(bad, ['TrangThaiHoSo']))).to.equal('unknown-status-code');
    }
    expect(codeOf(() => toNationalStatusCode('done' as never))).to.equal('unknown-status');
  });
});

describe('channel codes (KenhThucHien)', () => {
  it('1 in person, 2 online, 3 postal, both ways', () => {
    expect(DOSSIER_CHANNELS.map(toChannelCode)).to.deep.equal([1, 2, 3]);
    expect([1, 2, 3].map((c) => fromChannelCode(c))).to.deep.equal(['in-person', 'online', 'postal']);
    expect(fromChannelCode('2')).to.equal('online');
  });

  it('refuse other codes', () => {
    for (const bad of [0, 4, 'online', undefined])
      expect(codeOf(() => fromChannelCode(bad))).to.equal('unknown-channel-code');
    expect(codeOf(() => toChannelCode('fax' as never))).to.equal('unknown-channel');
  });
});

describe('the codes read without words', () => {
  it('give what fromNationalStatusCode and fromChannelCode give, and undefined where they throw', () => {
    const result = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        expect(error).to.be.instanceOf(MotcuaError);
        return undefined;
      }
    };
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string(), fc.anything()), (code) => {
        expect(readNationalStatusCode(code)).to.equal(result(() => fromNationalStatusCode(code)));
        expect(readChannelCode(code)).to.equal(result(() => fromChannelCode(code)));
      }),
    );
  });
});
