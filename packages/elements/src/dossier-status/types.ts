// The public types of <motcua-dossier-status>'s properties, shared by the element and its lookup.

/**
 * Fetches a dossier from another system: `code` and `pin` as typed, and an `AbortSignal` that fires on the
 * timeout. Resolve to the JSON of `GET /api/dossiers/{code}` or to a record in the national sync fields
 * (`MaHoSo`, `NgayTiepNhan`, `TrangThaiHoSo`…, read with core's adapter); resolve to `null` for "not found".
 */
export type DossierResolver = (code: string, pin: string, signal: AbortSignal) => Promise<unknown>;

/**
 * Who checks the second factor of a lookup (dossier codes are sequential within a day, so a code alone must not
 * open a dossier): `pin` (default), the lookup PIN printed on the receipt, asked for and sent with the code; or
 * `resolver`, the province's own system behind the `resolver` (a VNeID login, a session, an OTP it sends), so no
 * PIN is asked for and the resolver gets an empty `pin`. `resolver` counts only while a resolver is set: the
 * element's own `endpoint` always needs the PIN.
 *
 * @example
 * ```ts
 * const element = document.querySelector('motcua-dossier-status');
 * element.secondFactor = 'resolver'; // or the attribute second-factor="resolver"
 * element.resolver = async (code, _pin, signal) => provinceLookup(code, signal); // the province checks who asks
 * ```
 */
export type DossierSecondFactor = 'pin' | 'resolver';
