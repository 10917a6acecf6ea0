import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { csvCell } from './csv.js';

/** The fields of one CSV record as a spreadsheet reads it with `separator` (RFC 4180 quoting). */
function fields(line: string, separator: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      out.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  out.push(field);
  return out;
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('csvCell', () => {
  it('stays one cell that no spreadsheet runs as a formula, whatever the separator (`,`, `;` or tab)', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', ';', ',', '\t', '"', '\n', 'a', ' ', 'ệ') });
    fc.assert(
      fc.property(text, (value) => {
        const cell = csvCell(value);
        for (const separator of [',', ';', '\t']) {
          const read = fields(cell, separator);
          expect(read, `${JSON.stringify(cell)} split by ${JSON.stringify(separator)}`).to.have.length(1);
          const [only] = read as [string];
          expect(FORMULA_START.test(only), `${JSON.stringify(only)} starts a formula`).to.equal(false);
          expect(only).to.equal(FORMULA_START.test(value) ? `'${value}` : value);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes a reason that hides a formula after a `;` (Excel with a `;` separator)', () => {
    expect(csvCell('Chậm;=HYPERLINK("http://x";"y")')).to.equal('"Chậm;=HYPERLINK(""http://x"";""y"")"');
    expect(csvCell('a\t=1+1')).to.equal('"a\t=1+1"');
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell(3)).to.equal('3');
    expect(csvCell(-3)).to.equal('-3');
  });
});
