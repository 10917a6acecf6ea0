import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { call } from './http/call.test-support.js';
import { demoOffice } from './office/office.js';
import { startServer } from './server.js';

// Bad settings are refused or corrected at start, never served silently.
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const GOOD = fileURLToPath(new URL('../../../examples/data/catalogue.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'motcua-settings-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The example catalogue with its first procedure's time limit and legal basis broken. */
function brokenCatalogue(): string {
  const catalogue = JSON.parse(readFileSync(GOOD, 'utf8'));
  catalogue.procedures[0].code = '';
  catalogue.procedures[1].channels = 'online';
  const file = join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify(catalogue));
  return file;
}

describe('settings checked at start', () => {
  it('reads a trailing-slash allowed origin as the origin browsers send, and refuses what is no origin', () => {
    const config = loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_ALLOWED_ORIGINS: 'http://localhost:8110/, *' });
    expect(config.allowedOrigins).to.deep.equal(['http://localhost:8110', '*']);
    let refused: unknown;
    try {
      loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_ALLOWED_ORIGINS: 'http://localhost:8110,xa-an-binh.gov.vn/page' });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(MotcuaError);
    expect((refused as MotcuaError).problems[0]?.path).to.deep.equal(['allowedOrigins', 1]);
  });

  it('answers CORS for an origin listed with a trailing slash', async () => {
    const db = await openPglite(join(dir, 'cors-db'));
    try {
      await migrate(db);
      const app = createApp({ db, allowedOrigins: ['http://localhost:8110/'] });
      const res = await app.request('/api/health', { headers: { origin: 'http://localhost:8110' } });
      expect(res.headers.get('access-control-allow-origin')).to.equal('http://localhost:8110');
    } finally {
      await db.close();
    }
  });

  it('refuses to start with a broken catalogue, listing every problem with its path', async () => {
    const db = await openPglite(join(dir, 'start-db'));
    let refused: unknown;
    try {
      await startServer(
        {
          ...loadConfig({ MOTCUA_DATA_DIR: dir }),
          port: 0,
          host: '127.0.0.1',
          catalogue: brokenCatalogue(),
          office: demoOffice(),
        },
        { db },
      );
    } catch (error) {
      refused = error;
    } finally {
      await db.close();
    }
    expect(String((refused as Error)?.message))
      .to.contain('$.procedures[0].code')
      .and.contain('$.procedures[1]');
  });

  it('tells the counter that the server is misconfigured, not that its request is wrong', async () => {
    const db = await openPglite(join(dir, 'request-db'));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await migrate(db);
      const app = createApp({ db, catalogue: brokenCatalogue() });
      const res = await call(
        app,
        'POST',
        '/api/dossiers',
        { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' },
        { procedure: '1.004194', applicant: { name: 'A' }, documents: [] },
      );
      expect(res.status).to.equal(503);
      expect(res.body.error.code).to.equal('catalogue-invalid');
    } finally {
      console.error = quiet;
      await db.close();
    }
  });

  it('motcua-server check-catalogue prints every problem with its path, and exits 1', () => {
    const bad = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'check-catalogue', brokenCatalogue()], {
      encoding: 'utf8',
    });
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.contain('$.procedures[0].code').and.contain('$.procedures[1].channels');
    const good = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'check-catalogue', GOOD], { encoding: 'utf8' });
    expect(good.status, good.stderr).to.equal(0);
    expect(good.stdout).to.contain('OK');
  });
});
