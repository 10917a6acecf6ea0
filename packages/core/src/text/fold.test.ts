import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { foldVietnamese } from './fold.js';
import { formatPath } from './problem.js';

describe('foldVietnamese', () => {
  it('matches text typed without marks', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).to.equal('dang ky khai sinh');
    expect(foldVietnamese('CHỨNG THỰC bản sao từ bản chính')).to.equal('chung thuc ban sao tu ban chinh');
    expect(foldVietnamese('  Hộ   tịch\t')).to.equal('ho tich');
  });

  it('gives the same result for precomposed and decomposed input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐáàảãạấầẩẫậắằẳẵặéèẻẽẹ ') }), (s) => {
        expect(foldVietnamese(s.normalize('NFD'))).to.equal(foldVietnamese(s.normalize('NFC')));
        expect(foldVietnamese(foldVietnamese(s))).to.equal(foldVietnamese(s));
        expect(foldVietnamese(s)).to.match(/^[a-z ]*$/);
      }),
    );
  });
});

describe('formatPath', () => {
  it('writes JSON paths', () => {
    expect(formatPath([])).to.equal('$');
    expect(formatPath(['channels', 0, 'fee'])).to.equal('$.channels[0].fee');
    expect(formatPath(['tên thủ tục'])).to.equal('$["tên thủ tục"]');
  });
});
