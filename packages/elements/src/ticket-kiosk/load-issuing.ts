// What the kiosk fetches on the first touch or key press — the issuing code with the strings of the screens after a
// press (issuing.ts) — and every string it has so far.
import type { StringTable } from '../internal/i18n.js';
import { TICKET_KIOSK_STRINGS } from './ticket-kiosk.strings.js';
import type { Issuing, Key } from './types.js';

let issuingLoad: Promise<Issuing> | undefined;

/**
 * Every string the kiosk has so far. Before the issuing code arrives only the services screen's (and the offline
 * refusal's) are there; the other keys are asked for only by screens shown after it arrived.
 */
export let allStrings = TICKET_KIOSK_STRINGS as StringTable<Key>;

/** Adds strings that came with a part loaded later (the later screens', the pairing screen's). */
export function addStrings(table: StringTable<string>): void {
  allStrings = { vi: { ...allStrings.vi, ...table.vi }, en: { ...allStrings.en, ...table.en } };
}

/** Fetches the issuing code, once; a failed fetch (offline when it was asked for) is tried again on the next press. */
export function loadIssuing(): Promise<Issuing> {
  issuingLoad ??= import('./issuing.js').then(
    (loaded) => {
      addStrings(loaded.TICKET_KIOSK_LATER_STRINGS);
      return loaded;
    },
    (error: unknown) => {
      issuingLoad = undefined; // offline when it was asked for: the next press tries again
      throw error;
    },
  );
  return issuingLoad;
}
