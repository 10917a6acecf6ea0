import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from './app.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-app-'));
const catalogue = join(dir, 'catalogue.json');
writeFileSync(catalogue, JSON.stringify({ version: '2026-11', procedures: [] }));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const target of TEST_DATABASES) {
  describe(`HTTP API basics on ${target.name}`, () => {
    async function app(options: { allowedOrigins?: string[]; catalogue?: string } = {}) {
      const db = await target.open();
      await migrate(db);
      return { db, app: createApp({ db, ...options }) };
    }

    it('reports its health and database', async () => {
      const { db, app: api } = await app();
      try {
        const res = await api.request('/api/health');
        expect(res.status).to.equal(200);
        expect(await res.json()).to.deep.equal({ ok: true, database: db.kind });
      } finally {
        await db.close();
      }
    });

    it('serves the configured catalogue, and says clearly when there is none', async () => {
      const { db, app: api } = await app({ catalogue });
      try {
        const res = await api.request('/api/catalogue');
        expect(res.headers.get('content-type')).to.contain('application/json');
        expect(await res.json()).to.deep.equal({ version: '2026-11', procedures: [] });
        const none = await createApp({ db }).request('/api/catalogue');
        expect(none.status).to.equal(404);
        const body = (await none.json()) as { error: { code: string; message: { vi: string; en: string } } };
        expect(body.error.code).to.equal('no-catalogue');
        expect(body.error.message.vi).to.contain('danh mục');
      } finally {
        await db.close();
      }
    });

    it('answers unknown API routes with a bilingual JSON 404', async () => {
      const { db, app: api } = await app();
      try {
        const res = await api.request('/api/nope', { method: 'POST' });
        expect(res.status).to.equal(404);
        const body = (await res.json()) as { error: { code: string; message: { en: string } } };
        expect(body.error).to.deep.include({ code: 'not-found' });
        expect(body.error.message.en).to.equal('No such API route');
      } finally {
        await db.close();
      }
    });

    it('allows browsers on the configured origins only', async () => {
      const { db, app: api } = await app({ allowedOrigins: ['https://xa-vi-du.gov.vn'] });
      try {
        const allowed = await api.request('/api/health', { headers: { Origin: 'https://xa-vi-du.gov.vn' } });
        expect(allowed.headers.get('access-control-allow-origin')).to.equal('https://xa-vi-du.gov.vn');
        // The dossier status reads Retry-After after a 429; a retry may check Idempotent-Replayed.
        const exposed = allowed.headers.get('access-control-expose-headers')?.toLowerCase().split(',');
        expect(exposed).to.include.members(['retry-after', 'idempotent-replayed', 'content-disposition']);
        const other = await api.request('/api/health', { headers: { Origin: 'https://evil.example' } });
        expect(other.headers.get('access-control-allow-origin')).to.equal(null);
        const preflight = await api.request('/api/queue/tickets', {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://xa-vi-du.gov.vn',
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'idempotency-key',
          },
        });
        expect(preflight.status).to.equal(204);
        expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).to.contain('idempotency-key');
      } finally {
        await db.close();
      }
    });
  });
}
