import { type LocalizedText, MotcuaError, problem } from '../text/problem.js';
import type { Ticket, TicketCommand, TicketEvent, TicketStatus } from './ticket.js';

const STATUS_NAMES: Record<TicketStatus, LocalizedText> = {
  issued: { vi: 'đang chờ', en: 'waiting' },
  called: { vi: 'đã gọi', en: 'called' },
  serving: { vi: 'đang phục vụ', en: 'being served' },
  done: { vi: 'đã xong', en: 'done' },
  'no-show': { vi: 'vắng mặt', en: 'no-show' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  transferred: { vi: 'đã chuyển', en: 'transferred' },
};

const COMMAND_NAMES: Record<TicketCommand['type'], LocalizedText> = {
  call: { vi: 'gọi số', en: 'call' },
  recall: { vi: 'gọi lại', en: 'recall' },
  start: { vi: 'bắt đầu phục vụ', en: 'start serving' },
  finish: { vi: 'kết thúc', en: 'finish' },
  'no-show': { vi: 'đánh dấu vắng mặt', en: 'mark as no-show' },
  readmit: { vi: 'cho vào hàng lại', en: 're-admit' },
  cancel: { vi: 'hủy', en: 'cancel' },
  transfer: { vi: 'chuyển dịch vụ', en: 'transfer' },
  'link-dossier': { vi: 'gắn hồ sơ', en: 'link a dossier' },
};

/**
 * Which statuses each command may be applied in; the status it leads to is in `apply` below.
 * Anything not listed is an illegal transition.
 */
const ALLOWED: Record<TicketCommand['type'], readonly TicketStatus[]> = {
  call: ['issued'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  'no-show': ['called'],
  // A citizen marked absent who comes back: waiting again, behind whoever waits now.
  readmit: ['no-show'],
  cancel: ['issued', 'called'],
  transfer: ['called', 'serving'],
  'link-dossier': ['called', 'serving', 'done'],
};

/**
 * The statuses in which `command` may be applied.
 *
 * @example
 * ```ts
 * ticketCommandAllowedFrom('start'); // ['called']
 * ```
 */
export function ticketCommandAllowedFrom(command: TicketCommand['type']): readonly TicketStatus[] {
  return ALLOWED[command];
}

/**
 * Whether `command` was already applied to `ticket` (its history holds the same command id).
 *
 * @example
 * ```ts
 * ticketCommandWasApplied(ticket, 'kiosk-1:42'); // true after a command with that id changed the ticket
 * ```
 */
export function ticketCommandWasApplied(ticket: Ticket, commandId: string | undefined): boolean {
  return commandId !== undefined && ticket.history.some((e) => e.commandId === commandId);
}

/**
 * Applies one command to a ticket and returns the changed ticket (the input is not modified).
 * A command whose `commandId` the ticket has already seen returns the ticket unchanged, so retries are
 * safe. An illegal transition throws a {@link MotcuaError} with code `illegal-transition`.
 * For `transfer`, `transferTo` is the id of the ticket that continues the visit.
 *
 * @example
 * ```ts
 * const called = applyTicketCommand(ticket, { type: 'call', counter: '3' }, now);
 * called.status; // 'called'
 * applyTicketCommand(called, { type: 'finish' }, now);
 * // throws: Không thể kết thúc phiếu A001 khi phiếu đã gọi / Cannot finish ticket A001 while it is called
 * ```
 */
export function applyTicketCommand(
  ticket: Ticket,
  command: TicketCommand,
  at: number,
  commandId?: string,
  transferTo?: string,
): Ticket {
  if (ticketCommandWasApplied(ticket, commandId)) return ticket;
  if (!ALLOWED[command.type].includes(ticket.status)) {
    const verb = COMMAND_NAMES[command.type];
    const state = STATUS_NAMES[ticket.status];
    throw new MotcuaError([
      problem(['ticket', ticket.id], 'illegal-transition', {
        vi: `Không thể ${verb.vi} phiếu ${ticket.number} khi phiếu ${state.vi}`,
        en: `Cannot ${verb.en} ticket ${ticket.number} while it is ${state.en}`,
      }),
    ]);
  }
  const event: TicketEvent = {
    type: command.type,
    at,
    ticket: ticket.id,
    ...(command.type === 'call'
      ? { counter: command.counter }
      : ticket.counter !== undefined
        ? { counter: ticket.counter }
        : {}),
    ...(commandId !== undefined ? { commandId } : {}),
    ...(command.type === 'transfer' && transferTo !== undefined ? { to: transferTo } : {}),
  };
  const base = { ...ticket, version: ticket.version + 1, history: [...ticket.history, event] };
  switch (command.type) {
    case 'call':
      return { ...base, status: 'called', counter: command.counter, calls: 1, calledAt: at, lastCalledAt: at };
    case 'recall':
      return { ...base, calls: ticket.calls + 1, lastCalledAt: at };
    case 'start':
      return { ...base, status: 'serving', servingAt: at };
    case 'finish':
      return { ...base, status: 'done', endedAt: at };
    case 'no-show':
      return { ...base, status: 'no-show', endedAt: at };
    case 'readmit':
      return {
        ...base,
        status: 'issued',
        queuedAt: at,
        counter: undefined,
        calls: 0,
        calledAt: undefined,
        lastCalledAt: undefined,
        servingAt: undefined,
        endedAt: undefined,
      };
    case 'cancel':
      return { ...base, status: 'cancelled', endedAt: at };
    case 'transfer':
      return { ...base, status: 'transferred', endedAt: at, transferredTo: transferTo };
    case 'link-dossier':
      return { ...base, dossier: command.dossier };
  }
}
