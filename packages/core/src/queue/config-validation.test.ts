import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MotcuaError } from '../text/problem.js';
import { parseQueueConfig } from './config.js';
import { chungThuc, hoTich } from './fixtures.test.js';
import { DEFAULT_PRIORITY_CLASSES } from './priority-classes.js';

function problemsOf(input: unknown): { path: string; code: string; vi: string; en: string }[] {
  try {
    parseQueueConfig(input);
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    return (error as MotcuaError).problems.map((p) => ({
      path: p.path.join('.'),
      code: p.code,
      vi: p.message.vi,
      en: p.message.en,
    }));
  }
  expect.fail('should throw');
}

describe('queue configuration', () => {
  it('fills in the defaults: A001 numbering growing past 999, strict order, the default priority classes', () => {
    const config = parseQueueConfig({ services: [hoTich], counters: [{ id: '1', services: ['ho-tich'] }] });
    const service = config.services.get('ho-tich');
    expect(service?.numbering).to.deep.equal({ start: 1, step: 1, end: 999, width: 3, onEnd: 'grow', reset: 'daily' });
    expect(service?.sequence).to.equal('ho-tich');
    expect(service?.windows).to.deep.equal([]);
    expect(config.counters.get('1')?.label).to.equal('1');
    expect(config.ordering).to.deep.equal({ kind: 'strict' });
    expect(config.defaultPriority).to.equal('thuong');
    expect([...config.priorityClasses.keys()]).to.deep.equal(DEFAULT_PRIORITY_CLASSES.map((c) => c.id));
  });

  it('gives the elderly class its statutory basis and marks the others as local practice', () => {
    const elderly = DEFAULT_PRIORITY_CLASSES.find((c) => c.id === 'nguoi-cao-tuoi');
    expect(elderly?.evidence).to.equal('law');
    expect(elderly?.basis?.vi).to.contain('Điều 3');
    const practice = DEFAULT_PRIORITY_CLASSES.filter((c) => c.weight > 0 && c.id !== 'nguoi-cao-tuoi');
    expect(practice.map((c) => c.id)).to.deep.equal(['nguoi-khuyet-tat', 'phu-nu-mang-thai', 'nguoi-co-cong']);
    for (const c of practice) expect(c.evidence).to.equal('practice');
  });

  it('reports every problem at once with its path in Vietnamese and English', () => {
    const problems = problemsOf({
      services: [
        { ...hoTich, prefix: 'a1' },
        { ...chungThuc, numbering: { start: 10, end: 5 }, windows: [{ from: '11:30', to: '07:30' }], dailyCap: 0 },
        hoTich,
      ],
      counters: [{ id: '1', services: ['ho-tich', 'nope'] }],
      ordering: { kind: 'fastest' },
    });
    const paths = problems.map((p) => `${p.path}:${p.code}`);
    expect(paths).to.include.members([
      'services.0.prefix:invalid-prefix',
      'services.1.numbering.end:end-before-start',
      'services.1.windows.0:empty-window',
      'services.1.dailyCap:invalid-integer',
      'services.2.id:duplicate-id',
      'counters.0.services.1:unknown-service',
      'ordering:invalid-ordering',
    ]);
    for (const p of problems) {
      expect(p.vi).to.be.a('string').and.not.equal('');
      expect(p.en).to.be.a('string').and.not.equal(p.vi);
    }
  });

  it('names unknown settings instead of ignoring a typo', () => {
    const problems = problemsOf({
      services: [{ ...hoTich, dailycap: 5, windows: [{ from: '07:30', to: '11:30', day: [1] }] }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      ordring: { kind: 'aging' },
    });
    expect(problems.map((p) => `${p.path}:${p.code}`)).to.deep.equal([
      'ordring:unknown-key',
      'services.0.dailycap:unknown-key',
      'services.0.windows.0.day:unknown-key',
    ]);
    expect(problems[0]?.vi).to.contain('Không có thiết lập "ordring"');
  });

  it('rejects an empty office and a non-object', () => {
    expect(problemsOf({ services: [], counters: [] }).map((p) => p.path)).to.deep.equal(['services', 'counters']);
    expect(problemsOf('ho-tich')[0]?.code).to.equal('invalid-config');
  });

  it('accepts one prefix split into disjoint ranges (1 / 500 / 800) and rejects overlapping ones', () => {
    const bounded = (id: string, start: number, end: number) => ({
      id,
      prefix: 'A',
      name: { vi: id, en: id },
      numbering: { start, end, onEnd: 'refuse' as const },
    });
    const ok = parseQueueConfig({
      services: [bounded('a', 1, 499), bounded('b', 500, 799), bounded('c', 800, 999)],
      counters: [{ id: '1', services: ['a', 'b', 'c'] }],
    });
    expect(ok.services.size).to.equal(3);
    const overlapping = problemsOf({
      services: [bounded('a', 1, 500), bounded('b', 500, 799)],
      counters: [{ id: '1', services: ['a', 'b'] }],
    });
    expect(overlapping.map((p) => p.code)).to.deep.equal(['overlapping-numbers']);
    // A growing range is unbounded, so it overlaps any later range with its prefix.
    const growing = problemsOf({
      services: [{ ...bounded('a', 1, 499), numbering: { start: 1, end: 499 } }, bounded('b', 500, 799)],
      counters: [{ id: '1', services: ['a', 'b'] }],
    });
    expect(growing.map((p) => p.code)).to.deep.equal(['overlapping-numbers']);
  });

  it('lets services share one sequence only with the same prefix and numbering', () => {
    const shared = parseQueueConfig({
      services: [
        { ...hoTich, sequence: 'chung' },
        { ...chungThuc, prefix: 'A', sequence: 'chung' },
      ],
      counters: [{ id: '1', services: ['ho-tich', 'chung-thuc'] }],
    });
    expect(shared.services.get('chung-thuc')?.sequence).to.equal('chung');
    const mismatch = problemsOf({
      services: [
        { ...hoTich, sequence: 'chung' },
        { ...chungThuc, sequence: 'chung' },
      ],
      counters: [{ id: '1', services: ['ho-tich'] }],
    });
    expect(mismatch.map((p) => p.code)).to.deep.equal(['sequence-mismatch']);
  });

  it('validates sessions, the day start, closed dates and custom priority classes', () => {
    const problems = problemsOf({
      services: [{ ...hoTich, numbering: { reset: 'session' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      dayStartsAt: '25:00',
      closedDates: ['2026-02-30'],
      priorityClasses: [{ id: 'x', name: { vi: 'X', en: 'X' }, weight: -1 }],
      defaultPriority: 'y',
    });
    expect(problems.map((p) => `${p.path}:${p.code}`)).to.deep.equal([
      'priorityClasses.0.weight:invalid-integer',
      'defaultPriority:unknown-priority',
      'services.0.numbering.reset:no-sessions',
      'dayStartsAt:invalid-clock-time',
      'closedDates.0:invalid-date',
    ]);
    const sessions = problemsOf({
      services: [hoTich],
      counters: [{ id: '1', services: ['ho-tich'] }],
      sessions: [
        { id: 'chieu', name: { vi: 'Chiều', en: 'Afternoon' }, from: '12:00' },
        { id: 'sang', name: { vi: 'Sáng', en: 'Morning' }, from: '00:00' },
      ],
    });
    expect(sessions.map((p) => p.code)).to.deep.equal(['sessions-out-of-order']);
  });
});
