import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import {
  createRatingToken,
  DEFAULT_RATING_TOKEN_LIFETIME_SECONDS,
  RatingTokenError,
  type RatingTokenFailure,
  ratingLink,
  ratingTokenFromLink,
  verifyRatingToken,
} from './rating-token.js';

const SECRET = 'k8VqX2mN4pR7tY1wZ5aC9eG3jL6oQ0sU';
const OTHER = 'another-secret-of-at-least-32-bytes!';
const NOW = Date.UTC(2026, 2, 10, 2, 0);
const claims = { dossier: '000.00.35.H56-260310-0001', counter: '1', officer: 'nguyen-van-an' };

async function refusal(promise: Promise<unknown>): Promise<RatingTokenFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RatingTokenError) return error.reason;
    throw error;
  }
  expect.fail('expected a RatingTokenError');
}

/** Changes one character of the signed payload to another base64url character. */
function tamper(token: string): string {
  const parts = token.split('.');
  const body = parts[2] as string;
  const at = Math.floor(body.length / 2);
  const swapped = body[at] === 'A' ? 'B' : 'A';
  parts[2] = body.slice(0, at) + swapped + body.slice(at + 1);
  return parts.join('.');
}

describe('rating tokens', () => {
  it('round-trips the claims with a token id and validity', async () => {
    const token = await createRatingToken(claims, SECRET, { now: NOW, expiresInSeconds: 86_400, tokenId: 'tok-0001' });
    const verified = await verifyRatingToken(token, SECRET, { now: NOW + 3_600_000 });
    expect(verified).to.deep.equal({
      ...claims,
      tokenId: 'tok-0001',
      issuedAt: NOW,
      expiresAt: NOW + 86_400_000,
    });
    expect(token.startsWith('r1.')).to.equal(true);
    expect(token).to.match(/^[A-Za-z0-9._-]+$/);
  });

  it('gives each token a fresh random id and a 30-day default lifetime', async () => {
    const a = await verifyRatingToken(await createRatingToken({ counter: '2' }, SECRET, { now: NOW }), SECRET, {
      now: NOW,
    });
    const b = await verifyRatingToken(await createRatingToken({ counter: '2' }, SECRET, { now: NOW }), SECRET, {
      now: NOW,
    });
    expect(a.tokenId).to.not.equal(b.tokenId);
    expect(a.tokenId).to.have.length(22);
    expect(a.expiresAt - a.issuedAt).to.equal(DEFAULT_RATING_TOKEN_LIFETIME_SECONDS * 1000);
    expect(DEFAULT_RATING_TOKEN_LIFETIME_SECONDS).to.equal(30 * 86_400);
  });

  it('refuses tampered, wrong-secret, expired, replayed and malformed tokens with distinct reasons', async () => {
    const token = await createRatingToken(claims, SECRET, { now: NOW, expiresInSeconds: 600 });
    expect(await refusal(verifyRatingToken(tamper(token), SECRET, { now: NOW }))).to.equal('tampered');
    expect(await refusal(verifyRatingToken(token, OTHER, { now: NOW }))).to.equal('wrong-secret');
    expect(await refusal(verifyRatingToken(token, SECRET, { now: NOW + 600_000 }))).to.equal('expired');
    expect(await verifyRatingToken(token, SECRET, { now: NOW + 599_999 })).to.have.property('counter', '1');
    const used = new Set<string>();
    const first = await verifyRatingToken(token, SECRET, { now: NOW, isConsumed: (id) => used.has(id) });
    used.add(first.tokenId);
    expect(
      await refusal(verifyRatingToken(token, SECRET, { now: NOW, isConsumed: async (id) => used.has(id) })),
    ).to.equal('consumed');
    for (const bad of ['', 'r1.a.b', 'r2.a.b.c', `${token}x`, token.replace(/\.[^.]+$/, '.!!'), 'r1.x.y.z.w']) {
      expect(await refusal(verifyRatingToken(bad, SECRET, { now: NOW })), bad).to.equal('malformed');
    }
    const error = new RatingTokenError('expired');
    expect(error).to.be.instanceOf(MotcuaError);
    expect(error.problems[0]?.code).to.equal('token-expired');
    expect(error.problems[0]?.message.vi).to.equal('Mã đánh giá đã hết hạn');
  });

  it('detects any single-character change of the payload or signature', async () => {
    const token = await createRatingToken(claims, SECRET, { now: NOW, tokenId: 'tok-0002' });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat({ max: 63 }), async (position, replacement) => {
        const head = token.lastIndexOf('.', token.lastIndexOf('.') - 1) + 1;
        const at = head + (position % (token.length - head));
        if (token[at] === '.' || token[at] === alphabet[replacement]) return;
        const changed = token.slice(0, at) + alphabet[replacement] + token.slice(at + 1);
        const reason = await refusal(verifyRatingToken(changed, SECRET, { now: NOW }));
        expect(['tampered', 'malformed']).to.include(reason);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts tokens of any of several secrets while keys rotate', async () => {
    const old = await createRatingToken({ ticket: 'A012' }, OTHER, { now: NOW });
    const fresh = await createRatingToken({ ticket: 'A013' }, SECRET, { now: NOW });
    expect((await verifyRatingToken(old, [SECRET, OTHER], { now: NOW })).ticket).to.equal('A012');
    expect((await verifyRatingToken(fresh, [SECRET, OTHER], { now: NOW })).ticket).to.equal('A013');
  });

  it('refuses weak secrets, unbound claims and bad lifetimes', async () => {
    const problems = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (error) {
        if (error instanceof MotcuaError) return error.problems.map((p) => p.code);
        throw error;
      }
      expect.fail('should throw');
    };
    expect(await problems(() => createRatingToken({ counter: '1' }, 'short', { now: NOW }))).to.deep.equal([
      'weak-secret',
    ]);
    expect(await problems(() => createRatingToken({ officer: 'an' }, SECRET, { now: NOW }))).to.deep.equal([
      'missing-binding',
    ]);
    expect(
      await problems(() => createRatingToken({ counter: '' }, SECRET, { now: NOW, expiresInSeconds: 0, tokenId: 'x' })),
    ).to.deep.equal(['invalid-claim', 'missing-binding', 'invalid-lifetime', 'invalid-token-id']);
  });

  it('builds and reads rating links', () => {
    expect(ratingLink('https://example.vn/danh-gia', 'r1.a.b.c')).to.equal('https://example.vn/danh-gia?t=r1.a.b.c');
    expect(ratingLink('https://example.vn/rate?lang=vi#form', 'r1.a.b.c')).to.equal(
      'https://example.vn/rate?lang=vi&t=r1.a.b.c#form',
    );
    expect(ratingLink('https://example.vn/rate?', 'r1.a')).to.equal('https://example.vn/rate?t=r1.a');
    expect(ratingTokenFromLink('https://example.vn/rate?lang=vi&t=r1.a.b.c#form')).to.equal('r1.a.b.c');
    expect(ratingTokenFromLink('https://example.vn/rate?lang=vi')).to.equal(undefined);
    expect(ratingTokenFromLink('https://example.vn/rate')).to.equal(undefined);
  });

  it('encodes base64url canonically', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).to.match(/^[A-Za-z0-9_-]*$/);
        expect([...(decodeBase64Url(text) as Uint8Array)]).to.deep.equal([...bytes]);
      }),
    );
    expect(decodeBase64Url('a')).to.equal(undefined);
    expect(decodeBase64Url('_/')).to.equal(undefined);
    expect(decodeBase64Url('AB')).to.equal(undefined);
  });
});
