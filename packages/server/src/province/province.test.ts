// A province instance: several offices on one PostgreSQL, as the application role, each at /o/<office>/ and at its
// host name; a second instance serves the same offices side by side.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BoardSnapshot } from '@motcua/core/queue';
import { expect } from 'chai';
import type { ServedOffice, ServerConfig } from '../config.js';
import { type ApplicationRoleDatabase, openAsApplicationRole } from '../db/application-role.test-support.js';
// Under CI=true it refuses to run without PostgreSQL, rather than skipping.
import '../db/databases.test-support.js';
import { openPostgres } from '../db/postgres.js';
import type { Json } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { type RunningServer, startServer } from '../server.js';
import { provinceConfig } from './province-config.test-support.js';

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'motcua-province-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = JSON.parse(readFileSync(new URL('../../../../examples/data/catalogue.json', import.meta.url), 'utf8'));
const secret = (id: string, what: string) => `${id}-${what}-${'s'.repeat(32)}`;

/** Office `id` with its own kiosk and counter tokens and its own catalogue (its own agency code). */
function served(id: string, agency: string, hosts: string[]): ServedOffice {
  const catalogue = join(dir, `${id}.json`);
  writeFileSync(catalogue, JSON.stringify({ ...EXAMPLE, agency: { ...EXAMPLE.agency, code: agency } }));
  const office = parseOffice({
    ...DEMO_OFFICE,
    id,
    name: { vi: `Xã ${id}`, en: `${id} commune` },
    queue: {
      ...DEMO_OFFICE.queue,
      counters: [{ id: '1', services: ['ho-tich'], token: secret(id, 'counter') }],
    },
    kiosks: [{ id: 'kiosk', token: secret(id, 'kiosk') }],
  });
  return { office, catalogue, hosts };
}

const config = (offices: ServedOffice[]): ServerConfig => provinceConfig(dir, { offices });

/** A request with a Host header of our choosing (fetch may not set one). */
function asHost(url: string, host: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: Json }>((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: { ...init.headers, host } }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('a province instance', { skip: !serverUrl && 'needs PostgreSQL' }, () => {
  let roles: ApplicationRoleDatabase;
  let first: RunningServer;
  let second: RunningServer;
  const offices = [served('xa-a', '000.00.41.H62', ['xa-a.vinhlong.gov.vn']), served('xa-b', '000.00.42.H62', [])];

  before(async () => {
    roles = await openAsApplicationRole(serverUrl as string);
    first = await startServer(config(offices), { db: roles.db });
    // A second instance on its own pool, as the application role too.
    second = await startServer(config(offices), { db: await openPostgres(roles.url, { max: 4 }) });
  });

  after(async () => {
    await second?.close();
    await first?.close();
    await roles?.close();
  });

  const ticket = (base: string, id: string, key: string) =>
    fetch(new URL(`o/${id}/api/queue/tickets`, base), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secret(id, 'kiosk')}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ service: 'ho-tich' }),
    });

  it('serves each office at /o/<office>/ with its own numbers, tokens and board, on either instance', async () => {
    const a1 = await ticket(first.url, 'xa-a', 'a1');
    expect(a1.status).to.equal(201);
    expect((await a1.json()).number).to.equal('A001');
    // The other office numbers from 1 too, through the other instance; the second instance continues xa-a's.
    expect((await (await ticket(second.url, 'xa-b', 'b1')).json()).number).to.equal('A001');
    expect((await (await ticket(second.url, 'xa-a', 'a2')).json()).number).to.equal('A002');
    // A kiosk token of xa-a is nobody at xa-b.
    const wrong = await fetch(new URL('o/xa-b/api/queue/tickets', first.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${secret('xa-a', 'kiosk')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'ho-tich' }),
    });
    expect(wrong.status).to.equal(401);
    // Each board is its own office's, by name and by what waits.
    const board = async (base: string, id: string) => {
      const snapshot = (await (await fetch(new URL(`o/${id}/api/queue/board`, base))).json()) as BoardSnapshot;
      return [snapshot.office?.id, snapshot.services?.find((s) => s.id === 'ho-tich')?.waiting];
    };
    expect(await board(first.url, 'xa-a')).to.deep.equal(['xa-a', 2]);
    expect(await board(first.url, 'xa-b')).to.deep.equal(['xa-b', 1]);
  });

  it('serves an office at its host name, and names both ways in when a request reaches no office', async () => {
    const byHost = await asHost(new URL('api/queue/tickets', first.url).toString(), 'XA-A.vinhlong.gov.vn', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret('xa-a', 'kiosk')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'ho-tich' }),
    });
    expect(byHost.status).to.equal(201);
    expect(byHost.body.number).to.equal('A003');
    for (const path of ['api/health', 'o/xa-z/api/health']) {
      const res = await fetch(new URL(path, first.url));
      expect(res.status, path).to.equal(404);
      expect((await res.json()).error.code).to.equal('unknown-office');
    }
    expect((await (await fetch(new URL('o/xa-b/api/health', second.url))).json()).ok).to.equal(true);
  });
});
