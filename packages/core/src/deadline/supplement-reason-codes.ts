/**
 * Why a supplement notice is sent (Decree 309/2026 → Decree 118/2025 art. 17(2)(a)); the texts are
 * `SUPPLEMENT_REASONS`.
 *
 * @example
 * ```ts
 * const reason: SupplementReason = 'data-unavailable';
 * ```
 */
export type SupplementReason = 'incomplete' | 'inaccurate' | 'not-competent' | 'data-unavailable' | 'data-incorrect';

/**
 * Every {@link SupplementReason}, without its texts (what the dossier clock checks).
 *
 * @example
 * ```ts
 * SUPPLEMENT_REASON_CODES.includes('data-incorrect'); // true
 * ```
 */
export const SUPPLEMENT_REASON_CODES: readonly SupplementReason[] = Object.freeze([
  'incomplete',
  'inaccurate',
  'not-competent',
  'data-unavailable',
  'data-incorrect',
]);
