import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Hono } from 'hono';
import { OfficeRoutes, officeRouter } from './office-router.js';

/** An office app that answers with what it was asked: its id, the method, path, query and body. */
function echo(id: string): Hono {
  const app = new Hono();
  app.all('*', async (c) =>
    c.json({ office: id, method: c.req.method, path: c.req.path, query: c.req.query(), body: await c.req.text() }),
  );
  return app;
}

describe('the office router of a province instance', () => {
  const router = officeRouter([
    { id: 'xa-a', hosts: ['xa-a.vinhlong.gov.vn'], app: echo('xa-a') },
    { id: 'xa-b', hosts: ['xa-b.vinhlong.gov.vn', 'motcua.xa-b.vn'], app: echo('xa-b') },
  ]);
  const root = new Hono();
  root.route('/', router);
  root.get('/cdn/*', (c) => c.text('a file for everyone'));

  it('gives /o/<office>/… to that office without the prefix, with its query and body', async () => {
    const res = await root.request('/o/xa-b/api/dossiers?x=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"procedure":"1.004194"}',
    });
    expect(await res.json()).to.deep.equal({
      office: 'xa-b',
      method: 'POST',
      path: '/api/dossiers',
      query: { x: '1' },
      body: '{"procedure":"1.004194"}',
    });
  });

  it('gives /api/… to the office whose host name it came to, whatever the case and port', async () => {
    for (const [host, office] of [
      ['xa-a.vinhlong.gov.vn', 'xa-a'],
      ['XA-B.VinhLong.gov.vn:8443', 'xa-b'],
      ['motcua.xa-b.vn', 'xa-b'],
    ] as const) {
      const res = await root.request('/api/queue/board', { headers: { host } });
      expect((await res.json()).office, host).to.equal(office);
    }
  });

  it('answers an API request for no office with 404 unknown-office in both languages, and leaves other paths alone', async () => {
    for (const [path, host] of [
      ['/o/xa-z/api/health', 'xa-a.vinhlong.gov.vn'],
      ['/api/health', 'tinh.vinhlong.gov.vn'],
      ['/api/health', ''],
    ] as const) {
      const res = await root.request(path, { headers: host ? { host } : {} });
      expect(res.status, `${host}${path}`).to.equal(404);
      const { error } = await res.json();
      expect(error.code).to.equal('unknown-office');
      expect(error.message.vi).to.include('/o/<mã đơn vị>/api/');
      expect(error.message.en).to.include("the office's host name");
    }
    expect(await (await root.request('/cdn/motcua.js', { headers: { host: 'xa-a.vinhlong.gov.vn' } })).text()).to.equal(
      'a file for everyone',
    );
  });

  it('routes an office added while it runs, by id and host name, after asking onUnknown once per unknown request', async () => {
    const routes = new OfficeRoutes([{ id: 'xa-a', hosts: ['xa-a.vinhlong.gov.vn'], app: echo('xa-a') }]);
    let asked = 0;
    let later: (() => void) | undefined;
    const added = officeRouter(routes, {
      async onUnknown() {
        asked += 1;
        later?.();
      },
    });
    const office = async (path: string, host = 'tinh.vinhlong.gov.vn') => {
      const res = await added.request(path, { headers: { host } });
      return res.status === 200 ? (await res.json()).office : (await res.json()).error.code;
    };
    expect(await office('/o/xa-a/api/health')).to.equal('xa-a');
    expect(asked).to.equal(0);
    expect(await office('/o/xa-c/api/health')).to.equal('unknown-office');
    expect(asked).to.equal(1);
    // Added directly (a notice), then found by onUnknown (a notice missed).
    expect(
      routes.add({ id: 'xa-c', hosts: ['XA-C.vinhlong.gov.vn', 'xa-a.vinhlong.gov.vn'], app: echo('xa-c') }),
    ).to.deep.equal(['xa-a.vinhlong.gov.vn']);
    expect(await office('/o/xa-c/api/health')).to.equal('xa-c');
    expect(await office('/api/health', 'xa-c.vinhlong.gov.vn:8443')).to.equal('xa-c');
    expect(await office('/api/health', 'xa-a.vinhlong.gov.vn')).to.equal('xa-a');
    later = () => routes.add({ id: 'xa-d', hosts: ['xa-d.vinhlong.gov.vn'], app: echo('xa-d') });
    expect(await office('/api/health', 'xa-d.vinhlong.gov.vn')).to.equal('xa-d');
    expect(await office('/o/xa-d/api/health')).to.equal('xa-d');
    expect(asked).to.equal(2);
    expect(() => routes.add({ id: 'xa-d', hosts: [], app: echo('again') })).to.throw(/xa-d is routed already/);
  });
});
