import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { MotcuaError } from '../text/problem.js';
import {
  type DailySequence,
  dossierCodeProblems,
  formatDossierCode,
  isDossierCode,
  issueDossierCode,
  memoryDailySequence,
  parseDossierCode,
} from './dossier-code.js';

const agency = '000.00.15.H41';

function codes(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    return (error as MotcuaError).problems.map((p) => p.code);
  }
  throw new Error('expected a MotcuaError');
}

describe('dossier codes (Circular 01/2018 art. 19)', () => {
  it('write V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX', () => {
    expect(formatDossierCode({ agency, date: '2026-02-13', sequence: 7 })).to.equal('000.00.15.H41-260213-0007');
    expect(formatDossierCode({ agency, date: '2026-02-13', sequence: 9999 })).to.equal('000.00.15.H41-260213-9999');
  });

  it('parse and validate', () => {
    expect(parseDossierCode('000.00.15.H41-260213-0007')).to.deep.equal({ agency, date: '2026-02-13', sequence: 7 });
    expect(isDossierCode('000.00.15.H41-260213-0007')).to.equal(true);
    expect(isDossierCode('H41-260213-7')).to.equal(false);
    expect(dossierCodeProblems('000.00.15.H41-260230-0007').map((p) => [p.path.join('.'), p.code])).to.deep.equal([
      ['date', 'invalid-date'],
    ]);
    expect(dossierCodeProblems('000.00.15.H41-260213-0000').map((p) => p.code)).to.deep.equal(['invalid-sequence']);
    expect(dossierCodeProblems('00.00.15.H41-260213-0001').map((p) => p.code)).to.deep.equal(['invalid-agency-code']);
    expect(dossierCodeProblems(42, undefined, ['MaHoSo']).map((p) => [p.path.join('.'), p.code])).to.deep.equal([
      ['MaHoSo', 'invalid-dossier-code'],
    ]);
  });

  it('tell a valid code exactly when it has no problem, under any pattern', () => {
    const other = { pattern: 'HS-{agency}/{yyyy}{MM}{dd}/{seq:6}', agency: /^[A-Z0-9]+$/ };
    const cases: [unknown, typeof other | undefined][] = [
      ['000.00.15.H41-260213-0007', undefined],
      ['000.00.15.H41-260230-0007', undefined],
      ['000.00.15.H41-260213-0000', undefined],
      ['00.00.15.H41-260213-0001', undefined],
      ['00.00.15.H41-261313-0000', undefined],
      ['000.00.15.h41-260213-0001', undefined],
      ['H41-260213-7', undefined],
      [42, undefined],
      [null, undefined],
      ['HS-XAVIDU/20311201/000042', other],
      ['HS-XAVIDU/19991231/000001', other],
      ['HS-XAVIDU/20310229/000042', other],
      ['HS-XAVIDU/20311201/000000', other],
      ['HS-xavidu/20311201/000042', other],
      ['000.00.15.H41-260213-0007', other],
    ];
    for (const [code, format] of cases) {
      expect(isDossierCode(code, format), String(code)).to.equal(dossierCodeProblems(code, format).length === 0);
    }
    expect(codes(() => isDossierCode('000.00.15.H41-260213-0007', { pattern: '{agency}-{seq:4}' }))).to.deep.equal([
      'invalid-dossier-code-pattern',
    ]);
  });

  it('refuse a sequence past four digits and a bad agency when writing', () => {
    expect(codes(() => formatDossierCode({ agency, date: '2026-02-13', sequence: 10_000 }))).to.deep.equal([
      'invalid-sequence',
    ]);
    expect(codes(() => formatDossierCode({ agency: 'UBND xã', date: '2026-2-13', sequence: 1 }))).to.deep.equal([
      'invalid-agency-code',
      'invalid-date',
    ]);
  });

  it('take another pattern, should Circular 03/2025 change it', () => {
    const format = { pattern: 'HS-{agency}/{yyyy}{MM}{dd}/{seq:6}', agency: /^[A-Z0-9]+$/ };
    const code = formatDossierCode({ agency: 'XAVIDU', date: '2031-12-01', sequence: 42 }, format);
    expect(code).to.equal('HS-XAVIDU/20311201/000042');
    expect(parseDossierCode(code, format)).to.deep.equal({ agency: 'XAVIDU', date: '2031-12-01', sequence: 42 });
    expect(
      codes(() => formatDossierCode({ agency, date: '2026-02-13', sequence: 1 }, { pattern: '{agency}-{seq:4}' })),
    ).to.deep.equal(['invalid-dossier-code-pattern']);
  });

  it('round-trip for every agency, date and sequence', () => {
    const code = fc.stringMatching(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/);
    fc.assert(
      fc.property(
        code,
        fc.integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2099-12-31') }),
        fc.integer({ min: 1, max: 9999 }),
        (a, d, s) => {
          const parts = { agency: a, date: fromEpochDay(d), sequence: s };
          expect(parseDossierCode(formatDossierCode(parts))).to.deep.equal(parts);
        },
      ),
    );
  });
});

describe('issuing dossier codes from a daily sequence', () => {
  it('numbers dossiers per agency and Vietnamese date, from 1', async () => {
    const seq = memoryDailySequence();
    // 22:10 on 13/2 in Hà Nội is 15:10Z; 17:30Z is already 14/2 in Hà Nội.
    expect(await issueDossierCode({ agency, receivedAt: '2026-02-13T22:10:00+07:00' }, seq)).to.equal(
      '000.00.15.H41-260213-0001',
    );
    expect(await issueDossierCode({ agency, receivedAt: '2026-02-13T15:20:00Z' }, seq)).to.equal(
      '000.00.15.H41-260213-0002',
    );
    expect(await issueDossierCode({ agency, receivedAt: '2026-02-13T17:30:00Z' }, seq)).to.equal(
      '000.00.15.H41-260214-0001',
    );
    expect(await issueDossierCode({ agency: '000.00.16.H41', receivedAt: '2026-02-13T10:00:00+07:00' }, seq)).to.equal(
      '000.00.16.H41-260213-0001',
    );
  });

  it('takes an asynchronous source and refuses a number past the pattern', async () => {
    const store = new Map<string, number>();
    const source: DailySequence = {
      next: async (a, date) => {
        const n = (store.get(a + date) ?? 9998) + 1;
        store.set(a + date, n);
        return n;
      },
    };
    expect(await issueDossierCode({ agency, receivedAt: '2026-03-02T08:00:00+07:00' }, source)).to.equal(
      '000.00.15.H41-260302-9999',
    );
    try {
      await issueDossierCode({ agency, receivedAt: '2026-03-02T08:00:00+07:00' }, source);
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect((error as MotcuaError).problems?.[0]?.code).to.equal('invalid-sequence');
    }
    try {
      await issueDossierCode({ agency, receivedAt: '2026-03-02T08:00:00' }, source);
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect((error as MotcuaError).problems?.[0]?.code).to.equal('invalid-date-time');
    }
  });
});
