import { describe, it } from 'node:test';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import type { Context } from 'hono';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_DOSSIER } from '../dossiers/demo.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { clientAddress, isProxyEntry } from './client-address.js';

/** A request as `@hono/node-server` hands it over: the socket address in `env.incoming`. */
function request(remoteAddress: string | undefined, forwardedFor?: string): Context {
  const headers = new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });
  return {
    env: remoteAddress === undefined ? {} : { incoming: { socket: { remoteAddress } } },
    req: { header: (name: string) => headers.get(name) ?? undefined },
  } as unknown as Context;
}

describe('client address for rate limits', () => {
  it('is the socket address by default, whatever X-Forwarded-For says', () => {
    const clientOf = clientAddress();
    expect(clientOf(request('192.0.2.10', '198.51.100.1'))).to.equal('192.0.2.10');
    expect(clientOf(request('::ffff:192.0.2.10'))).to.equal('192.0.2.10');
    expect(clientOf(request('2001:db8::1', '198.51.100.1'))).to.equal('2001:db8::1');
    expect(clientOf(request(undefined, '198.51.100.1'))).to.equal('unknown');
  });

  it('reads X-Forwarded-For only from a trusted proxy, taking the right-most hop that is not a trusted proxy', () => {
    const clientOf = clientAddress(['loopback', '10.0.0.0/8']);
    // From the commune's proxy: the client its proxy saw, not the left-most (forgeable) entry.
    expect(clientOf(request('127.0.0.1', '203.0.113.7'))).to.equal('203.0.113.7');
    expect(clientOf(request('::1', '203.0.113.7'))).to.equal('203.0.113.7');
    expect(clientOf(request('127.0.0.1', 'forged-by-client, 198.51.100.1, 203.0.113.7'))).to.equal('203.0.113.7');
    // Two proxies of the commune in a row (10.1.2.3 forwarded to the local one).
    expect(clientOf(request('::ffff:127.0.0.1', '203.0.113.7, 10.1.2.3'))).to.equal('203.0.113.7');
    expect(clientOf(request('127.0.0.1', '[2001:db8::7]:51000, 10.1.2.3'))).to.equal('2001:db8::7');
    // A hop that is not an address stops the walk at the last trusted hop.
    expect(clientOf(request('127.0.0.1', 'garbage, 10.1.2.3'))).to.equal('10.1.2.3');
    // Every hop trusted: the left-most; no header: the proxy itself.
    expect(clientOf(request('127.0.0.1', '10.9.9.9, 10.1.2.3'))).to.equal('10.9.9.9');
    expect(clientOf(request('127.0.0.1'))).to.equal('127.0.0.1');
    // From anywhere else the header is ignored.
    expect(clientOf(request('192.0.2.10', '203.0.113.7'))).to.equal('192.0.2.10');
  });

  it('accepts addresses, CIDR ranges and loopback in the configuration and MOTCUA_TRUST_PROXY', () => {
    for (const entry of ['10.0.0.0/8', '192.168.1.1', 'fd00::/8', '::1', 'loopback']) {
      expect(isProxyEntry(entry), entry).to.equal(true);
    }
    for (const entry of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '', '*']) {
      expect(isProxyEntry(entry), entry).to.equal(false);
    }
    expect(() => clientAddress(['proxy.local'])).to.throw(/not an IP address/);
    const base = { MOTCUA_SECRET: 'x'.repeat(32), MOTCUA_DATA_DIR: '/nonexistent/motcua-test' };
    expect(loadConfig(base).trustProxy).to.deep.equal([]);
    expect(loadConfig({ ...base, MOTCUA_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).to.deep.equal([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ ...base, MOTCUA_TRUST_PROXY: 'proxy.local' })).to.throw(MotcuaError);
  });
});

// Sunday 2026-11-22, 10:00 in Vietnam.
const NOW = Date.UTC(2026, 10, 22, 3, 0);
const LIMITS = { perClient: { limit: 5, windowSeconds: 600 }, perCode: { limit: 1000, windowSeconds: 600 } };

for (const target of TEST_DATABASES) {
  describe(`dossier lookups per client behind a proxy on ${target.name}`, () => {
    const office = parseOffice(DEMO_OFFICE, { demo: true });
    const lookup = `/api/dossiers/${DEMO_DOSSIER.code}?pin=${DEMO_DOSSIER.pin}`;
    const from = (app: ReturnType<typeof createApp>, socket: string, forwardedFor: string) =>
      app.request(
        lookup,
        { headers: { 'x-forwarded-for': forwardedFor } },
        { incoming: { socket: { remoteAddress: socket } } },
      );

    it('counts each client behind the trusted proxy on its own', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db, office, now: () => NOW, trustProxy: ['loopback'], lookupLimits: LIMITS });
        // Five lookups per client: a sixth from one client behind the proxy is refused…
        for (let i = 0; i < 5; i++) {
          const res = await from(app, '127.0.0.1', '203.0.113.7');
          if (res.status !== 200) throw new Error(`lookup ${i}: ${res.status}`);
        }
        expect((await from(app, '127.0.0.1', '203.0.113.7')).status).to.equal(429);
        // …do not use up another client's lookups through the same proxy.
        expect((await from(app, '127.0.0.1', '203.0.113.8')).status).to.equal(200);
      } finally {
        await db.close();
      }
    });

    it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db, office, now: () => NOW, lookupLimits: LIMITS });
        for (let i = 0; i < 5; i++) {
          // A client writing a new address each time is still counted on its socket address.
          const res = await from(app, '192.0.2.10', `198.51.100.${i}`);
          if (res.status !== 200) throw new Error(`lookup ${i}: ${res.status}`);
        }
        expect((await from(app, '192.0.2.10', '198.51.100.250')).status).to.equal(429);
        expect((await from(app, '192.0.2.11', '198.51.100.250')).status).to.equal(200);
      } finally {
        await db.close();
      }
    });
  });
}
