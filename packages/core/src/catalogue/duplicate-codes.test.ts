import { describe, it } from 'node:test';
import { expect } from 'chai';
import { duplicateCodeProblems } from './duplicate-codes.js';
import { procedure } from './fixtures.test.js';
import { parseCatalogue } from './parse-catalogue.js';

describe('duplicate procedure codes', () => {
  it('reports each later procedure with the full code of an earlier one, naming the first', () => {
    const problems = duplicateCodeProblems([
      procedure('1.001193', 'Đăng ký khai sinh'),
      { ...procedure('1.001193', 'Đăng ký khai sinh (tỉnh)'), localSuffix: '000.00.00.H61' },
      'not a procedure',
      { name: 'no code' },
      procedure('1.001193', 'Đăng ký khai sinh (trùng)'),
      { ...procedure('1.001193', 'Đăng ký khai sinh (tỉnh, trùng)'), localSuffix: '000.00.00.H61' },
    ]);
    expect(problems).to.deep.equal([
      {
        path: ['procedures', 4, 'code'],
        code: 'duplicate-code',
        message: {
          vi: 'Mã thủ tục 1.001193 bị trùng với thủ tục thứ 1 ($.procedures[0])',
          en: 'Procedure code 1.001193 duplicates procedure 1 ($.procedures[0])',
        },
      },
      {
        path: ['procedures', 5, 'code'],
        code: 'duplicate-code',
        message: {
          vi: 'Mã thủ tục 1.001193.000.00.00.H61 bị trùng với thủ tục thứ 2 ($.procedures[1])',
          en: 'Procedure code 1.001193.000.00.00.H61 duplicates procedure 2 ($.procedures[1])',
        },
      },
    ]);
  });

  it('are the problems parseCatalogue reports for them', () => {
    const procedures = [procedure('2.000815', 'A'), procedure('1.001193', 'B'), procedure('2.000815', 'C')];
    const result = parseCatalogue({ formatVersion: 1, version: '1', agency: { name: 'UBND xã' }, procedures });
    expect(result.ok ? [] : result.problems).to.deep.equal(duplicateCodeProblems(procedures));
  });
});
