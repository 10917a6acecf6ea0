import type { Procedure, ProcedureChannel } from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';

/** The code with the provincial suffix when there is one, e.g. `2.000815.000.00.00.H61`. */
export function fullCode(procedure: Procedure): string {
  return procedure.localSuffix === undefined ? procedure.code : `${procedure.code}.${procedure.localSuffix}`;
}

/**
 * The fragment id of a procedure, `tthc-1-001193`: the one `catalogueToHtml` gives the fallback's
 * `<article>`, so that a deep link works with and without JavaScript.
 */
export function anchorOf(procedure: Procedure): string {
  return `tthc-${fullCode(procedure).replace(/[^0-9A-Za-z]+/g, '-')}`;
}

/** The fragment id by the national code alone, `tthc-2-000815`, for links that leave out the provincial suffix. */
export function nationalAnchorOf(procedure: Procedure): string {
  return `tthc-${procedure.code.replace(/[^0-9A-Za-z]+/g, '-')}`;
}

/** The URL when it is http(s), else `undefined`: data never becomes a `javascript:` link. */
export function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The time limit that applies on a channel: its own, else the reduced one, else the statutory one. */
export function timeOf(procedure: Procedure, channel?: ProcedureChannel): TimeLimit | undefined {
  return channel?.timeLimit ?? procedure.reducedTime ?? procedure.statutoryTime;
}
