import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encode } from 'uqr';
import { encodeQr } from './qr-encode.js';

/** uqr's modules for the same text at level M, without its quiet zone: the anchor the port must match. */
const anchor = (text: string) => encode(text, { ecc: 'M', border: 0 }).data;

const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&()*+,;=%', 'ă', 'đ', 'ư', 'ế', 'ộ', '€', '😀'];

describe('encodeQr', () => {
  it('draws the same modules as uqr for the links the elements encode', () => {
    for (const text of [
      'https://xa.example.gov.vn/thu-tuc#tthc-1-001193',
      'https://mot-cua.xa-an-binh.gov.vn/phieu.html?id=0123456789abcdef0123456789abcdef',
      'https://xa.example.gov.vn/danh-gia.html?t=r1.AbCdEf.eyJqIjoiMTIzNDU2Nzg5MCIsImMiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
      'https://xa.example.gov.vn/tra-cuu.html?code=000.00.15.H41-261123-0001',
    ]) {
      expect(encodeQr(text), text).to.deep.equal(anchor(text));
    }
  });

  it('draws the same modules as uqr for any text in byte mode, from version 1 to version 25', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 600 }), (chars) => {
        const text = `https://${chars.join('')}`;
        expect(encodeQr(text)).to.deep.equal(anchor(text));
      }),
      { numRuns: 120 },
    );
  });

  it('picks the smallest version: 21 modules for a short text, 4 more per version', () => {
    expect(encodeQr('https://a.vn')).to.have.length(21);
    expect(encodeQr(`https://${'a'.repeat(300)}`)).to.have.length(anchor(`https://${'a'.repeat(300)}`).length);
    expect(() => encodeQr('a'.repeat(3000))).to.throw(RangeError);
  });
});
