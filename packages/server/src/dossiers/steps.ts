import { dossierClock, ENDED_DOSSIER_STATUSES, parseOffsetDateTime, statusAfterSteps } from '@motcua/core/deadline';
import type { Context, Env } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { notifyChange } from '../notifications/enqueue.js';
import { sessionOf } from '../staff/caller.js';
import { stepBody } from './inputs.js';
import { unknownDossier } from './lookup.js';
import type { DossierService } from './service.js';
import { counterOf } from './staff.js';
import { type DossierStep, loadDossier, saveSteps } from './store.js';
import { vietnamIso } from './vietnam-iso.js';
import { clockEvents, lookupView, timelineOf } from './view.js';

/**
 * `POST /api/dossiers/{code}/steps` (an officer signed in to this office; the guard refuses a bearer token alone): a
 * status change, supplement request or completion, an extension with its apology reason, the competent authority's
 * receipt (whose due date is stored with it) or the end (withdrawn, stopped, resolved, returned); the step is stored
 * with the officer's name. Core's dossier clock refuses what cannot happen. Answers the dossier's public view.
 *
 * @example
 * ```ts
 * app.post('/api/dossiers/:code/steps', (c) => recordDossierStep(c, service));
 * ```
 */
export async function recordDossierStep(
  c: Context<Env, '/api/dossiers/:code/steps'>,
  s: DossierService,
): Promise<Response> {
  const { db, office, now } = s;
  const input = await readJsonBody(c, stepBody);
  const code = c.req.param('code');
  const counter = counterOf(c);
  const officer = sessionOf(c);
  const at = now();
  const when = input.at ?? vietnamIso(at);
  if ((parseOffsetDateTime(when) as number) > at + 60_000) {
    throw new ApiError(400, 'step-in-future', {
      vi: 'Thời điểm không thể ở tương lai',
      en: 'The time cannot be in the future',
    });
  }
  const view = await db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, code, true);
    if (!dossier || dossier.office !== office.id) throw unknownDossier();
    const step: DossierStep = {
      type: input.type as DossierStep['type'],
      at: when,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.reasons ? { reasons: input.reasons } : {}),
      ...(input.dueAt ? { dueAt: input.dueAt } : {}),
      counter,
      ...(officer ? { officer: { username: officer.user.username, name: officer.user.displayName } } : {}),
    };
    if (ENDED_DOSSIER_STATUSES.includes(dossier.status)) {
      throw new ApiError(409, 'dossier-ended', {
        vi: 'Hồ sơ đã kết thúc (rút, dừng xử lý, đã trả kết quả hoặc không được tiếp nhận)',
        en: 'The dossier has ended (withdrawn, stopped, returned or refused)',
      });
    }
    if (
      dossier.status === 'supplement-requested' &&
      (input.type === 'processing' || input.type === 'payment-requested')
    ) {
      throw new ApiError(409, 'supplement-pending', {
        vi: 'Hồ sơ đang chờ bổ sung: hãy ghi nhận công dân đã bổ sung trước',
        en: 'A supplement is pending: record that the applicant supplied it first',
      });
    }
    const last = dossier.steps.at(-1)?.at ?? dossier.receivedAt;
    if ((parseOffsetDateTime(when) as number) < (parseOffsetDateTime(last) as number)) {
      throw new ApiError(400, 'step-out-of-order', {
        vi: 'Thời điểm phải không sớm hơn bước trước của hồ sơ',
        en: 'The time must not be before the dossier’s previous step',
      });
    }
    let steps = [...dossier.steps, step];
    // Core's clock refuses what cannot happen (a completion without a request, an extension not later…).
    const clock = dossierClock(timelineOf(dossier, clockEvents(steps)), s.clock);
    if (step.type === 'authority-received' && step.dueAt === undefined) {
      // The due date counted from the authority's receipt is stored with the step: it binds from now on.
      steps = [...dossier.steps, { ...step, dueAt: clock.originalDueAt }];
    }
    const status = statusAfterSteps(steps);
    await saveSteps(tx, code, steps, status);
    // Decree 224/2026 art. 15(1)(g): every change is told at once; written with the change, sent by the outbox.
    await notifyChange(tx, office, { ...dossier, steps, status }, dossier.notify ?? null, at, s.deps.secret);
    return lookupView({ ...dossier, steps, status }, vietnamIso(at), s.clock);
  });
  return c.json(view, 201);
}
