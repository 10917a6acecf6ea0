import { createHash } from 'node:crypto';
import { createRatingToken } from '@motcua/core/satisfaction';

/**
 * The rating token of a finished dossier, as its status lookup hands it over: signed with the server's secret, for
 * the dossier's code, with a token id derived from the code, so that every token a citizen receives for one dossier
 * (receipt QR, each lookup) is the same rating and is accepted once. `undefined` without a secret (or with one too
 * short to sign with).
 *
 * @example
 * ```ts
 * const token = await dossierRatingToken('000.00.00.H00-260310-0001', secret, Date.now());
 * ```
 */
export async function dossierRatingToken(
  code: string,
  secret: string | undefined,
  now: number,
): Promise<string | undefined> {
  if (!secret) return undefined;
  const tokenId = `d${createHash('sha256').update(`dossier:${code}`).digest('base64url').slice(0, 31)}`;
  return createRatingToken({ dossier: code }, secret, { now, tokenId }).catch((error: unknown) => {
    console.warn(`motcua-server: no rating token: ${(error as Error).message}`);
    return undefined;
  });
}
