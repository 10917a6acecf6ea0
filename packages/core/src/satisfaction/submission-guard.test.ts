import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { createSubmissionGuard } from './submission-guard.js';

const T0 = Date.UTC(2026, 2, 10, 2, 0);

describe('submission guard', () => {
  it('drops honeypot submissions and counts them', () => {
    const guard = createSubmissionGuard({ limit: 5, windowSeconds: 60 });
    expect(guard.check({ key: 'tablet-1', now: T0, honeypot: 'http://spam.example' })).to.deep.equal({
      accepted: false,
      reason: 'honeypot',
    });
    expect(guard.check({ key: 'tablet-1', now: T0, honeypot: '' })).to.deep.equal({ accepted: true });
    expect(guard.stats()).to.deep.equal({ accepted: 1, honeypot: 1, rateLimited: 0 });
  });

  it('limits each key separately, so many tokens from one office are all accepted', () => {
    const guard = createSubmissionGuard({ limit: 1, windowSeconds: 600 });
    for (let i = 0; i < 50; i++) expect(guard.check({ key: `token-${i}`, now: T0 + i }).accepted).to.equal(true);
    expect(guard.stats().accepted).to.equal(50);
  });

  it('rate-limits a key within its sliding window and says when to retry', () => {
    const guard = createSubmissionGuard({ limit: 3, windowSeconds: 60 });
    for (const s of [0, 10, 20]) expect(guard.check({ key: 'qr-quay-2', now: T0 + s * 1000 }).accepted).to.equal(true);
    expect(guard.check({ key: 'qr-quay-2', now: T0 + 30_000 })).to.deep.equal({
      accepted: false,
      reason: 'rate-limited',
      retryAfterSeconds: 30,
    });
    expect(guard.check({ key: 'qr-quay-2', now: T0 + 60_001 }).accepted).to.equal(true);
    expect(guard.stats()).to.deep.equal({ accepted: 4, honeypot: 0, rateLimited: 1 });
  });

  it('never accepts more than the limit for one key in any window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 80 }),
        (limit, windowSeconds, offsets) => {
          const guard = createSubmissionGuard({ limit, windowSeconds });
          const times = [...offsets].sort((a, b) => a - b);
          const acceptedAt = times.filter((t) => guard.check({ key: 'k', now: T0 + t }).accepted);
          for (const t of acceptedAt) {
            const inWindow = acceptedAt.filter((u) => u > t - windowSeconds * 1000 && u <= t).length;
            expect(inWindow).to.be.at.most(limit);
          }
          const stats = guard.stats();
          expect(stats.accepted + stats.rateLimited).to.equal(times.length);
        },
      ),
    );
  });

  it('rejects bad settings and submissions without a key', () => {
    expect(() => createSubmissionGuard({ limit: 0, windowSeconds: 0 })).to.throw(MotcuaError);
    const guard = createSubmissionGuard({ limit: 1, windowSeconds: 1 });
    expect(() => guard.check({ key: '', now: T0 })).to.throw(MotcuaError);
  });
});
