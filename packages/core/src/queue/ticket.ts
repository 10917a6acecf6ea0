import type { CivilDate } from '../calendar/civil-date.js';

/**
 * Where a ticket is in its life: `issued` (waiting) → `called` (recalls counted) → `serving` → `done`;
 * a called ticket can end as `no-show`; a waiting or called ticket as `cancelled`; a called or served
 * ticket as `transferred` to another service (a new ticket continues the visit there).
 */
export type TicketStatus = 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'transferred';

/** The statuses a ticket never leaves. */
export const FINAL_TICKET_STATUSES: readonly TicketStatus[] = ['done', 'no-show', 'cancelled', 'transferred'];

/** Something that happened to a ticket, kept in its history and in the event log. */
export interface TicketEvent {
  /** What happened. */
  readonly type: 'issue' | TicketCommand['type'];
  /** When, in epoch milliseconds. */
  readonly at: number;
  /** The ticket it happened to. */
  readonly ticket: string;
  /** For an issue, the service the ticket queues for. */
  readonly service?: string;
  /** For an issue, the priority class. */
  readonly priority?: string;
  /** For an issue that continues a transferred visit, the visit id (the first ticket's id). */
  readonly visit?: string;
  /** The counter that called the ticket (for a call, the calling counter). */
  readonly counter?: string;
  /** The idempotency key of the command that caused it. */
  readonly commandId?: string;
  /** For a transfer, the id of the ticket that continues the visit. */
  readonly to?: string;
}

/** A queue ticket (phiếu số thứ tự). */
export interface Ticket {
  /** Opaque, unguessable id for links and QR codes; unique forever, unlike the display number. */
  readonly id: string;
  /** The display number, e.g. `'A001'`; unique within the business day (or session) for its sequence. */
  readonly number: string;
  /** The number without prefix, e.g. `1`. */
  readonly value: number;
  /** The service id. */
  readonly service: string;
  /** The priority class id. */
  readonly priority: string;
  /** The business date (Vietnamese civil date) the ticket belongs to. */
  readonly businessDate: CivilDate;
  /** The session (sáng / chiều) it was issued in, when sessions are configured. */
  readonly session: string | undefined;
  /** The current status. */
  readonly status: TicketStatus;
  /** When the visit began (the first ticket's issue time; kept across transfers), epoch ms. */
  readonly issuedAt: number;
  /** When this ticket joined its service's queue (issue or transfer), epoch ms; FIFO order uses it. */
  readonly queuedAt: number;
  /** A store-wide, increasing number that breaks ties in FIFO order. */
  readonly ordinal: number;
  /** Shared by every ticket of one visit (a transfer continues the visit). */
  readonly visit: string;
  /** The counter that called it last. */
  readonly counter: string | undefined;
  /** How many times it was called (1 + recalls) . */
  readonly calls: number;
  /** The first call, epoch ms. */
  readonly calledAt: number | undefined;
  /** The latest call or recall, epoch ms. */
  readonly lastCalledAt: number | undefined;
  /** When service started, epoch ms. */
  readonly servingAt: number | undefined;
  /** When it reached a final status, epoch ms. */
  readonly endedAt: number | undefined;
  /** For a ticket created by a transfer, the ticket it continues. */
  readonly transferredFrom: string | undefined;
  /** For a transferred ticket, the ticket that continues the visit. */
  readonly transferredTo: string | undefined;
  /** An optional link to the dossier (hồ sơ) the visit led to. */
  readonly dossier: string | undefined;
  /** Increases with every change; stores use it to compare-and-set. */
  readonly version: number;
  /** Everything that happened to this ticket, oldest first. */
  readonly history: readonly TicketEvent[];
}

/** A command an officer (or a kiosk) applies to one ticket. */
export type TicketCommand =
  | { readonly type: 'call'; readonly counter: string }
  | { readonly type: 'recall' }
  | { readonly type: 'start' }
  | { readonly type: 'finish' }
  | { readonly type: 'no-show' }
  | { readonly type: 'readmit' }
  | { readonly type: 'cancel' }
  | { readonly type: 'transfer'; readonly to: string }
  | { readonly type: 'link-dossier'; readonly dossier: string };
