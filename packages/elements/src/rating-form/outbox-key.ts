/** Where unsent ratings wait, in `localStorage`, shared by every page of the origin. */
export const OUTBOX_STORAGE_KEY = 'motcua:rating-outbox';

/**
 * Whether any rating waits to be sent, read without loading the outbox code: a page with the form checks this on
 * every visit and `online` event, and fetches the sending code only when something waits.
 */
export function hasQueuedRatings(): boolean {
  try {
    return localStorage.getItem(OUTBOX_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}
