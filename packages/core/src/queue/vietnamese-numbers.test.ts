import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { formatAnnouncement } from './announcement.js';
import { numberToVietnameseWords } from './vietnamese-numbers.js';

const GOLDEN: readonly [number, string][] = [
  [0, 'không'],
  [1, 'một'],
  [4, 'bốn'],
  [5, 'năm'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [31, 'ba mươi mốt'],
  [55, 'năm mươi lăm'],
  [99, 'chín mươi chín'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [205, 'hai trăm linh năm'],
  [345, 'ba trăm bốn mươi lăm'],
  [500, 'năm trăm'],
  [999, 'chín trăm chín mươi chín'],
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1024, 'một nghìn không trăm hai mươi tư'],
  [2026, 'hai nghìn không trăm hai mươi sáu'],
  [10_000, 'mười nghìn'],
  [1_000_005, 'một triệu không trăm linh năm'],
  [1_234_567, 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
];

/** An independent reader of Vietnamese number words, to check the writer against. */
function parseVietnameseNumber(text: string): number {
  const DIGIT: Record<string, number> = {
    không: 0,
    một: 1,
    mốt: 1,
    hai: 2,
    ba: 3,
    bốn: 4,
    tư: 4,
    năm: 5,
    lăm: 5,
    sáu: 6,
    bảy: 7,
    tám: 8,
    chín: 9,
  };
  const SCALE: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9 };
  let total = 0;
  let group = 0;
  let current = 0;
  for (const word of text.split(' ')) {
    if (word in DIGIT) current = DIGIT[word] as number;
    else if (word === 'mười') group += 10;
    else if (word === 'mươi') {
      group += current * 10;
      current = 0;
    } else if (word === 'trăm') {
      group += current * 100;
      current = 0;
    } else if (word === 'linh' || word === 'lẻ') continue;
    else if (word in SCALE) {
      total += (group + current) * (SCALE[word] as number);
      group = 0;
      current = 0;
    } else throw new Error(`unknown word ${word}`);
  }
  return total + group + current;
}

const options = fc.record({
  zeroTens: fc.constantFrom('linh' as const, 'lẻ' as const),
  four: fc.constantFrom('tư' as const, 'bốn' as const),
  thousand: fc.constantFrom('nghìn' as const, 'ngàn' as const),
});

describe('Vietnamese number words', () => {
  it('reads the golden examples (linh, mốt, lăm, tư)', () => {
    for (const [n, words] of GOLDEN) expect(numberToVietnameseWords(n), String(n)).to.equal(words);
  });

  it('offers the regional variants lẻ, bốn and ngàn', () => {
    expect(numberToVietnameseWords(105, { zeroTens: 'lẻ' })).to.equal('một trăm lẻ năm');
    expect(numberToVietnameseWords(24, { four: 'bốn' })).to.equal('hai mươi bốn');
    expect(numberToVietnameseWords(1000, { thousand: 'ngàn' })).to.equal('một ngàn');
  });

  it('reads back to the same number, for every number 0–1,000 and for large ones, in every variant', () => {
    for (let n = 0; n <= 1000; n++) expect(parseVietnameseNumber(numberToVietnameseWords(n))).to.equal(n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), options, (n, o) => {
        expect(parseVietnameseNumber(numberToVietnameseWords(n, o))).to.equal(n);
      }),
    );
  });

  it('uses mốt, lăm and tư only after mươi/mười, and linh only after trăm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const words = numberToVietnameseWords(n).split(' ');
        words.forEach((w, i) => {
          const before = words[i - 1];
          if (w === 'mốt' || w === 'tư') expect(before).to.equal('mươi');
          if (w === 'lăm') expect(['mươi', 'mười']).to.include(before);
          if (w === 'linh') expect(before).to.equal('trăm');
          if (w === 'mười') expect(before).to.not.equal('một');
        });
      }),
    );
  });

  it('refuses what it cannot read', () => {
    for (const bad of [-1, 1.5, Number.NaN, 1e12]) expect(() => numberToVietnameseWords(bad)).to.throw(MotcuaError);
  });
});

describe('call announcements', () => {
  it('writes the call and spells it for speech', () => {
    expect(formatAnnouncement('A105', '3')).to.deep.equal({
      text: 'Xin mời số A105 đến quầy số 3',
      textEn: 'Ticket A105, please go to counter 3',
      speech: 'Xin mời số a, một trăm linh năm, đến quầy số ba',
    });
    expect(formatAnnouncement('A001', '12').speech).to.equal('Xin mời số a, một, đến quầy số mười hai');
  });

  it('takes a template, letter names and digit-by-digit reading as options', () => {
    const a = formatAnnouncement('HT021', '2', {
      template: 'Mời công dân có số {number} tới quầy {counter}',
      numberReading: 'digits',
      letterNames: { H: 'hờ', T: 'tờ' },
    });
    expect(a.text).to.equal('Mời công dân có số HT021 tới quầy 2');
    expect(a.speech).to.equal('Mời công dân có số hờ tờ, không hai một, tới quầy hai');
    expect(formatAnnouncement('A24', '1', { four: 'bốn' }).speech).to.contain('hai mươi bốn');
  });
});
