import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MotcuaError } from '../text/problem.js';
import type { InstrumentKind } from './instrument.js';
import { BUILT_IN_INSTRUMENTS } from './instruments.js';
import { instrumentFor } from './library.js';
import { loadBuiltInInstruments, loadInstrument } from './load.js';
import { pickInstrument } from './select.js';

const KINDS: InstrumentKind[] = ['one-stop-rating', 'dossier-evaluation', 'sipas', 'csat', 'nps', 'ces'];
const DATES = ['2019-01-06', '2025-06-30', '2025-07-01', '2026-11-22'];

describe('loading instruments one kind at a time', () => {
  it('loads exactly the built-in versions of each kind, the same objects, in the same order', async () => {
    const loaded = [];
    for (const kind of KINDS) {
      const versions = await loadBuiltInInstruments(kind);
      expect(versions.length, kind).to.be.above(0);
      expect(versions.every((i) => i.kind === kind)).to.equal(true);
      loaded.push(...versions);
    }
    expect(loaded).to.deep.equal(BUILT_IN_INSTRUMENTS);
    for (const [index, instrument] of loaded.entries()) expect(instrument).to.equal(BUILT_IN_INSTRUMENTS[index]);
  });

  it('gives nothing for a kind it does not know', async () => {
    expect(await loadBuiltInInstruments('quiz' as InstrumentKind)).to.deep.equal([]);
  });

  it('chooses the version in force as instrumentFor does', async () => {
    for (const kind of KINDS) {
      for (const date of DATES) {
        expect(await loadInstrument(kind, date), `${kind} ${date}`).to.equal(instrumentFor(kind, date));
        expect(pickInstrument(await loadBuiltInInstruments(kind), kind, date)).to.equal(instrumentFor(kind, date));
      }
    }
  });

  it('chooses from a given library, and rejects as instrumentFor throws', async () => {
    const mine = BUILT_IN_INSTRUMENTS.filter((i) => i.kind === 'csat');
    expect((await loadInstrument('csat', '2026-11-22', { instruments: mine })).id).to.equal('csat');
    for (const [kind, date, code] of [
      ['csat', '1999-12-31', 'no-instrument'],
      ['dossier-evaluation', '2018-12-31', 'no-instrument'],
      ['csat', '2026-02-30', 'invalid-date'],
    ] as const) {
      const error = await loadInstrument(kind, date).then(
        () => expect.fail('expected a rejection'),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems[0]?.code).to.equal(code);
      expect(() => instrumentFor(kind, date)).to.throw(MotcuaError);
    }
    const twice = [...mine, { ...(mine[0] as (typeof mine)[number]), id: 'csat-2' }];
    const ambiguous = await loadInstrument('csat', '2026-11-22', { instruments: twice }).catch((e: MotcuaError) => e);
    expect((ambiguous as MotcuaError).problems[0]?.code).to.equal('ambiguous-instrument');
    expect((await loadInstrument('csat', '2026-11-22', { instruments: twice, id: 'csat-2' })).id).to.equal('csat-2');
  });
});
