// The console as its own modules see it (send-command.ts, parts.ts; the sign-in of session.ts, the desk and the intake
// form through narrower interfaces of their own): the properties, state and methods they read and change. The element
// hands them itself; what it keeps private from the page is reached through this type.

import type { CSSResult } from 'lit';
import type { EventDetail } from '../internal/base.js';
import type { Language, StringTable } from '../internal/i18n.js';
import type { DevicePairing, PairingStringKey } from '../internal/pairing.js';
import type { CounterAction, CounterTicket } from './counter-console.events.js';
import type { CounterConsoleStringKey } from './counter-console.strings.js';
import type { CounterDesk } from './desk.js';
import type { DossierIntake } from './intake.js';
import type { StaffSession } from './session.js';

/** The console's string keys: its own and, on a counter tablet, the pairing screen's. */
export type Key = CounterConsoleStringKey | PairingStringKey;

/** `<motcua-counter-console>` as its modules see it. */
export interface ConsoleInternals {
  counter: string;
  token: string;
  readonly catalogue: string;
  readonly place: string;
  readonly officer: string;
  readonly statusUrl: string;
  readonly ratingUrl: string;
  readonly paper: 'A5' | 'A4';
  readonly printer: (view: Window) => void;
  readonly language: Language;
  readonly shadowRoot: ShadowRoot | null;
  defaultStrings: StringTable<Key>;

  ticket: CounterTicket | undefined;
  transferService: string;
  busy: CounterAction | undefined;
  info: string;
  error: string;
  /** Idempotency keys of commands that got no answer, by what they asked: pressing again reuses the key. */
  readonly retryKeys: Map<string, string>;
  /** Rating tokens of finished tickets, by ticket id. */
  readonly ratingTokens: Map<string, string>;
  /** The office's priority classes, as the services answer gives them (the desk reads them). */
  priorities: unknown;
  /** The styles of the parts loaded later (desk, intake form), adopted after the element's own. */
  readonly extraStyles: CSSResult[];
  staffLoad: Promise<void> | undefined;
  staff: StaffSession | undefined;
  pairing: DevicePairing | undefined;
  desk: CounterDesk | undefined;
  intake: DossierIntake | undefined;

  t(key: Key, params?: Readonly<Record<string, string | number>>): string;
  emit<E extends keyof HTMLElementEventMap>(type: E, detail: EventDetail<E>): boolean;
  requestUpdate(): void;
  track<T>(work: Promise<T>): Promise<T>;
  allowed(action: CounterAction): boolean;
  acting(): boolean;
  auth(): { token: string; headers: Record<string, string> | undefined };
  run(action: CounterAction): Promise<boolean>;
  serviceName(id: string): string;
  describe(error: unknown, offline?: Key): string;
  focusField(id: string): void;
}
