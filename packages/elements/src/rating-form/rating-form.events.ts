// The rating form's states and the details of the events it fires; the element and its sending code import them.

/** What the element shows (read and set by the sending code). */
export type RatingFormStatus = 'form' | 'sending' | 'sent' | 'queued' | 'already-rated' | 'expired' | 'error';

/** The panel that replaces the form once the rating is sent, saved, already given or expired. */
export type FinalStatus = Exclude<RatingFormStatus, 'form' | 'sending' | 'error'>;
/** A problem shown beside a question: core's code and bilingual message, or the server's. */
export interface ShownProblem {
  readonly question?: string;
  readonly code: string;
  readonly message?: { readonly vi?: string; readonly en?: string };
}

/** The detail of `motcua-rated` and `motcua-rating-queued`. */
export interface RatingEventDetail {
  /** The instrument version answered. */
  readonly instrument: { readonly id: string; readonly version: string };
  /** The answers sent (text scrubbed of personal data). */
  readonly answers: Readonly<Record<string, number | string>>;
  /** Whether the rating went through the offline queue. */
  readonly queued: boolean;
}

/** The detail of `motcua-rating-failed`. */
export interface RatingFailedDetail {
  /** Why: the token was used or expired, the server refused the answers, asked to slow down, or failed. */
  readonly reason: 'already-rated' | 'expired' | 'invalid' | 'rate-limited' | 'error';
}

declare global {
  interface HTMLElementEventMap {
    'motcua-rated': CustomEvent<RatingEventDetail>;
    'motcua-rating-queued': CustomEvent<RatingEventDetail>;
    'motcua-rating-failed': CustomEvent<RatingFailedDetail>;
  }
}
