import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import { loadConfig } from './config.js';
import { DEMO_OFFICE } from './office/office.js';
import { staticTokenWarnings } from './office/static-tokens.js';

/** An office of its own (the demo office's queue with tokens of 32 characters and more). */
const ownOffice = (id: string) => ({
  ...DEMO_OFFICE,
  id,
  name: { vi: `Xã ${id}`, en: `${id} commune` },
  queue: {
    ...DEMO_OFFICE.queue,
    counters: DEMO_OFFICE.queue.counters.map((c) => ({ ...c, token: `${id}-counter-${c.id}-${'x'.repeat(32)}` })),
  },
  kiosks: [{ id: 'kiosk', token: `${id}-kiosk-${'x'.repeat(32)}` }],
});

const dir = mkdtempSync(join(tmpdir(), 'motcua-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function refusal(load: () => unknown): MotcuaError {
  try {
    load();
  } catch (error) {
    if (error instanceof MotcuaError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('refuses a secret shorter than 32 bytes, naming the field in Vietnamese and English', () => {
    const fromEnv = refusal(() => loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(16) }));
    expect(fromEnv.problems[0]?.code).to.equal('secret-too-short');
    expect(fromEnv.problems[0]?.path).to.deep.equal(['secret']);
    expect(fromEnv.problems[0]?.message.vi).to.contain('MOTCUA_SECRET').and.contain('32 byte');
    expect(fromEnv.problems[0]?.message.en).to.contain('MOTCUA_SECRET').and.contain('32 bytes');

    const file = join(dir, 'motcua.config.json');
    writeFileSync(file, JSON.stringify({ secret: 'short-but-16-chr' }));
    const fromFile = refusal(() => loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir }));
    expect(fromFile.problems[0]?.message.en).to.contain('"secret"').and.contain(file);

    const stored = join(dir, 'stored');
    rmSync(stored, { recursive: true, force: true });
    loadConfig({ MOTCUA_DATA_DIR: stored }); // generates a 32-byte secret
    writeFileSync(join(stored, 'secret'), 'edited-by-hand\n');
    expect(refusal(() => loadConfig({ MOTCUA_DATA_DIR: stored })).problems[0]?.code).to.equal('secret-too-short');
  });

  it('counts bytes, not characters, and accepts 32 bytes', () => {
    // 11 × "ệ" is 11 characters but 33 bytes in UTF-8.
    expect(loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'ệ'.repeat(11) }).secret).to.equal('ệ'.repeat(11));
    expect(loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(32) }).secret).to.have.length(32);
    expect(refusal(() => loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(31) })).problems).to.have.length(
      1,
    );
  });

  it('reads which static folders any origin may load', () => {
    const file = join(dir, 'static.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        secret: 'x'.repeat(32),
        static: [
          { prefix: '/cdn/', dir: 'cdn', anyOrigin: true },
          { prefix: '/', dir: 'site' },
        ],
      }),
    );
    expect(loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir }).static).to.deep.equal([
      { prefix: '/cdn/', dir: join(dir, 'cdn'), anyOrigin: true },
      { prefix: '/', dir: join(dir, 'site') },
    ]);
  });

  it('keeps Idempotency-Key answers 24 hours unless configured otherwise', () => {
    const secret = { MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret).idempotencyRetentionHours).to.equal(24);
    expect(loadConfig({ ...secret, MOTCUA_IDEMPOTENCY_RETENTION_HOURS: '2' }).idempotencyRetentionHours).to.equal(2);
    const tooShort = refusal(() => loadConfig({ ...secret, MOTCUA_IDEMPOTENCY_RETENTION_HOURS: '0' }));
    expect(tooShort.problems[0]?.path).to.deep.equal(['idempotencyRetentionHours']);
  });

  it('sizes the PostgreSQL pool from the file or the environment, and refuses a pool too small to listen', () => {
    const secret = { MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret).databasePool).to.equal(undefined);
    expect(loadConfig({ ...secret, MOTCUA_DATABASE_POOL: '24' }).databasePool).to.equal(24);
    const one = refusal(() => loadConfig({ ...secret, MOTCUA_DATABASE_POOL: '1' }));
    expect(one.problems[0]?.path).to.deep.equal(['databasePool']);
    const words = refusal(() => loadConfig({ ...secret, MOTCUA_DATABASE_POOL: 'many' }));
    expect(words.problems[0]?.path).to.deep.equal(['databasePool']);
  });

  it('reads session lifetimes and the audit retention from the file and the environment', () => {
    const secret = { MOTCUA_DATA_DIR: dir, MOTCUA_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret).staff).to.deep.equal({});
    const file = join(dir, 'staff.json');
    writeFileSync(file, JSON.stringify({ staff: { sessionHours: 10, auditRetentionDays: 730 } }));
    expect(loadConfig({ ...secret, MOTCUA_CONFIG: file, MOTCUA_SESSION_IDLE_MINUTES: '60' }).staff).to.deep.equal({
      sessionHours: 10,
      auditRetentionDays: 730,
      sessionIdleMinutes: 60,
    });
    const tooShort = refusal(() => loadConfig({ ...secret, MOTCUA_AUDIT_RETENTION_DAYS: '7' }));
    expect(tooShort.problems[0]?.path).to.deep.equal(['staff', 'auditRetentionDays']);
    expect(tooShort.problems[0]?.message.vi).to.be.a('string');
  });

  it("reads a province deployment's offices, their catalogues and host names, relative to the file", () => {
    const officeFile = (id: string) => {
      const file = join(dir, `${id}.json`);
      writeFileSync(file, JSON.stringify(ownOffice(id)));
      return `${id}.json`;
    };
    const file = join(dir, 'province.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        databaseUrl: 'postgres://motcua@db/motcua',
        catalogue: 'tinh.json',
        offices: [
          { office: officeFile('xa-a'), hosts: ['Xa-A.VinhLong.gov.vn'] },
          { office: officeFile('xa-b'), catalogue: 'xa-b-catalogue.json' },
          { office: ownOffice('xa-c') },
        ],
      }),
    );
    const config = loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir });
    expect(config.offices?.map((o) => [o.office.id, o.catalogue, o.hosts])).to.deep.equal([
      ['xa-a', join(dir, 'tinh.json'), ['xa-a.vinhlong.gov.vn']],
      ['xa-b', join(dir, 'xa-b-catalogue.json'), []],
      ['xa-c', join(dir, 'tinh.json'), []],
    ]);
    // Each static token is named where it is written: in the office's own file, or inline in the province's.
    const [a, , c] = (config.offices ?? []).map((o) => staticTokenWarnings(o.office));
    expect(a?.[0]).to.contain(`$.queue.counters[0].token in ${join(dir, 'xa-a.json')}:`);
    expect(a?.at(-1)).to.contain(`$.kiosks[0].token in ${join(dir, 'xa-a.json')}:`);
    expect(c?.[0]).to.contain(`$.offices[2].office.queue.counters[0].token in ${file}:`);
    expect(loadConfig({ MOTCUA_DATA_DIR: dir }).offices).to.equal(undefined);
  });

  it('refuses offices without PostgreSQL, next to "office", twice, or sharing a host name, with every problem', () => {
    const file = join(dir, 'bad-province.config.json');
    const office = ownOffice;
    writeFileSync(
      file,
      JSON.stringify({
        office: office('xa-a'),
        offices: [
          { office: office('xa-a'), hosts: ['xa-a.gov.vn'] },
          { office: office('xa-a'), hosts: ['XA-A.gov.vn'] },
          { office: { ...office('xa-c'), id: 'Xã C' } },
        ],
      }),
    );
    const refused = refusal(() => loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir }));
    expect(refused.problems.map((p) => [p.code, p.path.join('.')])).to.deep.include.members([
      ['offices-need-postgres', 'offices'],
      ['office-and-offices', 'office'],
      ['duplicate-office', 'offices.1.office.id'],
      ['duplicate-host', 'offices.1.hosts.0'],
    ]);
    expect(refused.problems.some((p) => p.path[0] === 'offices' && p.path[1] === 2)).to.equal(true);
    for (const p of refused.problems) expect(p.message.vi.length * p.message.en.length).to.be.greaterThan(0);
  });
});
