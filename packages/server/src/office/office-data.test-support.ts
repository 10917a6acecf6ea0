// Test support for moving and merging offices: an office's app, a morning of its work, its rows counted per table.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { call } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from './office.js';
import { OFFICE_TABLES } from './office-data.js';

export const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
export const NOW = Date.UTC(2026, 11, 2, 2, 0);
export const kiosk = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
export const counter = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };

/** The example catalogue with an agency code of the office's own (dossier codes carry it). */
export function catalogueWithAgency(code: string): string {
  const catalogue = JSON.parse(readFileSync(CATALOGUE, 'utf8')) as { agency: Record<string, string> };
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-office-data-')), 'catalogue.json');
  writeFileSync(file, JSON.stringify({ ...catalogue, agency: { ...catalogue.agency, code } }));
  return file;
}

/** The app of office `id` on `db` (not the demo office, which would add its sample dossier). */
export const officeApp = (db: Database, id: string, catalogue = CATALOGUE, now = NOW): Hono =>
  createApp({ db, catalogue, now: () => now, secret: 's'.repeat(40), office: parseOffice({ ...DEMO_OFFICE, id }) });

/** A served ticket with a dossier received and a rating: rows in most of an office's tables. */
export async function morning(app: Hono): Promise<{ code: string; pin: string }> {
  expect((await call(app, 'POST', '/api/queue/tickets', kiosk, { service: 'ho-tich' })).status).to.equal(201);
  const called = await call(app, 'POST', '/api/queue/counters/1/call-next', counter, {});
  const dossier = await call(app, 'POST', '/api/dossiers', counter, {
    procedure: '1.004194',
    applicant: { name: 'Trần Văn Chuyển', phone: '0905 123 456' },
    documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
  });
  expect(dossier.status, dossier.text).to.equal(201);
  const done = await call(app, 'POST', '/api/queue/counters/1/done', counter, { ticket: called.body.ticket.id });
  const rated = await call(
    app,
    'POST',
    '/api/ratings',
    { 'content-type': 'application/json' },
    {
      token: done.body.ratingToken,
      answers: { overall: 3 },
    },
  );
  expect(rated.status, rated.text).to.equal(201);
  return { code: dossier.body.code, pin: dossier.body.pin };
}

/** The office's rows, per table of {@link OFFICE_TABLES}. */
export const officeCounts = async (db: Database, office: string): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const { name } of OFFICE_TABLES) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${name} where office = $1`, [office]);
    out[name] = row?.n ?? 0;
  }
  return out;
};
