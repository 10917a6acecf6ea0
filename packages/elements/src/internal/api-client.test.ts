import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ApiFailure, api } from './api-client.js';
import { apiRetrying } from './api-retry.js';
import { resetConfig } from './configure.js';
import { RequestsController } from './requests-controller.js';

interface Seen {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
  readonly credentials: RequestCredentials | undefined;
}

const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers });

describe('the API client (every element talks to the server through it)', () => {
  const realFetch = globalThis.fetch;
  let seen: Seen[] = [];
  const answer = (...answers: (Response | Error | 'hang')[]) => {
    globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      seen.push({
        url: String(input),
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        credentials: init.credentials,
      });
      const next = answers.length > 1 ? answers.shift() : answers[0];
      if (next === 'hang') {
        return new Promise((_resolve, reject) => {
          const abort = () => reject(new DOMException('aborted', 'AbortError'));
          // As fetch does, a signal aborted before the request rejects at once.
          if (init.signal?.aborted) abort();
          init.signal?.addEventListener('abort', abort);
        });
      }
      if (next instanceof Error) throw next;
      return (next as Response).clone();
    }) as typeof fetch;
  };
  const failure = async (promise: Promise<unknown>): Promise<ApiFailure> => {
    try {
      await promise;
    } catch (error) {
      expect(error).to.be.instanceOf(ApiFailure);
      return error as ApiFailure;
    }
    throw new Error('the request did not fail');
  };

  beforeEach(() => {
    seen = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    resetConfig();
  });

  it('sends JSON with the bearer token, same-origin credentials and answers the JSON', async () => {
    answer(json(200, { ok: 1 }));
    expect(await api('/api/x', { body: { a: 1 }, token: 'kiosk-secret', key: 'k1' })).to.deep.equal({ ok: 1 });
    const [request] = seen;
    expect(request?.url).to.equal(new URL('/api/x', location.href).href);
    expect(request?.method).to.equal('POST');
    expect(request?.headers.get('authorization')).to.equal('Bearer kiosk-secret');
    expect(request?.headers.get('content-type')).to.equal('application/json');
    expect(request?.body).to.deep.equal({ a: 1 });
    expect(new Request(request?.url ?? '').credentials, 'fetch’s default').to.equal('same-origin');
    expect(request?.credentials).to.equal(undefined);
  });

  it('puts an Idempotency-Key on every unsafe request (the caller’s, kept for a retry, else a new one)', async () => {
    answer(json(200, {}));
    await api('api/x', { method: 'DELETE' });
    await api('api/x', { body: {} });
    const [first, second] = seen.map((s) => s.headers.get('idempotency-key'));
    expect(first).to.match(/^[0-9a-f]{32}$/);
    expect(second)
      .to.match(/^[0-9a-f]{32}$/)
      .and.not.equal(first);
    seen = [];
    await api('api/x');
    expect(seen[0]?.headers.get('idempotency-key')).to.equal(null);
    expect(seen[0]?.headers.get('authorization')).to.equal(null);
    await api('api/x', { body: {}, key: 'kept-by-the-caller' });
    expect(seen[1]?.headers.get('idempotency-key')).to.equal('kept-by-the-caller');
    answer(new TypeError('Failed to fetch'), json(503), json(409, { error: { code: 'request-in-progress' } }));
    for (let i = 0; i < 3; i++) {
      expect((await failure(api('api/x', { body: {}, key: 'kept-by-the-caller' }))).transient).to.equal(true);
    }
  });

  it('reads the error body into one failure: code, vi/en message, problems with their paths, Retry-After', async () => {
    const problem = { path: '$.applicant.email', code: 'too-long', message: { vi: 'Email quá dài', en: 'Too long' } };
    answer(
      json(
        400,
        {
          error: {
            code: 'invalid-input',
            message: { vi: 'Dữ liệu không hợp lệ', en: 'Not valid' },
            problems: [problem, null, { path: '$.x' }],
          },
        },
        { 'retry-after': '7' },
      ),
    );
    const error = await failure(api('api/x', { body: {}, key: 'k' }));
    expect([error.status, error.code, error.text?.en, error.retryAfter]).to.deep.equal([
      400,
      'invalid-input',
      'Not valid',
      7,
    ]);
    expect(error.problems).to.deep.equal([problem]);
    expect(error.transient).to.equal(false);
  });

  it('tells a network failure, an abort and an unreadable answer apart', async () => {
    answer(new TypeError('Failed to fetch'));
    const network = await failure(api('api/x'));
    expect([network.status, network.code, network.transient]).to.deep.equal([0, 'network', true]);
    answer('hang');
    const controller = new AbortController();
    const aborted = failure(api('api/x', { signal: controller.signal }));
    controller.abort();
    const abortedError = await aborted;
    expect([abortedError.code, abortedError.transient]).to.deep.equal(['aborted', false]);
    answer(new Response('<html>proxy</html>', { status: 200 }));
    const unreadable = await failure(api('api/x'));
    expect([unreadable.status, unreadable.code, unreadable.transient]).to.deep.equal([200, 'malformed', true]);
    answer(new Response('<html>proxy</html>', { status: 502 }));
    const proxy = await failure(api('api/x'));
    expect([proxy.status, proxy.code, proxy.text, proxy.transient]).to.deep.equal([502, 'http', undefined, true]);
    answer(json(204));
    expect(await api('api/x', { method: 'DELETE', key: 'k' })).to.equal(undefined);
  });

  it('gives up on an attempt after its timeout, and tells it from the page’s abort', async () => {
    answer('hang');
    const timedOut = await failure(apiRetrying('api/x', {}, { timeoutMs: 30 }));
    expect([timedOut.status, timedOut.code, timedOut.transient]).to.deep.equal([0, 'timeout', true]);
    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(apiRetrying('api/x', { signal: controller.signal }, { timeoutMs: 5000 }));
    expect(aborted.code, 'a signal aborted before the request').to.equal('aborted');
  });

  it('retries what may pass with the same Idempotency-Key, and stops at an answer for good', async () => {
    answer(new TypeError('Failed to fetch'), json(503, {}), 'hang', json(201, { number: 'A001' }));
    const body = { service: 's' };
    expect(await apiRetrying('api/x', { body, key: 'one' }, { timeoutMs: 50, retryDelays: [1, 1, 1] })).to.deep.equal({
      number: 'A001',
    });
    const keys = seen.map((s) => s.headers.get('idempotency-key'));
    expect(keys).to.have.length(4);
    expect(keys, 'the caller’s key on every attempt').to.deep.equal(['one', 'one', 'one', 'one']);

    seen = [];
    answer(json(503, {}), json(422, { error: { code: 'invalid', message: { vi: 'Sai', en: 'Wrong' } } }));
    const refused = await failure(
      apiRetrying('api/x', { body, key: 'k' }, { timeoutMs: 1000, retryDelays: [1, 1, 1] }),
    );
    expect([refused.status, refused.code, seen.length]).to.deep.equal([422, 'invalid', 2]);

    seen = [];
    answer(json(500, {}));
    const spent = await failure(apiRetrying('api/x', { body, key: 'k' }, { timeoutMs: 1000, retryDelays: [1, 1] }));
    expect([spent.status, seen.length], 'every retry spent: the last failure').to.deep.equal([500, 3]);

    seen = [];
    answer(json(500, {}));
    await failure(apiRetrying('api/x', { body, key: 'k' }, { timeoutMs: 1000 }));
    expect(seen.length, 'no retry unless asked').to.equal(1);
  });

  it('aborts an element’s requests when it leaves the page', async () => {
    class Host extends LitElement {
      readonly requests = new RequestsController(this);
    }
    customElements.define('api-client-test-host', Host);
    const host = document.body.appendChild(new Host());
    answer('hang');
    const pending = failure(api('api/x', { signal: host.requests.signal }));
    host.remove();
    expect((await pending).code).to.equal('aborted');
    expect(host.requests.signal.aborted).to.equal(false);
  });
});
