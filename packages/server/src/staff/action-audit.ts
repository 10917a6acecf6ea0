import type { Context, MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/database.js';
import type { Office } from '../office/office.js';
import { actorOf } from './audit-actor.js';
import { recordAudit } from './audit-store.js';

/** What an action's audit line says, from its request and its JSON answer. */
export interface AuditedAction {
  readonly action: string;
  readonly object?: string | undefined;
  readonly counter?: string | undefined;
  readonly detail?: Readonly<Record<string, unknown>> | undefined;
}

/** What {@link auditActions} needs. */
export interface ActionAuditDeps {
  readonly db: Queryable;
  readonly office: Office;
  readonly now: () => number;
  readonly clientOf: (c: Context) => string;
}

/**
 * Records each successful POST it wraps in the audit trail — who (the signed-in officer, else the static token's
 * counter), the counter, when, from which address, and what `describe` reads from the request and its JSON answer.
 * With `reads`, successful GETs that `describe` names are recorded too (a read of someone's personal data, such as a
 * receipt slip again). A replayed answer (`Idempotent-Replayed`) is not a new action and records nothing. Mounted
 * with the guards, so that it sees the idempotency middleware's answer.
 *
 * @example
 * ```ts
 * app.use('/api/queue/counters/:id/*', auditActions(deps, (c, body) => ({ action: 'queue.call', counter: '1' })));
 * ```
 */
export function auditActions(
  deps: ActionAuditDeps,
  describe: (
    c: Context,
    answer: Record<string, unknown>,
  ) => AuditedAction | undefined | Promise<AuditedAction | undefined>,
  options: { readonly reads?: boolean } = {},
): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method !== 'POST' && !(options.reads && method === 'GET')) return;
    if (c.res.status >= 300 || c.res.headers.get('idempotent-replayed') === 'true') return;
    // A read's answer is the personal data itself: never parsed, never recorded.
    const answer =
      method === 'POST' && (c.res.headers.get('content-type') ?? '').includes('json')
        ? ((await c.res.clone().json()) as Record<string, unknown>)
        : {};
    const action = await describe(c, answer);
    if (!action) return;
    const actor = actorOf(c, action.counter === undefined ? undefined : `counter:${action.counter}`);
    try {
      await recordAudit(deps.db, {
        office: deps.office.id,
        at: deps.now(),
        actor,
        address: deps.clientOf(c),
        ...action,
      });
    } catch (error) {
      // The action is done; its audit line is missing: said in the log, without the request's data.
      console.error(`motcua-server: audit line for ${action.action} not recorded (${(error as Error).name})`);
    }
  };
}
