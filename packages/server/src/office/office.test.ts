import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import { loadConfig } from '../config.js';
import { DEFAULT_RATE_LIMITS, DEMO_OFFICE, demoOffice, parseOffice } from './office.js';
import { staticTokenWarnings } from './static-tokens.js';

/** Static tokens as long as the service asks outside the demo office. */
const COUNTER_TOKEN = 'counter-1-7Hq2xN5vR8kLp3Wm9TzB4cYd';
const KIOSK_TOKEN = 'kiosk-1-Jf6Gs2Vn8Qw4Er7Ty1Ui5Op3As';

const dir = mkdtempSync(join(tmpdir(), 'motcua-office-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const office = {
  id: 'xa-an-binh',
  name: { vi: 'UBND xã An Bình', en: 'An Binh Commune' },
  queue: {
    services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
    counters: [{ id: '1', services: ['ho-tich'], token: 'counter-1-secret' }],
  },
  kiosks: [{ id: 'kiosk-1', token: 'kiosk-1-secret' }],
  rateLimits: { tickets: { limit: 10, windowSeconds: 60 } },
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof MotcuaError) return error.problems.map((p) => `${p.path.join('.')} ${p.code}`);
    throw error;
  }
  return [];
}

describe('office configuration', () => {
  it('serves a usable demo office by default', () => {
    const demo = demoOffice();
    expect([...demo.queue.services.keys()]).to.deep.equal(['ho-tich', 'dat-dai', 'chung-thuc']);
    expect(demo.counterForToken('demo-counter-2')).to.equal('2');
    expect(demo.kioskForToken('demo-kiosk')).to.equal('kiosk');
    expect(demo.demo).to.equal(true);
    expect(demo.rateLimits).to.deep.equal(DEFAULT_RATE_LIMITS);
    expect(loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(32) }).office.id).to.equal(DEMO_OFFICE.id);
  });

  it('finds counters and kiosks by their tokens, and nothing for other strings', () => {
    const parsed = parseOffice(office);
    expect(parsed.counterForToken('counter-1-secret')).to.equal('1');
    expect(parsed.counterForToken('kiosk-1-secret')).to.equal(undefined);
    expect(parsed.kioskForToken('kiosk-1-secret')).to.equal('kiosk-1');
    expect(parsed.kioskForToken('')).to.equal(undefined);
    expect(parsed.rateLimits.tickets).to.deep.equal({ limit: 10, windowSeconds: 60 });
    expect(parsed.rateLimits.ratings).to.deep.equal(DEFAULT_RATE_LIMITS.ratings);
    // Core gets the counters without their tokens.
    expect(parsed.queue.counters.get('1')).to.deep.equal({ id: '1', label: '1', services: ['ho-tich'] });
  });

  it('checks the queue with core and names every problem with its path', () => {
    const bad = {
      ...office,
      queue: {
        services: [{ id: 'ho-tich', prefix: 'a1', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
        counters: [{ id: '1', services: ['nope'], token: 'counter-1-secret' }],
      },
    };
    const problems = problemsOf(() => parseOffice(bad));
    expect(problems).to.include('queue.services.0.prefix invalid-prefix');
    expect(problems.some((p) => p.startsWith('queue.counters.0.services'))).to.equal(true);
  });

  it('refuses short and shared tokens', () => {
    const short = { ...office, kiosks: [{ id: 'k', token: 'short' }] };
    expect(problemsOf(() => parseOffice(short))).to.deep.equal(['kiosks.0.token invalid-office']);
    const empty = { ...office, queue: { ...office.queue, counters: [{ id: '1', services: ['ho-tich'], token: '' }] } };
    expect(problemsOf(() => parseOffice(empty))[0]).to.contain('queue.counters.0.token');
    const shared = { ...office, kiosks: [{ id: 'kiosk-1', token: 'counter-1-secret' }] };
    expect(problemsOf(() => parseOffice(shared))).to.deep.equal(['kiosks.0.token duplicate-token']);
  });

  it('takes an office without static tokens, whose devices are all paired: no token reaches its counters', () => {
    const paired = parseOffice({
      ...office,
      queue: { ...office.queue, counters: [{ id: '1', services: ['ho-tich'] }] },
      kiosks: undefined,
    });
    expect(paired.staticTokens).to.deep.equal([]);
    expect(staticTokenWarnings(paired)).to.deep.equal([]);
    expect(paired.queue.counters.has('1')).to.equal(true);
    for (const presented of ['', 'undefined', 'counter-1-secret', 'kiosk-1-secret']) {
      expect(paired.counterForToken(presented), presented).to.equal(undefined);
      expect(paired.kioskForToken(presented), presented).to.equal(undefined);
    }
  });

  it('reads the office from the configuration file, inline or as a file of its own', () => {
    const long = {
      ...office,
      queue: { ...office.queue, counters: [{ ...office.queue.counters[0], token: COUNTER_TOKEN }] },
      kiosks: [{ id: 'kiosk-1', token: KIOSK_TOKEN }],
    };
    const officeFile = join(dir, 'office.json');
    writeFileSync(officeFile, JSON.stringify(long));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ office: 'office.json', secret: 'x'.repeat(32), dataDir: '.' }));
    expect(loadConfig({ MOTCUA_CONFIG: config }).office.id).to.equal('xa-an-binh');
    writeFileSync(config, JSON.stringify({ office: long, secret: 'x'.repeat(32), dataDir: '.' }));
    expect(loadConfig({ MOTCUA_CONFIG: config }).office.counterForToken(COUNTER_TOKEN)).to.equal('1');
    expect(loadConfig({ MOTCUA_OFFICE: officeFile, MOTCUA_DATA_DIR: dir }).office.demo).to.equal(false);
  });

  it('refuses to start with a static token shorter than 32 characters outside the demo office, naming where it is', () => {
    const shortFile = join(dir, 'short-office.json');
    writeFileSync(shortFile, JSON.stringify({ ...office, kiosks: [{ id: 'kiosk-1', token: KIOSK_TOKEN }] }));
    let refused: MotcuaError | undefined;
    try {
      loadConfig({ MOTCUA_OFFICE: shortFile, MOTCUA_DATA_DIR: dir });
    } catch (error) {
      refused = error as MotcuaError;
    }
    expect(refused?.problems.map((p) => `${p.path.join('.')} ${p.code}`)).to.deep.equal([
      'queue.counters.0.token static-token-too-short',
    ]);
    expect(refused?.problems[0]?.message.en).to.equal(
      `The static token $.queue.counters[0].token in ${shortFile} has only 16 characters; it needs at least 32 (make one with \`openssl rand -base64 32\`), or remove it and pair the device`,
    );
    expect(refused?.problems[0]?.message.vi).to.contain('chỉ có 16 ký tự');
    expect(refused?.message).not.to.contain('counter-1-secret');
    // Inline in the configuration file: the error names that file.
    const config = join(dir, 'inline-short.json');
    writeFileSync(config, JSON.stringify({ office, secret: 'x'.repeat(32), dataDir: '.' }));
    expect(() => loadConfig({ MOTCUA_CONFIG: config })).to.throw(MotcuaError, config);
    expect(problemsOf(() => loadConfig({ MOTCUA_CONFIG: config }))).to.deep.equal([
      'office.queue.counters.0.token static-token-too-short',
      'office.kiosks.0.token static-token-too-short',
    ]);
    // The demo office's public tokens serve the demonstration.
    expect(loadConfig({ MOTCUA_DATA_DIR: dir }).office.demo).to.equal(true);
  });

  it('names each static token at start, never printing it, and says nothing of the demo office’s', () => {
    const config = join(dir, 'inline-long.json');
    const long = {
      ...office,
      queue: { ...office.queue, counters: [{ id: '1', services: ['ho-tich'], token: COUNTER_TOKEN }] },
      kiosks: [{ id: 'kiosk-1', token: KIOSK_TOKEN }],
    };
    writeFileSync(config, JSON.stringify({ office: long, secret: 'x'.repeat(32), dataDir: '.' }));
    const lines = staticTokenWarnings(loadConfig({ MOTCUA_CONFIG: config }).office);
    expect(lines).to.have.length(2);
    expect(lines[0]).to.contain(`$.office.queue.counters[0].token in ${config}:`);
    expect(lines[1]).to.contain(`$.office.kiosks[0].token in ${config}:`);
    // Without the configuration, the path in the office object.
    expect(staticTokenWarnings(parseOffice(long))[1]).to.contain('motcua-server: $.kiosks[0].token:');
    expect(lines.join('\n')).not.to.contain(KIOSK_TOKEN).and.not.to.contain('counter-1-secret');
    expect(staticTokenWarnings(demoOffice())).to.deep.equal([]);
  });

  it('keeps the board public unless the office makes it private', () => {
    expect(parseOffice(office).board).to.equal('public');
    expect(parseOffice({ ...office, board: 'private' }).board).to.equal('private');
    expect(problemsOf(() => parseOffice({ ...office, board: 'secret' }))).to.deep.equal(['board invalid-office']);
  });
});
