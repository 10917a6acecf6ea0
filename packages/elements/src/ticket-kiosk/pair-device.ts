// A kiosk device of its own (`pair` without a token): the pairing screen, fetched then with its strings and styles,
// which shows a pairing code until an admin approves the kiosk and hands it the credential it collected. A function of
// the element, called with it as `this`, as its screens are.
import { adoptStyles, type ReactiveElement } from 'lit';
import { addStrings } from './load-issuing.js';
import type { KioskInternals } from './types.js';

/** The pairing screen of a kiosk with `pair`, fetched when it has no token (again on the next update if offline). */
export async function loadPairing(this: KioskInternals): Promise<void> {
  const module = await import('../internal/pairing.js').catch(() => undefined);
  if (!module) {
    this.pairingLoad = undefined;
    return;
  }
  addStrings(module.pairingStrings);
  const { elementStyles } = this.constructor as typeof ReactiveElement;
  if (this.shadowRoot) adoptStyles(this.shadowRoot, [...elementStyles, module.pairingStyles]);
  this.pairing = new module.DevicePairing({
    kind: 'kiosk',
    requestUpdate: () => this.requestUpdate(),
    t: (key, params) => this.t(key, params),
    paired: (credential) => {
      this.token = credential;
    },
  });
  this.pairing.start();
  this.requestUpdate();
}
