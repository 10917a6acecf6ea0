// The console's keyboard shortcuts: N, R, S, D and T, ignored while the officer types in a field.
import type { CounterAction } from './counter-console.events.js';

/** The keyboard shortcut of each action (T only moves to the service choice; the transfer needs a service). */
export const KEY_OF: Readonly<Record<CounterAction, string>> = {
  next: 'N',
  recall: 'R',
  skip: 'S',
  done: 'D',
  transfer: 'T',
};

/** Whether a key press comes from a place where the officer types (then it is text, not a shortcut). */
export function typing(event: KeyboardEvent): boolean {
  return event
    .composedPath()
    .some((node) => node instanceof HTMLElement && (node.isContentEditable || node.matches('input,textarea,select')));
}
