/** Where unsent ratings were kept before they moved to IndexedDB (`localStorage`): moved once, then removed. */
export const OUTBOX_STORAGE_KEY = 'motcua:rating-outbox';

/**
 * A hint in `localStorage`, not the ratings themselves: set while ratings wait in the IndexedDB outbox, so that a page
 * with the form fetches the outbox code (and opens IndexedDB) only when something waits.
 */
export const OUTBOX_WAITING_KEY = 'motcua:rating-outbox-waiting';

/**
 * Whether any rating may wait to be sent, read without loading the outbox code: a page with the form checks this on
 * every visit and `online` event, and fetches the sending code only when something waits. Where `localStorage` cannot
 * be read, it cannot tell, and says yes.
 */
export function hasQueuedRatings(): boolean {
  try {
    return localStorage.getItem(OUTBOX_WAITING_KEY) !== null || localStorage.getItem(OUTBOX_STORAGE_KEY) !== null;
  } catch {
    return true;
  }
}
