import { createHash } from 'node:crypto';
import { createRatingToken } from '@motcua/core/satisfaction';

/**
 * The rating token of a finished transaction — a dossier (by its code) or a queue ticket (by its id) — as every place
 * that hands one to the citizen gives it (the receipt's QR, a dossier's status lookup, the counter's "done", the
 * ticket's status page): signed with the server's secret, with a token id derived from the transaction, so that all
 * the tokens a citizen receives for one transaction are the same rating, accepted once. `undefined` without a secret
 * (or with one too short to sign with).
 *
 * @example
 * ```ts
 * const token = await transactionRatingToken({ dossier: '000.00.00.H00-260310-0001' }, secret, Date.now());
 * const same = await transactionRatingToken({ ticket: ticket.id, counter: '1' }, secret, Date.now());
 * ```
 */
export async function transactionRatingToken(
  transaction:
    | { readonly dossier: string }
    | { readonly ticket: string; readonly counter?: string | undefined; readonly officer?: string | undefined },
  secret: string | undefined,
  now: number,
): Promise<string | undefined> {
  if (!secret) return undefined;
  const [kind, id, claims] =
    'dossier' in transaction
      ? (['d', `dossier:${transaction.dossier}`, { dossier: transaction.dossier }] as const)
      : ([
          't',
          `ticket:${transaction.ticket}`,
          {
            ticket: transaction.ticket,
            ...(transaction.counter !== undefined ? { counter: transaction.counter } : {}),
            ...(transaction.officer !== undefined ? { officer: transaction.officer } : {}),
          },
        ] as const);
  const tokenId = `${kind}${createHash('sha256').update(id).digest('base64url').slice(0, 31)}`;
  return createRatingToken(claims, secret, { now, tokenId }).catch((error: unknown) => {
    console.warn(`motcua-server: no rating token: ${(error as Error).message}`);
    return undefined;
  });
}
