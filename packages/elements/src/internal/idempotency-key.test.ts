import { expect } from '@open-wc/testing';
import { newIdempotencyKey } from './idempotency-key.js';

describe('newIdempotencyKey', () => {
  const getRandomValues = Object.getOwnPropertyDescriptor(Crypto.prototype, 'getRandomValues');
  const randomUUID = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID');
  afterEach(() => {
    if (getRandomValues) Object.defineProperty(Crypto.prototype, 'getRandomValues', getRandomValues);
    if (randomUUID) Object.defineProperty(Crypto.prototype, 'randomUUID', randomUUID);
  });

  it('is 32 lowercase hexadecimal digits (128 bits) from crypto.getRandomValues, different each time', () => {
    const lengths: number[] = [];
    const original = crypto.getRandomValues.bind(crypto);
    Object.defineProperty(Crypto.prototype, 'getRandomValues', {
      configurable: true,
      value: (array: Uint8Array) => {
        lengths.push(array.byteLength);
        return original(array);
      },
    });
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(lengths).to.deep.equal(Array(50).fill(16));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
  });

  it('needs no crypto.randomUUID (plain HTTP, Safari before 15.4)', () => {
    Object.defineProperty(Crypto.prototype, 'randomUUID', { configurable: true, value: undefined });
    expect(typeof crypto.randomUUID).to.equal('undefined');
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
  });
});
