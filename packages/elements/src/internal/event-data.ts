/**
 * The JSON an event stream's message carries, or undefined when it is not JSON (the readers in core then refuse it).
 *
 * @example
 * ```ts
 * source.addEventListener('snapshot', (event) => show(readBoardSnapshot(eventData(event))));
 * ```
 */
export function eventData(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return undefined;
  }
}
