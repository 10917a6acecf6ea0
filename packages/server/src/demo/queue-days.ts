import { addDays, type CivilDate, fromVietnamTime, type WorkingDayCalendar } from '@motcua/core/calendar';
import {
  createMemoryQueueStore,
  createQueue,
  QueueRefusedError,
  type QueueStore,
  type Ticket,
} from '@motcua/core/queue';
import type { Office } from '../office/office.js';
import { pick, type Random, skewed } from './random.js';

const MINUTE = 60_000;

/** A ticket a counter finished on a simulated day: who served it and when, for the ratings and dossiers after it. */
export interface ServedVisit {
  readonly ticket: Ticket;
  readonly counter: string;
  readonly finishedAt: number;
}

/** What the simulated days left: the memory store holding every ticket and event, and the finished visits. */
export interface SimulatedQueue {
  readonly store: QueueStore;
  readonly served: readonly ServedVisit[];
}

/** Minutes after midnight (Vietnam time) at which a citizen arrives: most in the morning, a second wave after lunch. */
function arrivalMinute(random: Random): number {
  return random() < 0.68 ? 450 + skewed(random, 95, 0.45) : 810 + random() * 200;
}

/**
 * Runs the office's real queue (core's `createQueue` with its services, counters, priority classes, issuing hours and
 * the working-day calendar) over the working days of `days`, in memory: citizens arrive through the day, each counter
 * calls the next ticket when it is free, serves it for a few minutes, and now and then a citizen does not come or is
 * sent to another service. Days the calendar has off issue nothing, as the kiosk would refuse.
 *
 * @example
 * ```ts
 * const { store, served } = await simulateQueueDays(office, ['2026-11-02', '2026-11-03'], vietnamCalendar(), random);
 * (await store.events()).length; // issue, call, start, finish… of every ticket
 * ```
 */
export async function simulateQueueDays(
  office: Office,
  days: readonly CivilDate[],
  calendar: WorkingDayCalendar,
  random: Random,
): Promise<SimulatedQueue> {
  const store = createMemoryQueueStore();
  // Ticket ids from the same seed too: the same history on every machine.
  const randomBytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
  const queue = createQueue({ ...office.queueConfig, store, calendar, randomBytes });
  const serviceIds = [...queue.config.services.keys()];
  const services = serviceIds.map((id, i) => [id, i === 0 ? 5 : 3] as const);
  const priorities = [...queue.config.priorityClasses.keys()];
  const normal = queue.config.defaultPriority;
  const served: ServedVisit[] = [];
  for (const day of days) {
    if (!calendar.isWorkingDay(day)) continue;
    const midnight = fromVietnamTime(day, 0);
    // Mondays are busier, Fridays quieter.
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const count = Math.round((weekday === 1 ? 80 : weekday === 5 ? 50 : 64) * (0.8 + random() * 0.4));
    const arrivals = Array.from({ length: count }, () => midnight + Math.round(arrivalMinute(random) * MINUTE)).sort(
      (a, b) => a - b,
    );
    const free = new Map([...queue.config.counters.keys()].map((id) => [id, midnight + 450 * MINUTE]));
    let next = 0;
    // Half-minute steps until the last ticket is served (the counters stay past closing for those still waiting).
    for (let now = midnight + 420 * MINUTE; now < midnight + 1_200 * MINUTE; now += MINUTE / 2) {
      for (; next < arrivals.length && (arrivals[next] as number) <= now; next++) {
        const priority = random() < 0.08 ? (priorities.find((p) => p !== normal) ?? normal) : normal;
        try {
          await queue.issue(pick(random, services), { now: arrivals[next] as number, priority });
        } catch (error) {
          if (!(error instanceof QueueRefusedError)) throw error;
        }
      }
      const lunch = now >= midnight + 690 * MINUTE && now < midnight + 800 * MINUTE;
      for (const [counter, freeAt] of free) {
        if (now < freeAt || lunch) continue;
        const called = await queue.callNext(counter, { now });
        if (!called) continue;
        if (random() < 0.04) {
          await queue.noShow(called.id, { now: now + 2 * MINUTE });
          free.set(counter, now + 2 * MINUTE);
          continue;
        }
        const started = now + MINUTE / 2;
        await queue.start(called.id, { now: started });
        const finishedAt = started + Math.round(skewed(random, 6, 0.55) * MINUTE);
        const others = serviceIds.filter((id) => id !== called.service);
        if (random() < 0.03 && others.length > 0) {
          await queue.transfer(
            called.id,
            pick(
              random,
              others.map((id) => [id, 1] as const),
            ),
            { now: finishedAt },
          );
        } else {
          const ticket = await queue.finish(called.id, { now: finishedAt });
          served.push({ ticket, counter, finishedAt });
        }
        free.set(counter, finishedAt + MINUTE);
      }
      if (next >= arrivals.length && now > midnight + 1_050 * MINUTE) {
        const waiting = await store.waitingTickets(serviceIds, day);
        if (waiting.length === 0) break;
      }
    }
  }
  return { store, served };
}

/**
 * The civil dates from `count` days before `today` to the day before it.
 *
 * @example
 * ```ts
 * daysBefore('2026-12-05', 2); // ['2026-12-03', '2026-12-04']
 * ```
 */
export function daysBefore(today: CivilDate, count: number): CivilDate[] {
  return Array.from({ length: count }, (_, i) => addDays(today, i - count));
}
