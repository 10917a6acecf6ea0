import { expect } from '@open-wc/testing';
import { newIdempotencyKey } from './idempotency-key.js';

describe('newIdempotencyKey', () => {
  const randomUUID = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID');
  afterEach(() => {
    if (randomUUID) Object.defineProperty(Crypto.prototype, 'randomUUID', randomUUID);
  });

  it('is 32 lowercase hexadecimal digits from crypto.randomUUID, different each time', () => {
    let calls = 0;
    const uuid = crypto.randomUUID.bind(crypto);
    Object.defineProperty(Crypto.prototype, 'randomUUID', {
      configurable: true,
      value: () => {
        calls++;
        return uuid();
      },
    });
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(calls).to.equal(50);
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
  });

  it('falls back to crypto.getRandomValues where randomUUID is missing (plain HTTP, Safari before 15.4)', () => {
    Object.defineProperty(Crypto.prototype, 'randomUUID', { configurable: true, value: undefined });
    expect(typeof crypto.randomUUID).to.equal('undefined');
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
  });
});
