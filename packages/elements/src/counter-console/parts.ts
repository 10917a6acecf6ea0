// The console's parts that load later — without a token the officer's sign-in (session.ts) or, with `pair`, the
// counter tablet's pairing screen; the desk after the first load; the intake form when the officer opens it — each
// fetched with its strings and styles and wired to the console.
//
// Each loader is a function of the console, called with it as `this` (`loadDesk.call(console)`): written as the
// console's methods were, it minifies and compresses as they did (a parameter in place of `this` cost the first paint
// some 50 bytes gzip).
import { adoptStyles, type CSSResult, type ReactiveElement } from 'lit';
import { api } from '../internal/api-client.js';
import type { StringTable } from '../internal/i18n.js';
import type { CounterDesk } from './desk.js';
import { asTicket } from './ticket.js';
import type { ConsoleInternals } from './types.js';

/** Adds the strings and the styles (if any) that arrived with a part loaded later. */
function addPart(host: ConsoleInternals, strings: StringTable<string>, styles?: CSSResult): void {
  const { vi, en } = host.defaultStrings;
  host.defaultStrings = { vi: { ...vi, ...strings.vi }, en: { ...en, ...strings.en } };
  if (!styles) return;
  host.extraStyles.push(styles);
  if (host.shadowRoot) {
    adoptStyles(host.shadowRoot, [...(host.constructor as typeof ReactiveElement).elementStyles, ...host.extraStyles]);
  }
}

/** The pairing screen of a console with `pair`, fetched when it has no token. */
export async function loadPairing(this: ConsoleInternals): Promise<void> {
  const module = await import('../internal/pairing.js').catch(() => undefined);
  if (!module) {
    this.staffLoad = undefined;
    return;
  }
  addPart(this, module.pairingStrings, module.pairingStyles);
  this.pairing = new module.DevicePairing({
    requestUpdate: () => this.requestUpdate(),
    t: (key, params) => this.t(key, params),
    paired: (credential, device) => {
      this.counter = device?.counter ?? this.counter;
      this.token = credential;
    },
  });
  this.pairing.start();
  this.requestUpdate();
}

/** The sign-in and counter choice, fetched when the console has no token. */
export async function loadStaff(this: ConsoleInternals): Promise<void> {
  const module = await import('./session.js').catch(() => undefined);
  // Out of reach: the next update asks again.
  if (!module) {
    this.staffLoad = undefined;
    return;
  }
  addPart(this, module.sessionStrings);
  this.staff = new module.StaffSession(this);
  this.requestUpdate();
}

/** The desk, its strings and styles: fetched after the console's first load. */
export async function loadDesk(this: ConsoleInternals): Promise<CounterDesk> {
  const module = await import('./desk.js');
  addPart(this, module.deskStrings, module.deskStyles);
  this.desk = new module.CounterDesk(this, {
    t: (key, params) => this.t(key, params),
    // An absent body is a GET, an absent key a new one: the client reads `undefined` as not given.
    send: (path, body, key) =>
      api(`api/queue/counters/${encodeURIComponent(this.counter)}/${path}`, { token: this.token, body, key }),
    say: (info, error) => {
      this.info = info;
      this.error = error === undefined ? '' : typeof error === 'string' ? error : this.describe(error);
    },
    show: (ticket) => {
      this.ticket = asTicket(ticket) ?? this.ticket;
    },
  });
  return this.desk;
}

/** The intake form, its strings and styles, core's catalogue search: fetched when the officer first opens it. */
export async function loadIntake(this: ConsoleInternals): Promise<void> {
  const module = await import('./intake.js');
  addPart(this, module.intakeStrings, module.intakeStyles);
  this.intake = new module.DossierIntake(this, {
    t: (key, params) => this.t(key, params),
    receipt: () => {
      const receivedBy = this.officer.trim() || this.staff?.session?.user.displayName;
      return { ...(this.place.trim() ? { place: this.place.trim() } : {}), ...(receivedBy ? { receivedBy } : {}) };
    },
    print: async (slip) => {
      const { printReceipt } = await import('./receipt-print.js');
      printReceipt(
        {
          ...slip,
          paper: this.paper,
          language: this.language,
          t: (key, params) => this.t(key, params),
          statusUrl: this.statusUrl,
          ratingUrl: this.ratingUrl,
        },
        this.printer,
      );
    },
  });
  await this.intake.load();
}
