import { expect } from '@open-wc/testing';
import { PAIRED_DEVICE_KEY, pairedCredential } from './paired-device.js';
import { PAIRED_ENTRY } from './pairing.js';

describe('the paired device’s credential', () => {
  afterEach(() => localStorage.removeItem(PAIRED_DEVICE_KEY));

  it('is read from the entry the pairing screen writes, and a damaged entry is no credential', () => {
    expect(PAIRED_ENTRY, 'the pairing screen and the rating form use one entry').to.equal(PAIRED_DEVICE_KEY);
    expect(pairedCredential()).to.equal(undefined);
    localStorage.setItem(PAIRED_DEVICE_KEY, JSON.stringify({ credential: 'k3v', device: { counter: '1' } }));
    expect(pairedCredential()).to.equal('k3v');
    localStorage.setItem(PAIRED_DEVICE_KEY, '{not json');
    expect(pairedCredential()).to.equal(undefined);
    localStorage.setItem(PAIRED_DEVICE_KEY, JSON.stringify({ credential: 42 }));
    expect(pairedCredential()).to.equal(undefined);
  });
});
