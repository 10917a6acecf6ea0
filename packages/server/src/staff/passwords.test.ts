import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ApiError } from '../http/errors.js';
import {
  hashParameters,
  hashPassword,
  MAX_CONCURRENT_HASHES,
  MAX_WAITING_HASHES,
  needsRehash,
  SCRYPT_PARAMETERS,
  verifyPassword,
} from './passwords.js';
import { TEST_SCRYPT } from './staff.test-support.js';

describe('password hashes', () => {
  it('use OWASP’s scrypt parameters and record them with a random salt', async () => {
    expect(SCRYPT_PARAMETERS).to.deep.equal({ N: 131_072, r: 8, p: 1 });
    const stored = await hashPassword('một mật khẩu dài');
    expect(stored).to.match(/^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.to.equal(await hashPassword('một mật khẩu dài'));
    expect(await verifyPassword('một mật khẩu dài', stored)).to.equal(true);
    expect(await verifyPassword('một mật khẩu dàI', stored)).to.equal(false);
    expect(needsRehash(stored)).to.equal(false);
  });

  it('match a password typed in composed or decomposed Unicode, and refuse malformed hashes', async () => {
    const stored = await hashPassword('Hà Nội mùa thu', TEST_SCRYPT);
    expect(hashParameters(stored)).to.deep.equal(TEST_SCRYPT);
    expect(await verifyPassword('Hà Nội mùa thu'.normalize('NFD'), stored)).to.equal(true);
    for (const bad of [
      '',
      'plain',
      stored.replace('scrypt$', 'bcrypt$'),
      `${stored}$x`,
      stored.replace(/ln=\d+/, 'ln='),
    ]) {
      expect(await verifyPassword('Hà Nội mùa thu', bad), bad).to.equal(false);
    }
  });

  it('are hashed again when made with weaker parameters than today’s', async () => {
    expect(needsRehash(await hashPassword('mật khẩu cũ yếu', TEST_SCRYPT))).to.equal(true);
    expect(needsRehash('not a hash')).to.equal(true);
  });

  it('run at most a few at once, and turn a flood away instead of exhausting memory', async () => {
    const flood = Array.from({ length: MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 3 }, () =>
      hashPassword('một mật khẩu dài', TEST_SCRYPT).then(
        () => 'hashed',
        (error: unknown) => (error instanceof ApiError ? `${error.status} ${error.code}` : 'other'),
      ),
    );
    const outcomes = await Promise.all(flood);
    expect(outcomes.filter((o) => o === 'hashed')).to.have.length(MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES);
    expect(outcomes.slice(-3)).to.deep.equal(['503 busy', '503 busy', '503 busy']);
    // The queue drained: the next hash runs.
    expect(await hashPassword('một mật khẩu dài', TEST_SCRYPT)).to.match(/^scrypt\$ln=10,/);
  });
});
