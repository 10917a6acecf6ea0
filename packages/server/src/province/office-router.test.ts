import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Hono } from 'hono';
import { officeRouter } from './office-router.js';

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
});
