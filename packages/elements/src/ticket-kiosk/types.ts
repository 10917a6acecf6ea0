// <motcua-ticket-kiosk> as its own modules see it (services-screen.ts, take-number.ts, ticket-screen.ts, refusal.ts,
// voice.ts, pair-device.ts): the properties, state and methods they read and change. The element hands them itself; what it keeps
// private from the page is reached through this type.

import type { EventDetail } from '../internal/base.js';
import type { Language } from '../internal/i18n.js';
import type { DevicePairing, PairingStringKey } from '../internal/pairing.js';
import type { Announcer, SpeechEngine } from '../internal/speech/index.js';
import type { PaperWidth, PrintFrame } from './print-view.js';
import type { IssuedTicket, KioskService, KioskServices, ServerText, TicketWait } from './request.js';
import type { TicketKioskStringKey } from './ticket-kiosk.strings.js';

/** The kiosk's string keys: its own (the later screens' among them) and, for `pair`, the pairing screen's. */
export type Key = TicketKioskStringKey | PairingStringKey;

/** The issuing code and the strings of the screens after a press: fetched on the first touch or key press. */
export type Issuing = typeof import('./issuing.js');

/** The voice announcements (core's announcement text, Web Speech or recorded clips): loaded on the first touch. */
export type Speech = typeof import('../internal/speech/index.js');

/** What the kiosk shows. */
export type Screen = 'loading' | 'unavailable' | 'services' | 'issuing' | 'ticket' | 'refused';

/** A refusal as shown: a title, a body from the strings or the server's own text. */
export interface Refusal {
  readonly reason: string;
  readonly title: TicketKioskStringKey;
  readonly body?: TicketKioskStringKey;
  readonly message?: ServerText;
  /** The press can be tried again with the same idempotency key. */
  readonly retry: boolean;
}

/** A press whose answer never came: a new press of the same choice soon after reuses its key. */
export interface Pending {
  readonly service: string;
  readonly priority: string;
  readonly key: string;
  at: number;
}

/** `<motcua-ticket-kiosk>` as its modules see it. */
export interface KioskInternals {
  token: string;
  readonly paper: PaperWidth | '';
  readonly ticketUrl: string;
  readonly returnAfter: number;
  readonly noPriority: boolean;
  readonly timeout: number;
  readonly retryDelays: readonly number[];
  readonly silent: boolean;
  readonly voiceBase: string;
  readonly speech: SpeechEngine | undefined;
  readonly printer: (view: Window) => void;
  readonly language: Language;

  screen: Screen;
  catalogue: KioskServices | undefined;
  priorityOn: boolean;
  ticket: IssuedTicket | undefined;
  wait: TicketWait | undefined;
  refusal: Refusal | undefined;
  qr: typeof import('../internal/qr.js') | undefined;
  pairing: DevicePairing | undefined;
  pairingLoad: Promise<void> | undefined;
  readonly shadowRoot: ShadowRoot | null;
  requestUpdate(): void;
  pending: Pending | undefined;
  lastPress: { service: string; priority: string } | undefined;
  returnTimer: ReturnType<typeof setTimeout> | undefined;
  printFrame: PrintFrame | undefined;
  focusPending: boolean;
  speechLoad: Promise<Speech | undefined> | undefined;
  defaultEngine: SpeechEngine | undefined;
  announcer: Announcer | undefined;

  t(key: Key, params?: Readonly<Record<string, string | number>>): string;
  emit<E extends keyof HTMLElementEventMap>(type: E, detail: EventDetail<E>): boolean;
  track(promise: Promise<unknown>): void;
  text(value: ServerText): string;
  endpoint(path: string): string;
  opensLine(service: KioskService | undefined): string | undefined;
  priorityId(): string;
  serviceOf(id: string): KioskService | undefined;
  scheduleReturn(): void;
  readonly backToServices: () => void;
}
