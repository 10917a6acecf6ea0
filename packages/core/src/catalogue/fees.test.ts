import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { computeFee, computeFees, formatFeeRule, formatVnd, unitPrice } from './fees.js';
import { feeRuleArbitrary } from './fixtures.test.js';
import type { FeeRule } from './schema.js';

// Circular 226/2016/TT-BTC art. 4: chứng thực bản sao từ bản chính.
const certifiedCopy: FeeRule = {
  kind: 'fee',
  per: 'page',
  amount: 2000,
  tiers: [{ from: 3, amount: 1000 }],
  maxPerCopy: 200000,
};

describe('fees from structured rules', () => {
  it('charges 2.000 đ for each of the first two pages and 1.000 đ from page 3 (Circular 226/2016)', () => {
    expect(computeFee(certifiedCopy, { pages: 1 })).to.equal(2000);
    expect(computeFee(certifiedCopy, { pages: 2 })).to.equal(4000);
    expect(computeFee(certifiedCopy, { pages: 3 })).to.equal(5000);
    expect(computeFee(certifiedCopy, { pages: 10 })).to.equal(12000);
    expect(computeFee(certifiedCopy, { pages: 10, copies: 3 })).to.equal(36000);
  });

  it('caps each copy at 200.000 đ', () => {
    expect(computeFee(certifiedCopy, { pages: 198 })).to.equal(200000);
    expect(computeFee(certifiedCopy, { pages: 197 })).to.equal(199000);
    expect(computeFee(certifiedCopy, { pages: 500, copies: 2 })).to.equal(400000);
  });

  it('charges per case, transaction and copy (chứng thực chữ ký, giao dịch, bản sao trích lục)', () => {
    expect(computeFee({ kind: 'fee', per: 'case', amount: 10000 })).to.equal(10000);
    expect(computeFee({ kind: 'fee', per: 'transaction', amount: 50000 }, { count: 2 })).to.equal(100000);
    expect(computeFee({ kind: 'fee', per: 'copy', amount: 8000 }, { copies: 3 })).to.equal(24000);
    expect(computeFees([], { pages: 4 })).to.equal(0);
    expect(unitPrice(certifiedCopy, 2)).to.equal(2000);
    expect(unitPrice(certifiedCopy, 3)).to.equal(1000);
  });

  it('refuses negative or fractional quantities', () => {
    expect(() => computeFee(certifiedCopy, { pages: -1 })).to.throw(MotcuaError);
    expect(() => computeFee(certifiedCopy, { copies: 1.5 })).to.throw(MotcuaError);
  });

  it('never charges more than the cap per copy, and never less for more pages', () => {
    fc.assert(
      fc.property(
        feeRuleArbitrary,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 5 }),
        (rule, pages, copies) => {
          const fee = computeFee(rule, { pages, copies });
          expect(Number.isSafeInteger(fee) && fee >= 0).to.equal(true);
          if (rule.maxPerCopy !== undefined) expect(fee).to.be.at.most(rule.maxPerCopy * copies);
          expect(computeFee(rule, { pages: pages + 1, copies })).to.be.at.least(fee);
          expect(computeFee(rule, { pages, copies: copies + 1 })).to.be.at.least(fee);
        },
      ),
    );
  });

  it('sums a page rule page by page when uncapped', () => {
    fc.assert(
      fc.property(feeRuleArbitrary, fc.integer({ min: 0, max: 120 }), (rule, pages) => {
        const uncapped: FeeRule = {
          kind: rule.kind,
          per: 'page',
          amount: rule.amount,
          ...(rule.tiers ? { tiers: rule.tiers } : {}),
        };
        let sum = 0;
        for (let n = 1; n <= pages; n++) sum += unitPrice(uncapped, n);
        expect(computeFee(uncapped, { pages })).to.equal(sum);
      }),
    );
  });
});

describe('Vietnamese money format', () => {
  it('writes đồng with dots between thousands', () => {
    expect(formatVnd(200000)).to.equal('200.000 đ');
    expect(formatVnd(2000)).to.equal('2.000 đ');
    expect(formatVnd(999)).to.equal('999 đ');
    expect(formatVnd(0)).to.equal('0 đ');
    expect(formatVnd(1234567)).to.equal('1.234.567 đ');
    expect(formatVnd(-25000)).to.equal('-25.000 đ');
    expect(() => formatVnd(0.5)).to.throw(MotcuaError);
  });

  it('reads back to the same amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = formatVnd(n);
        expect(text.endsWith(' đ')).to.equal(true);
        expect(Number(text.slice(0, -2).replaceAll('.', ''))).to.equal(n);
        expect(text).to.match(/^-?\d{1,3}(\.\d{3})* đ$/);
      }),
    );
  });

  it('describes a rule in words', () => {
    expect(formatFeeRule(certifiedCopy)).to.equal('2.000 đ/trang; từ trang thứ 3: 1.000 đ/trang; tối đa 200.000 đ/bản');
    expect(formatFeeRule({ kind: 'fee', per: 'case', amount: 10000 }, 'en')).to.equal('10.000 đ/case');
  });
});
