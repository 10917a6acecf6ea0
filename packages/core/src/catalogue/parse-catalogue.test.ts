import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError, type Problem } from '../text/problem.js';
import { catalogueOf, procedure, syntheticCatalogue } from './fixtures.test.js';
import { assertCatalogue, parseCatalogue } from './parse-catalogue.js';
import type { Catalogue } from './schema.js';

function problemsOf(input: unknown): readonly Problem[] {
  const result = parseCatalogue(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function codesAt(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.path.join('.')}:${p.code}`);
}

/** Whether `path` (or, for a missing field, its parent) exists in `input`. */
function pointsInto(input: unknown, p: Problem): boolean {
  const path = p.code === 'missing-field' ? p.path.slice(0, -1) : p.path;
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return true;
}

describe('parseCatalogue: good catalogues', () => {
  it('returns the catalogue typed', () => {
    const input = catalogueOf([
      procedure('1.001193', 'Đăng ký khai sinh', { statutoryTime: { value: 0, unit: 'immediate', cutoff: '15:00' } }),
      procedure('1.001022', 'Đăng ký nhận cha, mẹ, con', {
        statutoryTime: { value: 3, unit: 'working-days' },
        reducedTime: { value: 2, unit: 'working-days' },
        levels: [
          { level: 'district', validTo: '2025-06-30' },
          { level: 'commune', validFrom: '2025-07-01' },
        ],
      }),
    ]);
    const result = parseCatalogue(input);
    expect(result.ok).to.equal(true);
    expect(assertCatalogue(input)).to.deep.equal(input);
  });

  it('round-trips through JSON: parse(serialize(c)) equals c', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1000 }), (size, seed) => {
        const catalogue: Catalogue = syntheticCatalogue(size, seed);
        const result = parseCatalogue(JSON.parse(JSON.stringify(catalogue)));
        expect(result.ok).to.equal(true);
        if (result.ok) expect(result.catalogue).to.deep.equal(catalogue);
      }),
      { numRuns: 30 },
    );
  });

  it('parses a 10 MB catalogue', () => {
    const big = syntheticCatalogue(30_000, 7);
    const text = JSON.stringify(big);
    expect(text.length).to.be.greaterThan(10_000_000);
    const result = parseCatalogue(JSON.parse(text));
    expect(result.ok).to.equal(true);
  });
});

describe('parseCatalogue: bad catalogues list every problem at once', () => {
  it('reports wrong types, unknown units, negative fees and bad codes together, with paths', () => {
    const problems = problemsOf({
      formatVersion: 2,
      version: 'v1',
      agency: { name: 'UBND xã', fax: '…' },
      procedures: [
        {
          code: '1.00119',
          name: 42,
          field: 'Hộ tịch',
          levels: [{ level: 'commune' }],
          agency: 'UBND xã',
          channels: [
            {
              kind: 'web',
              timeLimit: { value: 5, unit: 'weeks' },
              fees: [{ kind: 'fee', per: 'page', amount: -2000 }],
            },
          ],
          validFrom: '2025-02-30',
        },
      ],
    });
    expect(codesAt(problems)).to.have.members([
      'formatVersion:unknown-value',
      'agency.fax:unknown-field',
      'procedures.0.code:invalid-procedure-code',
      'procedures.0.name:wrong-type',
      'procedures.0.channels.0.kind:unknown-value',
      'procedures.0.channels.0.timeLimit.unit:unknown-value',
      'procedures.0.channels.0.fees.0.amount:negative-number',
      'procedures.0.validFrom:invalid-date',
    ]);
    for (const p of problems) {
      expect(p.message.vi).to.be.a('string').and.not.equal(p.message.en);
      expect(p.message.en.length).to.be.greaterThan(5);
    }
  });

  it('reports missing required fields by name in both languages', () => {
    const problems = problemsOf({ formatVersion: 1, agency: {}, procedures: [{}] });
    expect(codesAt(problems)).to.include.members([
      'version:missing-field',
      'agency.name:missing-field',
      'procedures.0.code:missing-field',
      'procedures.0.name:missing-field',
      'procedures.0.channels:missing-field',
    ]);
    const name = problems.find((p) => p.path.join('.') === 'procedures.0.name');
    expect(name?.message).to.deep.equal({ vi: 'Tên: bắt buộc nhưng bị thiếu', en: 'Name: is required but missing' });
  });

  it('reports duplicate codes, validity ending before it starts and a reduced time over the statutory one', () => {
    const problems = problemsOf(
      catalogueOf([
        procedure('2.000815', 'Chứng thực bản sao từ bản chính', { validFrom: '2026-01-01', validTo: '2025-12-31' }),
        procedure('2.000815', 'Chứng thực bản sao (trùng)', {
          statutoryTime: { value: 34, unit: 'working-days' },
          reducedTime: { value: 35, unit: 'working-days' },
          channels: [{ kind: 'online', timeLimit: { value: 0, unit: 'same-day' } }],
        }),
        procedure('1.001193', 'Đăng ký khai sinh', {
          statutoryTime: { value: 0, unit: 'immediate' },
          reducedTime: { value: 1, unit: 'working-days' },
          levels: [{ level: 'district' }],
          flags: { immediate: true },
        }),
      ]),
    );
    expect(codesAt(problems)).to.deep.equal([
      'procedures.0.validTo:validity-ends-before-start',
      'procedures.1.code:duplicate-code',
      'procedures.1.reducedTime:longer-than-statutory',
      'procedures.2.levels.0.level:district-level-abolished',
      'procedures.2.reducedTime:longer-than-statutory',
    ]);
    expect(problems[1]?.message.vi).to.contain('$.procedures[0]');
  });

  it("accepts the seeds' cut from 34 to 22 days, and a district level once it ended", () => {
    const result = parseCatalogue(
      catalogueOf([
        procedure('1.000001', 'Thủ tục cắt giảm', {
          statutoryTime: { value: 34, unit: 'days' },
          reducedTime: { value: 22, unit: 'days' },
          levels: [{ level: 'district', validFrom: '2020-01-01', validTo: '2025-06-30' }],
        }),
      ]),
    );
    expect(result.ok).to.equal(true);
    const off = parseCatalogue(catalogueOf([procedure('1.000001', 'X', { levels: [{ level: 'district' }] })]), {
      districtLevelAbolishedOn: null,
    });
    expect(off.ok).to.equal(true);
  });

  it('reports impossible fee rules: cap below the first page, caps on non-page rules, tiers out of order', () => {
    const problems = problemsOf(
      catalogueOf([
        procedure('2.000815', 'Chứng thực', {
          fees: [
            { kind: 'fee', per: 'page', amount: 2000, maxPerCopy: 1000 },
            { kind: 'fee', per: 'case', amount: 10000, maxPerCopy: 20000 },
            {
              kind: 'fee',
              per: 'page',
              amount: 2000,
              tiers: [
                { from: 5, amount: 1000 },
                { from: 3, amount: 500 },
              ],
            },
          ],
        }),
      ]),
    );
    expect(codesAt(problems)).to.deep.equal([
      'procedures.0.fees.0.maxPerCopy:max-below-amount',
      'procedures.0.fees.1.maxPerCopy:max-per-copy-without-pages',
      'procedures.0.fees.2.tiers.1.from:tiers-out-of-order',
    ]);
  });

  it('throws a MotcuaError with every problem from assertCatalogue', () => {
    try {
      assertCatalogue({ formatVersion: 1, version: '', agency: { name: 'x' }, procedures: 'none' });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect(codesAt((error as MotcuaError).problems)).to.deep.equal(['version:empty-text', 'procedures:wrong-type']);
    }
  });

  it('points every problem into the input, whatever is broken', () => {
    const base = syntheticCatalogue(3, 11) as unknown as Record<string, unknown>;
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 5 }),
      fc.string({ maxLength: 4 }),
      fc.constant([]),
      fc.constant({}),
      fc.constant({ value: 1, unit: 'weeks' }),
    );
    const paths: (string | number)[][] = [
      ['version'],
      ['agency', 'name'],
      ['procedures', 0, 'code'],
      ['procedures', 1, 'levels'],
      ['procedures', 1, 'levels', 0, 'level'],
      ['procedures', 2, 'statutoryTime'],
      ['procedures', 2, 'fees', 0, 'amount'],
      ['procedures', 0, 'channels', 0],
      ['procedures', 1, 'onlineService'],
      ['procedures', 2],
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk), { minLength: 1, maxLength: 4 }), (edits) => {
        const input = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        for (const [path, value] of edits) {
          let target: unknown = input;
          for (const key of path.slice(0, -1)) target = (target as Record<string | number, unknown> | undefined)?.[key];
          if (typeof target === 'object' && target !== null) {
            (target as Record<string | number, unknown>)[path[path.length - 1] as string] = value;
          }
        }
        const result = parseCatalogue(input);
        if (!result.ok) {
          for (const p of result.problems) expect(pointsInto(input, p), JSON.stringify(p)).to.equal(true);
        }
      }),
    );
  });
});
