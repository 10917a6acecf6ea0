import { randomUUID } from 'node:crypto';
import { civilDateOf, type WorkingDayCalendar } from '@motcua/core/calendar';
import type { Catalogue, Procedure } from '@motcua/core/catalogue';
import {
  type DossierClockOptions,
  issueDossierCode,
  parseOffsetDateTime,
  receiptSlip,
  statusAfterSteps,
} from '@motcua/core/deadline';
import type { Ticket } from '@motcua/core/queue';
import { type Answers, createResponse, type Instrument } from '@motcua/core/satisfaction';
import type { Database, Queryable } from '../db/database.js';
import { DEMO_DOSSIER } from '../dossiers/demo.js';
import { hashPin, newPin } from '../dossiers/pin.js';
import { procedureDocuments, procedureTimeLimit } from '../dossiers/procedure-terms.js';
import { PLACEHOLDER_AGENCY_CODE } from '../dossiers/receive.js';
import { type DossierStep, databaseDailySequence, insertDossier } from '../dossiers/store.js';
import { vietnamIso } from '../dossiers/vietnam-iso.js';
import type { Office } from '../office/office.js';
import { DEFAULT_RATING_INSTRUMENT } from '../ratings/inputs.js';
import { instrumentOf } from '../ratings/submit.js';
import { recordAudit } from '../staff/audit-store.js';
import { DEMO_USERS } from '../staff/demo-users.js';
import {
  type HistoryCounterAction,
  type HistoryRating,
  hasDemoHistory,
  insertCounterActionHistory,
  insertQueueHistory,
  insertRatingHistory,
  userIds,
} from './history-store.js';
import { daysBefore, type ServedVisit, simulateQueueDays } from './queue-days.js';
import { pick, type Random, seededRandom } from './random.js';

const MINUTE = 60_000;
/** Any number, the same in every instance: one instance writes the history when several start together. */
const HISTORY_LOCK = 7_281_921;

/** What {@link seedDemoHistory} needs besides the database and the office. */
export interface DemoHistoryOptions {
  /** The moment of the start, epoch ms: the history ends the day before. */
  readonly now: number;
  /** The working-day calendar of the office (days off have no tickets; due dates count working days). */
  readonly calendar: WorkingDayCalendar;
  /** Due-date conventions, as the dossier service uses them. */
  readonly clock: DossierClockOptions;
  /** The catalogue dossiers are received under; without one, no dossiers. */
  readonly catalogue?: Catalogue | undefined;
  /** How many calendar days before today. Default 63 (nine weeks). */
  readonly days?: number;
  /** The seed of the generated history. Default 2026. */
  readonly seed?: number;
}

/** How much history was written. */
export interface DemoHistory {
  readonly tickets: number;
  readonly ratings: number;
  readonly dossiers: number;
}

/** Which demo officer works at which counter (the others are served by counter tokens, with no officer named). */
const OFFICERS: ReadonlyMap<string, (typeof DEMO_USERS)[number]> = new Map(
  DEMO_USERS.filter((u) => u.roles.includes('officer')).map((u, i) => [String(i + 1), u]),
);

const APPLICANTS = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Võ Thị Hoa',
  'Đặng Văn Hùng',
  'Bùi Thị Lan',
  'Đỗ Văn Minh',
  'Huỳnh Thị Ngọc',
];

/** The procedure's required documents, or the form every procedure takes when the catalogue lists none. */
function documentsOf(procedure: Procedure) {
  const listed = procedureDocuments(procedure);
  return listed.length > 0
    ? listed
    : [{ name: 'Tờ khai / đơn đề nghị theo mẫu', form: 'original' as const, copies: 1 }];
}

const LOW_RATING_REASONS = ['Chờ lâu', 'Phải đi lại nhiều lần', 'Hướng dẫn chưa rõ'];

/** Answers a satisfied-most-of-the-time citizen gives: the best option of each scale four times in five. */
function answersFor(instrument: Instrument, random: Random): Answers {
  const answers: Record<string, number | string> = {};
  for (const q of instrument.questions) {
    if (q.type === 'scale') {
      const values = q.options.map((o) => o.value).sort((a, b) => b - a);
      answers[q.id] = pick(
        random,
        values.map((v, i) => [v, i === 0 ? 16 : i === 1 ? 3.4 : 0.6 / (values.length - 2)] as const),
      );
    } else if (q.requiredWhen?.values.includes(answers[q.requiredWhen.question] as number)) {
      answers[q.id] = pick(
        random,
        LOW_RATING_REASONS.map((r) => [r, 1] as const),
      );
    }
  }
  return answers;
}

function ratingsOf(served: readonly ServedVisit[], now: number, random: Random): HistoryRating[] {
  const ratings: HistoryRating[] = [];
  for (const visit of served) {
    if (random() >= 0.35) continue;
    const submittedAt = visit.finishedAt + Math.round((1 + random() * 20) * MINUTE);
    if (submittedAt >= now) continue;
    const instrument = instrumentOf(DEFAULT_RATING_INSTRUMENT, civilDateOf(submittedAt));
    const response = createResponse(instrument, answersFor(instrument, random), {
      submittedAt,
      transactionId: visit.ticket.id,
      counter: visit.counter,
    });
    ratings.push({
      tokenId: randomUUID(),
      instrumentId: response.instrumentId,
      instrumentVersion: response.instrumentVersion,
      answers: response.answers,
      submittedAt,
      transactionId: visit.ticket.id,
      counter: visit.counter,
      officer: OFFICERS.get(visit.counter)?.username ?? null,
    });
  }
  return ratings;
}

/**
 * The last counter action of each ticket called at an officer's counter, taken by that officer (the tickets of the
 * other counters were handled with the counter's token: no officer). Only officers with an account are named.
 */
function counterActionsOf(tickets: readonly Ticket[], ids: ReadonlyMap<string, string>): HistoryCounterAction[] {
  const actions: HistoryCounterAction[] = [];
  for (const ticket of tickets) {
    const user = ticket.counter === undefined ? undefined : OFFICERS.get(ticket.counter);
    const userId = user && ids.get(user.username);
    if (!user || !userId || ticket.counter === undefined) continue;
    const last: readonly [HistoryCounterAction['action'], number | undefined] =
      ticket.status === 'done'
        ? ['queue.done', ticket.endedAt]
        : ticket.status === 'no-show'
          ? ['queue.no-show', ticket.endedAt]
          : ticket.status === 'transferred'
            ? ['queue.transfer', ticket.endedAt]
            : ticket.status === 'serving'
              ? ['queue.start', ticket.servingAt]
              : ['queue.call', ticket.lastCalledAt];
    const [action, at] = last;
    if (at === undefined) continue;
    actions.push({ at, action, ticket: ticket.id, counter: ticket.counter, userId, name: user.displayName });
  }
  return actions;
}

/** The steps after receipt: in processing, resolved (before the due date 24 times in 25), returned to the citizen. */
function stepsAfter(receivedAt: number, dueAt: number, counter: string, now: number, random: Random): DossierStep[] {
  const user = OFFICERS.get(counter);
  const by = { counter, ...(user ? { officer: { username: user.username, name: user.displayName } } : {}) };
  const late = random() < 0.04;
  const resolvedAt = late
    ? dueAt + Math.round((2 + random() * 70) * 60 * MINUTE)
    : receivedAt + Math.round((dueAt - receivedAt) * (0.1 + 0.85 * random()));
  const processingAt = receivedAt + Math.min(30 * MINUTE, Math.round((resolvedAt - receivedAt) / 2));
  const returnedAt = resolvedAt + Math.round((1 + random() * 40) * 60 * MINUTE);
  const steps: DossierStep[] = [];
  for (const [type, at] of [
    ['processing', processingAt],
    ['resolved', resolvedAt],
    ['returned', returnedAt],
  ] as const) {
    if (at >= now) break;
    steps.push({ type, at: vietnamIso(Math.floor(at / MINUTE) * MINUTE), ...by });
  }
  return steps;
}

async function insertDossiers(
  tx: Queryable,
  office: Office,
  catalogue: Catalogue,
  served: readonly ServedVisit[],
  options: DemoHistoryOptions,
  random: Random,
): Promise<number> {
  // A visit to a service becomes a dossier of a procedure in the catalogue's field of the same name (Hộ tịch…).
  const byField = new Map<string, Procedure[]>();
  for (const p of catalogue.procedures) byField.set(p.field ?? '', [...(byField.get(p.field ?? '') ?? []), p]);
  // Nobody knows the history's PINs: its dossiers are in the reports, not open to lookups.
  const pinHash = await hashPin(newPin());
  const agency = catalogue.agency.code ?? PLACEHOLDER_AGENCY_CODE;
  let count = 0;
  for (const visit of served) {
    const name = office.queueConfig.services.find((s) => s.id === visit.ticket.service)?.name;
    const field = typeof name === 'string' ? name : name?.vi;
    const procedures = byField.get(field ?? '') ?? [];
    if (procedures.length === 0 || random() >= 0.4) continue;
    const procedure = pick(
      random,
      procedures.map((p) => [p, 1] as const),
    );
    const limit = procedureTimeLimit(procedure, 'in-person');
    if (!limit) continue;
    const receivedAt = vietnamIso(Math.floor(visit.finishedAt / MINUTE) * MINUTE);
    // The sample dossier's published code stays its own, whichever of the two is written first.
    let code: string;
    do code = await issueDossierCode({ agency, receivedAt }, databaseDailySequence(tx, office.id));
    while (code === DEMO_DOSSIER.code);
    const slip = receiptSlip(
      {
        code,
        agency: catalogue.agency.name,
        applicant: {
          name: pick(
            random,
            APPLICANTS.map((a) => [a, 1] as const),
          ),
        },
        procedure: procedure.name,
        procedureCode: procedure.code,
        documents: documentsOf(procedure),
        receivedAt,
        limit,
        receivedBy: OFFICERS.get(visit.counter)?.displayName ?? visit.counter,
      },
      options.clock,
    );
    const steps = stepsAfter(
      parseOffsetDateTime(receivedAt) as number,
      parseOffsetDateTime(slip.dueAt) as number,
      visit.counter,
      options.now,
      random,
    );
    await insertDossier(tx, {
      code,
      office: office.id,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      channel: 'in-person',
      limit,
      receivedAt: slip.receivedAt,
      dueAt: slip.dueAt,
      acrossBoundary: false,
      pinHash,
      ticket: visit.ticket.id,
      status: statusAfterSteps(steps),
      steps,
      slip,
    });
    count++;
  }
  return count;
}

/**
 * The seed of an office's history: the office's id mixed in, since ticket ids are unique across the offices sharing
 * a database.
 *
 * @example
 * ```ts
 * const random = seededRandom(demoHistorySeed('demo'));
 * ```
 */
export function demoHistorySeed(office: string, seed = 2026): number {
  let h = seed >>> 0;
  for (const ch of office) h = Math.imul(h ^ (ch.codePointAt(0) as number), 16_777_619) >>> 0;
  return h;
}

/**
 * Gives the built-in demo office weeks of past work, so that the leader's dashboard, the reports and the exports have
 * something true to show on a first start: the office's real queue run over the working days before today (tickets,
 * calls, waits, no-shows, transfers), ratings of a third of the visits, and dossiers received at the counters with
 * their due dates from the calendar and their steps (a few resolved late). Written once, in one transaction, and
 * recorded in the audit trail; a second start (or a second instance) changes nothing. Only for the demo office: a
 * configured office never gets made-up data. Returns undefined when nothing was written.
 *
 * @example
 * ```ts
 * if (office.demo) await seedDemoHistory(db, office, { now: Date.now(), calendar, clock: { calendar }, catalogue });
 * ```
 */
export async function seedDemoHistory(
  db: Database,
  office: Office,
  options: DemoHistoryOptions,
): Promise<DemoHistory | undefined> {
  if (!office.demo || (await hasDemoHistory(db, office.id))) return undefined;
  const random = seededRandom(demoHistorySeed(office.id, options.seed));
  const today = civilDateOf(options.now);
  const days = daysBefore(today, options.days ?? 63);
  const { store, served } = await simulateQueueDays(office, days, options.calendar, random);
  const tickets = await store.tickets();
  const ratings = ratingsOf(served, options.now, random);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [HISTORY_LOCK]);
    if (await hasDemoHistory(tx, office.id)) return undefined;
    await insertQueueHistory(tx, office.id, tickets, await store.events());
    const officers = await userIds(
      tx,
      office.id,
      [...OFFICERS.values()].map((u) => u.username),
    );
    await insertCounterActionHistory(tx, office.id, counterActionsOf(tickets, officers));
    await insertRatingHistory(tx, office.id, ratings);
    const dossiers = options.catalogue
      ? await insertDossiers(tx, office, options.catalogue, served, options, random)
      : 0;
    const written = { tickets: tickets.length, ratings: ratings.length, dossiers };
    await recordAudit(tx, {
      office: office.id,
      at: options.now,
      actor: { kind: 'anonymous', name: 'motcua-server' },
      action: 'demo.history',
      detail: { ...written, from: days[0], to: days.at(-1) },
    });
    return written;
  });
}
