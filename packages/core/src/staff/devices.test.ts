import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEVICE_KINDS,
  type DeviceView,
  isPairingClaim,
  normalizePairingCode,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  readDeviceView,
  readPairingCollected,
  readPairingStart,
  readPendingPairing,
} from './devices.js';

const kiosk: DeviceView = { id: 'd1', name: 'Kiosk sảnh', kind: 'kiosk', createdAt: '2026-12-04T01:00:00.000Z' };
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('pairing codes', () => {
  it('has no two letters read one for another', () => {
    for (const ambiguous of '0O1IL5S2Z8B') expect(PAIRING_CODE_ALPHABET).not.to.contain(ambiguous);
    expect(new Set(PAIRING_CODE_ALPHABET).size).to.equal(PAIRING_CODE_ALPHABET.length);
  });

  it('reads back any code typed in lower case, with spaces or dashes', () => {
    const letter = fc.constantFrom(...PAIRING_CODE_ALPHABET);
    const code = fc
      .array(letter, { minLength: PAIRING_CODE_LENGTH, maxLength: PAIRING_CODE_LENGTH })
      .map((l) => l.join(''));
    fc.assert(
      fc.property(code, fc.constantFrom('', ' ', '-', ' - '), (c, gap) => {
        const typed = `${c.slice(0, 3).toLowerCase()}${gap}${c.slice(3)}`;
        expect(normalizePairingCode(typed)).to.equal(c);
      }),
    );
  });

  it('refuses a code of the wrong length or with a letter outside the alphabet', () => {
    expect(normalizePairingCode('KX794')).to.equal(undefined);
    expect(normalizePairingCode('KX794MM')).to.equal(undefined);
    expect(normalizePairingCode('KX7O4M')).to.equal(undefined);
    expect(normalizePairingCode('KX7\u00d44M')).to.equal(undefined);
  });
});

describe('pairing claims', () => {
  it('accepts 32 random bytes as base64url and refuses short, padded or foreign strings', () => {
    expect(isPairingClaim('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP-_')).to.equal(true);
    expect(isPairingClaim('A'.repeat(42))).to.equal(false);
    expect(isPairingClaim(`${'A'.repeat(43)}=`)).to.equal(false);
    expect(isPairingClaim(`${'A'.repeat(43)}+/`)).to.equal(false);
    expect(isPairingClaim('A'.repeat(513))).to.equal(false);
    expect(isPairingClaim(43)).to.equal(false);
  });
});

describe('the devices wire readers', () => {
  it('read what the server answers, through JSON', () => {
    const start = { code: 'KX794M', expiresAt: '2026-12-04T01:10:00.000Z' };
    expect(readPairingStart(throughJson(start))).to.deep.equal(start);
    const pending = { code: 'KX794M', requestedAt: '2026-12-04T01:00:00.000Z', expiresAt: start.expiresAt };
    expect(readPendingPairing(throughJson(pending))).to.deep.equal(pending);
    const counter: DeviceView = {
      ...kiosk,
      id: 'd2',
      kind: 'counter',
      counter: '3',
      lastSeenAt: '2026-12-04T02:00:00.000Z',
      revokedAt: '2026-12-04T03:00:00.000Z',
    };
    expect(readDeviceView(throughJson(counter))).to.deep.equal(counter);
    const collected = { credential: 'c'.repeat(43), device: kiosk };
    expect(readPairingCollected(throughJson(collected))).to.deep.equal(collected);
  });

  it('refuse what lacks a field a screen needs, and leave out malformed optional fields', () => {
    expect(readPairingStart({ code: 'KX794M' })).to.equal(undefined);
    expect(readPairingStart('KX794M')).to.equal(undefined);
    expect(readPendingPairing({ code: 'KX794M', expiresAt: 'x' })).to.equal(undefined);
    expect(readPendingPairing(null)).to.equal(undefined);
    expect(readDeviceView({ ...kiosk, kind: 'printer' })).to.equal(undefined);
    expect(readDeviceView({ ...kiosk, name: 7 })).to.equal(undefined);
    expect(readDeviceView({ ...kiosk, counter: 3, lastSeenAt: null, extra: 'x' })).to.deep.equal(kiosk);
    expect(readPairingCollected({ credential: '', device: kiosk })).to.equal(undefined);
    expect(readPairingCollected({ credential: 'c', device: { ...kiosk, kind: undefined } })).to.equal(undefined);
  });

  it('know every kind a device may be paired as', () => {
    for (const kind of DEVICE_KINDS) expect(readDeviceView({ ...kiosk, kind })?.kind).to.equal(kind);
  });
});
