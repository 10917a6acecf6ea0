// Test support: a browser's Web Push subscription, and a push message read as its push service and the browser would.
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import webpush from 'web-push';
import type { Json } from '../http/call.test-support.js';
import type { Received } from './receivers.test-support.js';

const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(body: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};

/** The office's VAPID keys for the tests. */
export const VAPID = webpush.generateVAPIDKeys();

/** The office's Web Push channel with {@link VAPID}. */
export const PUSH_CHANNEL = {
  id: 'push',
  kind: 'web-push',
  publicKey: VAPID.publicKey,
  privateKey: VAPID.privateKey,
  subject: 'mailto:mot-cua@xa-mau.gov.vn',
} as const;

/** A browser's subscription: its ECDH key pair and auth secret, and the endpoint its push service gave it. */
export function browser(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  return {
    ecdh,
    auth,
    subscription: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } },
  };
}

/** The payload of a push message, decrypted (aes128gcm) with the browser's private key. */
export function decrypted(r: Received, who: ReturnType<typeof browser>): Json {
  expect(r.headers['content-encoding']).to.equal('aes128gcm');
  return JSON.parse(
    ece.decrypt(r.raw, { version: 'aes128gcm', privateKey: who.ecdh, authSecret: who.auth }).toString('utf8'),
  );
}

/** Checks the VAPID `Authorization: vapid t=<jwt>, k=<key>` header; answers the JWT's claims. */
export function vapidClaims(r: Received): Json {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(r.headers.authorization ?? '');
  expect(match, r.headers.authorization).to.not.equal(null);
  const [, jwt, key] = match as unknown as [string, string, string];
  expect(key).to.equal(VAPID.publicKey);
  const [header, claims, signature] = jwt.split('.') as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(ok, 'VAPID signature').to.equal(true);
  return JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
}
