import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { catalogueOf, loadSampleCatalogue, procedure } from './fixtures.test.js';
import { catalogueToHtml, escapeHtml } from './html.js';
import { assertCatalogue } from './parse-catalogue.js';

const OUR_TAGS = /<\/?(?:section|h[1-6]|p|article|dl|dt|dd|ul|li|a)(?: [a-z-]+="[^"<>]*")*>/g;

describe('catalogue as static HTML', () => {
  it('renders the sample grouped by field with codes, time limits and fees', async () => {
    const html = catalogueToHtml(assertCatalogue(await loadSampleCatalogue()));
    expect(html.startsWith('<section class="motcua-catalogue" lang="vi">')).to.equal(true);
    expect(html).to.contain('<h3 lang="vi">Hộ tịch</h3>');
    expect(html).to.contain('<h3 lang="vi">Chứng thực</h3>');
    expect(html).to.contain('<article id="tthc-1-001193" data-code="1.001193"><h4 lang="vi">Đăng ký khai sinh</h4>');
    expect(html).to.contain(
      '<dt>Thời hạn giải quyết</dt><dd>Giải quyết ngay (tiếp nhận sau 15h00: tính từ ngày làm việc tiếp theo)</dd>',
    );
    expect(html).to.contain('2.000 đ/trang; từ trang thứ 3: 1.000 đ/trang; tối đa 200.000 đ/bản');
    expect(html).to.contain('<dd>2.000815.000.00.00.H61</dd>');
    expect(html.match(/<article /g)?.length).to.equal(33);
    expect(html.replace(OUR_TAGS, '')).to.not.match(/[<>]/);
  });

  it('labels in English on request', () => {
    const html = catalogueToHtml(catalogueOf([procedure('1.000001', 'Đăng ký khai sinh', { fees: [] })]), {
      language: 'en',
      headingLevel: 1,
    });
    expect(html).to.contain('<h1>Administrative procedures — UBND xã thử nghiệm</h1>');
    expect(html).to.contain('<dt>Fees</dt><dd>Free of charge</dd>');
    expect(html).to.contain('<dt>Time limit</dt><dd>Not published</dd>');
  });

  it('escapes every string from the data', () => {
    const nasty = fc.string({ maxLength: 12 }).map((s) => `${s}<script>"'&`);
    fc.assert(
      fc.property(nasty, nasty, nasty, nasty, (name, field, agency, note) => {
        const catalogue = catalogueOf([
          procedure('1.000001', name, {
            field,
            agency,
            note,
            feeNote: note,
            fees: [{ kind: 'fee', per: 'case', amount: 1000, label: name }],
            channels: [{ kind: 'online', description: note }],
            legalBasis: [{ instrument: agency, url: `https://x.vn/?q="${note}` }],
            documents: [{ name, template: `https://x.vn/${field}` }],
          }),
        ]);
        const html = catalogueToHtml({ ...catalogue, version: note, agency: { name: agency } });
        expect(html).to.not.contain('<script>');
        expect(html.replace(OUR_TAGS, '')).to.not.match(/[<>]/);
        expect(html).to.contain(escapeHtml(name));
      }),
    );
  });
});
