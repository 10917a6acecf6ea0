// <motcua-procedure-list> as its own modules see it (take-catalogue.ts, search.ts, render-list.ts, show-detail.ts): the
// properties, state and methods they read and change. The element hands them itself; what it keeps private from the
// page is reached through this type.

import type {
  Catalogue,
  OnlineLevel,
  Procedure,
  ProcedureLevel,
  SearchIndex,
  SearchPage,
} from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';
import type { TemplateResult } from 'lit';
import type { EventDetail } from '../internal/base.js';
import type { Language, StringTable } from '../internal/i18n.js';
import type { ProcedureListDetailKey, ProcedureListKey } from './procedure-list.strings.js';
import type { CatalogueProblem } from './validate.js';

/** What the element shows. */
export type Status = 'empty' | 'loading' | 'ready' | 'failed' | 'invalid';

/** `<motcua-procedure-list>` as its modules see it. */
export interface ListInternals {
  readonly src: string;
  readonly pageSize: number;
  readonly abbreviations: Readonly<Record<string, string>> | undefined;
  readonly headingLevel: number;
  readonly isConnected: boolean;
  readonly language: Language;
  readonly shadowRoot: ShadowRoot | null;

  status: Status;
  problems: readonly CatalogueProblem[];
  failure: string;
  data: Catalogue | undefined;
  query: string;
  field: string;
  level: ProcedureLevel | '';
  online: OnlineLevel | '';
  immediateOnly: boolean;
  shown: number;
  announced: { readonly count: number; readonly filtered: boolean } | undefined;
  printFailed: boolean;
  readonly noDeepLinks: boolean;
  /** The procedure a click just chose (and announced); the `hashchange` that follows opens it quietly. */
  clicked: Procedure | undefined;
  /** The first procedure "show more" added, which gets the focus. */
  firstNew: number;
  focusAfterRender: 'detail' | 'list' | 'more' | undefined;
  /** The procedure shown in detail. */
  selected: Procedure | undefined;
  /** The procedure last shown in detail, to focus again in the list. */
  lastSelected: Procedure | undefined;
  /** Whether the open detail view added the history entry the back button removes. */
  pushedHistory: boolean;
  qr: typeof import('../internal/qr.js') | undefined;
  /** The detail view's code and styles, fetched when a procedure is first opened. */
  detail: typeof import('./detail.js') | undefined;
  /** The detail view's code could not be downloaded: the view shows an error with a retry button. */
  detailFailed: boolean;
  detailLoad: Promise<void> | undefined;
  /** The QR encoder's download; it stays set after a failure, until the next opening or going back online. */
  qrLoad: Promise<void> | undefined;

  index: SearchIndex | undefined;
  /** The pages found with this index, by query, filters and length. */
  readonly pages: Map<string, SearchPage>;
  /** Whether `data` is the whole validated catalogue, not only its first page. */
  complete: boolean;
  /** The validation chunk once it has arrived. */
  validated: typeof import('./validate.js') | undefined;
  fields: readonly string[];
  byAnchor: Map<string, Procedure>;
  /** The procedures of the pages shown (the first `shown` of the results, best first), or every one unfiltered. */
  hits: readonly Procedure[];
  /** How many procedures the search and filters found in all. */
  total: number;
  loadToken: number;
  abort: AbortController | undefined;
  announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether a query or a filter narrows the list. */
  readonly filtered: boolean;

  t(key: ProcedureListKey, params?: Readonly<Record<string, string | number>>): string;
  emit<E extends keyof HTMLElementEventMap>(type: E, detail: EventDetail<E>): boolean;
  track(promise: Promise<unknown>): void;
  addStrings(more: StringTable<ProcedureListDetailKey>): void;
  linkOf(procedure: Procedure): string;
  renderFailure(message: string): TemplateResult;
  noAppointment(procedure: Procedure): string | undefined;
  timeText(limit: TimeLimit): string;
  print(): Promise<void>;
}
