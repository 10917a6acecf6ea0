import type { Context } from 'hono';
import type { AuditedAction } from '../staff/action-audit.js';
import { counterOf } from './staff.js';

/** A field of the request's JSON body (read and checked by the handler already): a step's type, a procedure. */
async function bodyField(c: Context, field: 'type' | 'procedure'): Promise<unknown> {
  try {
    return (JSON.parse(await c.req.text()) as Record<string, unknown>)[field];
  } catch {
    return undefined;
  }
}

/**
 * The audit line of a dossier intake (`POST /api/dossiers`: `dossier.receive`, with the procedure), step (`POST
 * /api/dossiers/{code}/steps`: `dossier.step`, with its type) or receipt read again (`GET
 * /api/dossiers/{code}/receipt`: `dossier.receipt-read`, since the slip names the applicant), at the counter that did
 * it; never the applicant's details or the PIN.
 *
 * @example
 * ```ts
 * app.use('/api/dossiers/*', auditActions(deps, dossierActionAudit, { reads: true }));
 * ```
 */
export async function dossierActionAudit(
  c: Context,
  answer: Record<string, unknown>,
): Promise<AuditedAction | undefined> {
  const counter = counterOf(c) || undefined;
  if (c.req.method === 'GET') {
    const read = /^\/api\/dossiers\/([^/]+)\/receipt$/.exec(c.req.path);
    return read
      ? { action: 'dossier.receipt-read', object: `dossier:${decodeURIComponent(read[1] as string)}`, counter }
      : undefined;
  }
  if (c.req.path === '/api/dossiers' && typeof answer.code === 'string') {
    // The receipt slip names the procedure, not its code: the code is the one the request asked for.
    return {
      action: 'dossier.receive',
      object: `dossier:${answer.code}`,
      counter,
      detail: { procedure: await bodyField(c, 'procedure') },
    };
  }
  const step = /^\/api\/dossiers\/([^/]+)\/steps$/.exec(c.req.path);
  if (!step) return undefined;
  return {
    action: 'dossier.step',
    object: `dossier:${decodeURIComponent(step[1] as string)}`,
    counter,
    detail: { type: await bodyField(c, 'type') },
  };
}
