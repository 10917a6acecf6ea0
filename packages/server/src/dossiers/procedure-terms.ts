import type { Procedure } from '@motcua/core/catalogue';
import type { DossierChannel, ReceivedDocument, TimeLimit } from '@motcua/core/deadline';

/**
 * The time limit of a procedure for a channel: the channel's, else the reduced, else the statutory one.
 *
 * @example
 * ```ts
 * procedureTimeLimit(procedure, 'in-person'); // { value: 3, unit: 'working-days' }
 * ```
 */
export function procedureTimeLimit(procedure: Procedure, channel: DossierChannel): TimeLimit | undefined {
  return (
    procedure.channels.find((ch) => ch.kind === channel)?.timeLimit ?? procedure.reducedTime ?? procedure.statutoryTime
  );
}

/**
 * The documents a receipt lists for a procedure when the counter names none: its required documents.
 *
 * @example
 * ```ts
 * procedureDocuments(procedure); // [{ name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 }]
 * ```
 */
export function procedureDocuments(procedure: Procedure): ReceivedDocument[] {
  return (procedure.documents ?? [])
    .filter((d) => d.required !== false)
    .map((d) => ({
      name: d.name,
      form: d.form === 'certified-copy' || d.form === 'copy' ? d.form : 'original',
      copies: d.copies ?? 1,
    }));
}
