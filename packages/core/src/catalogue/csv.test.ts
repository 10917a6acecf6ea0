import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { formatTimeLimit } from '../deadline/format-time-limit.js';
import type { TimeLimit } from '../deadline/time-limit.js';
import { catalogueToCsv, importCatalogueCsv, parseCsv } from './csv.js';
import { parseFeeText, parseTimeLimitText } from './csv-text.js';
import { formatFeeRule } from './fees.js';
import { feeRuleArbitrary, loadSampleCatalogue, syntheticCatalogue } from './fixtures.test.js';
import { assertCatalogue } from './parse-catalogue.js';
import type { Catalogue, Procedure } from './schema.js';

const agency = { name: 'UBND xã mẫu', province: 'Vĩnh Long' };

describe('CSV cells', () => {
  it('splits rows with a BOM, semicolons, quotes and line breaks inside cells', () => {
    expect(
      parseCsv('\uFEFFMã thủ tục;Tên thủ tục\r\n1.001193;"Đăng ký ""khai sinh"""\r\n2.000815;"a;b\nc"\n'),
    ).to.deep.equal([
      ['Mã thủ tục', 'Tên thủ tục'],
      ['1.001193', 'Đăng ký "khai sinh"'],
      ['2.000815', 'a;b\nc'],
    ]);
    expect(parseCsv('a,b;c\n1,2;3')).to.deep.equal([
      ['a', 'b;c'],
      ['1', '2;3'],
    ]);
  });

  it('reads back whatever cells it is given, quoted', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ',', ';', '"', '\n', '\r\n', ' ') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',' as const, ';' as const),
        (rows, d) => {
          const width = rows[0]?.length ?? 2;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const text = table.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(d)).join('\r\n');
          expect(parseCsv(text, d)).to.deep.equal(table);
        },
      ),
    );
  });
});

describe('time limits and fees written in words', () => {
  it('reads the wordings of published lists', () => {
    expect(parseTimeLimitText('05 ngày làm việc')).to.deep.equal({
      limit: { value: 5, unit: 'working-days' },
      exact: true,
    });
    expect(parseTimeLimitText('Trong ngày')).to.deep.equal({ limit: { value: 0, unit: 'same-day' }, exact: true });
    expect(parseTimeLimitText('Giải quyết ngay')).to.deep.equal({
      limit: { value: 0, unit: 'immediate' },
      exact: true,
    });
    expect(parseTimeLimitText('08 giờ làm việc')).to.deep.equal({
      limit: { value: 8, unit: 'working-hours' },
      exact: true,
    });
    expect(parseTimeLimitText('30 ngày')).to.deep.equal({ limit: { value: 30, unit: 'days' }, exact: true });
    expect(
      parseTimeLimitText('Trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo'),
    ).to.deep.equal({ limit: { value: 0, unit: 'same-day', cutoff: '15:00' }, exact: false });
    expect(
      parseTimeLimitText('03 ngày làm việc; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc'),
    ).to.deep.equal({
      limit: { value: 3, unit: 'working-days' },
      exact: false,
    });
    expect(parseTimeLimitText('Theo thỏa thuận')).to.equal(undefined);
    expect(parseTimeLimitText('')).to.equal(undefined);
  });

  it('reads back every time limit it writes', () => {
    const limit: fc.Arbitrary<TimeLimit> = fc.oneof(
      fc.record({
        value: fc.integer({ min: 1, max: 99 }),
        unit: fc.constantFrom('working-days' as const, 'working-hours' as const, 'days' as const),
      }),
      fc.record({ value: fc.constant(0), unit: fc.constantFrom('same-day' as const, 'immediate' as const) }),
    );
    const cutoff = fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      { nil: undefined },
    );
    fc.assert(
      fc.property(limit, cutoff, (l, c) => {
        const full: TimeLimit = c === undefined ? l : { ...l, cutoff: c };
        expect(parseTimeLimitText(formatTimeLimit(full))).to.deep.equal({ limit: full, exact: true });
      }),
    );
  });

  it('reads the fee wordings of Circulars 226/2016 and 281/2016', () => {
    expect(
      parseFeeText('2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa không quá 200.000 đồng/bản'),
    ).to.deep.equal([
      { kind: 'fee', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }], maxPerCopy: 200000 },
    ]);
    expect(parseFeeText('10.000 đồng/trường hợp')).to.deep.equal([{ kind: 'fee', per: 'case', amount: 10000 }]);
    expect(parseFeeText('50.000 đồng/giao dịch')).to.deep.equal([{ kind: 'fee', per: 'transaction', amount: 50000 }]);
    expect(parseFeeText('8.000 đồng/bản sao/sự kiện')).to.deep.equal([{ kind: 'fee', per: 'copy', amount: 8000 }]);
    expect(parseFeeText('Lệ phí: 10.000 đ/trường hợp')).to.deep.equal([{ kind: 'charge', per: 'case', amount: 10000 }]);
    expect(parseFeeText('Không')).to.deep.equal([]);
    expect(parseFeeText('Miễn phí')).to.deep.equal([]);
    expect(parseFeeText('Theo Nghị quyết của HĐND tỉnh')).to.equal(undefined);
  });

  it('reads back every fee rule it writes', () => {
    fc.assert(
      fc.property(feeRuleArbitrary, (rule) => {
        expect(parseFeeText(formatFeeRule(rule))).to.deep.equal([rule]);
      }),
    );
  });
});

describe('catalogue CSV import and export', () => {
  const header =
    'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Cơ quan thực hiện;Thời hạn giải quyết;Phí/Lệ phí;Thành phần hồ sơ;Cách thức thực hiện;Căn cứ pháp lý;Mức độ DVC';

  it('imports a province-style list with Vietnamese headers', () => {
    const csv = [
      `\uFEFF${header}`,
      '1.001193;Đăng ký khai sinh;Hộ tịch;Cấp xã;UBND cấp xã;Giải quyết ngay; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo;Theo Nghị quyết của HĐND tỉnh;"Tờ khai đăng ký khai sinh\nGiấy chứng sinh";Trực tiếp, Trực tuyến, Bưu chính;Luật Hộ tịch 2014;Toàn trình',
      '2.000815.000.00.00.H61;Chứng thực bản sao từ bản chính;Chứng thực;Cấp xã;UBND cấp xã;Trong ngày;2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản;;Trực tiếp;Nghị định 23/2015/NĐ-CP;Mức độ 2',
    ].join('\r\n');
    // The fee cell of row 3 holds semicolons, so a real export would quote it; quote it here too.
    const quoted = csv
      .replace(
        '2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản',
        '"2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản"',
      )
      .replace(
        'Giải quyết ngay; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
        '"Giải quyết ngay; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"',
      );
    const result = importCatalogueCsv(quoted, { agency, version: '2025-11-16' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [khaiSinh, chungThuc] = result.catalogue.procedures as [Procedure, Procedure];
    expect(khaiSinh).to.deep.include({
      code: '1.001193',
      statutoryTime: { value: 0, unit: 'immediate', cutoff: '15:00' },
      feeNote: 'Theo Nghị quyết của HĐND tỉnh',
      documents: [{ name: 'Tờ khai đăng ký khai sinh' }, { name: 'Giấy chứng sinh' }],
      channels: [{ kind: 'in-person' }, { kind: 'online' }, { kind: 'postal' }],
      onlineService: { level: 'full' },
    });
    expect(chungThuc).to.deep.include({
      code: '2.000815',
      localSuffix: '000.00.00.H61',
      statutoryTime: { value: 0, unit: 'same-day' },
      fees: [{ kind: 'fee', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }], maxPerCopy: 200000 }],
      onlineService: { level: 'none', legacyLevel: 2 },
    });
    expect(result.warnings.map((w) => [w.path, w.code])).to.deep.equal([
      [[2, 'Thời hạn giải quyết'], 'kept-as-text'],
      [[2, 'Phí/Lệ phí'], 'kept-as-text'],
    ]);
  });

  it('lists every problem with its row and column', () => {
    const csv = [
      'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết',
      '1.001193,Đăng ký khai sinh,Hộ tịch,Giải quyết ngay',
      '1.00119,Đăng ký kết hôn,Hộ tịch,Giải quyết ngay',
      '',
      '1.001193,,Hộ tịch,05 ngày làm việc',
      '1.000656,Đăng ký khai tử,,Giải quyết ngay',
    ].join('\n');
    const result = importCatalogueCsv(csv, { agency, version: '1' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.code])).to.deep.equal([
      [[3, 'Mã thủ tục'], 'invalid-procedure-code'],
      [[5, 'Tên thủ tục'], 'empty-text'],
      [[5, 'Mã thủ tục'], 'duplicate-code'],
      [[6, 'Lĩnh vực'], 'empty-text'],
    ]);
    expect(result.problems[0]?.message.vi).to.match(/^Dòng 3: /);
    expect(result.problems[0]?.message.en).to.match(/^Row 3: /);
    const noHeader = importCatalogueCsv('Tên thủ tục,Lĩnh vực\nA,B\n', { agency, version: '1' });
    expect(noHeader.ok).to.equal(false);
    if (!noHeader.ok) expect(noHeader.problems.map((p) => p.code)).to.deep.equal(['missing-column']);
  });

  it('takes other header names through the column mapping', () => {
    const result = importCatalogueCsv('Mã số TTHC,Tên,Lĩnh vực\n2.000884,Chứng thực chữ ký,Chứng thực\n', {
      agency,
      version: '1',
      columns: { code: ['Mã số TTHC'], name: ['Tên'] },
    });
    expect(result.ok && result.catalogue.procedures[0]?.code).to.equal('2.000884');
  });

  it('round-trips the structured fields of the sample through CSV', async () => {
    const sample = assertCatalogue(await loadSampleCatalogue());
    roundTrip(sample, ',');
    roundTrip(sample, ';');
  });

  it('round-trips synthetic catalogues through CSV', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom(',' as const, ';' as const),
        (size, seed, d) => {
          roundTrip(syntheticCatalogue(size, seed), d);
        },
      ),
      { numRuns: 20 },
    );
  });
});

function roundTrip(catalogue: Catalogue, delimiter: ',' | ';'): void {
  const csv = catalogueToCsv(catalogue, { delimiter });
  const result = importCatalogueCsv(csv, { agency: catalogue.agency, version: catalogue.version });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const back = result.catalogue.procedures;
  expect(back.length).to.equal(catalogue.procedures.length);
  catalogue.procedures.forEach((p, i) => {
    const q = back[i] as Procedure;
    expect([q.code, q.localSuffix, q.name, q.field, q.agency]).to.deep.equal([
      p.code,
      p.localSuffix,
      p.name,
      p.field,
      p.agency,
    ]);
    expect(q.levels.map((l) => l.level)).to.deep.equal(p.levels.map((l) => l.level));
    expect(q.channels.map((c) => c.kind)).to.deep.equal(p.channels.map((c) => c.kind));
    expect(q.statutoryTime).to.deep.equal(p.statutoryTime);
    expect(q.onlineService?.level).to.equal(p.onlineService?.level);
    if (p.fees !== undefined && p.fees.length > 0) {
      expect(q.fees?.map(({ label: _l, note: _n, ...rule }) => rule)).to.deep.equal(
        p.fees.map(({ label: _l, note: _n, ...rule }) => rule),
      );
    }
  });
}
