import { compare } from '../../../scripts/bench/compare.js';
import { chooseNextTicket, createQueue, type OrderableTicket, type Queue } from '../src/queue/index.js';

// A morning rush at one counter: 500 tickets waiting, one in five in a priority class.
const WEIGHTS: Record<string, number> = { thuong: 0, 'nguoi-cao-tuoi': 1, 'phu-nu-mang-thai': 1, 'nguoi-co-cong': 2 };
const CLASSES = [
  'thuong',
  'thuong',
  'thuong',
  'thuong',
  'nguoi-cao-tuoi',
  'thuong',
  'thuong',
  'phu-nu-mang-thai',
  'thuong',
  'nguoi-co-cong',
];
const weightOf = (p: string): number => WEIGHTS[p] ?? 0;
const START = Date.UTC(2026, 10, 23, 1, 0); // 08:00 in Hà Nội
const waiting: OrderableTicket[] = Array.from({ length: 500 }, (_, i) => ({
  priority: CLASSES[i % CLASSES.length] as string,
  queuedAt: START + i * 7_000,
  ordinal: i + 1,
}));
const NOW = START + 500 * 7_000;

/** The anchor: what NovoSGA's ORDER BY does in SQL, done in-process — sort the whole waiting list per call. */
function sortAging(list: readonly OrderableTicket[], now: number): OrderableTicket | undefined {
  return [...list].sort((a, b) => {
    const sa = (weightOf(a.priority) + 1) * (now - a.queuedAt);
    const sb = (weightOf(b.priority) + 1) * (now - b.queuedAt);
    return sb - sa || weightOf(b.priority) - weightOf(a.priority) || a.queuedAt - b.queuedAt || a.ordinal - b.ordinal;
  })[0];
}

function sortStrict(list: readonly OrderableTicket[]): OrderableTicket | undefined {
  return [...list].sort(
    (a, b) => weightOf(b.priority) - weightOf(a.priority) || a.queuedAt - b.queuedAt || a.ordinal - b.ordinal,
  )[0];
}

// Both implementations must agree before they are timed.
for (let t = 0; t < 50; t++) {
  const now = NOW + t * 60_000;
  if (chooseNextTicket(waiting, { kind: 'aging' }, weightOf, now) !== sortAging(waiting, now))
    throw new Error('aging mismatch');
}
if (chooseNextTicket(waiting, { kind: 'strict' }, weightOf, NOW) !== sortStrict(waiting))
  throw new Error('strict mismatch');

// Issue + call through the whole in-memory queue, ~500 waiting, against a plain array sorted per call.
const services = [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }];
const counters = [{ id: '1', services: ['ho-tich'] }];
let queue: Queue;
let clock = START;
let ops = 0;
let plainClock = START;
let plainOps = 0;
async function freshQueue(): Promise<void> {
  queue = createQueue({
    services,
    counters,
    ordering: { kind: 'aging' },
    priorityClasses: Object.entries(WEIGHTS).map(([id, weight]) => ({ id, weight, name: { vi: id, en: id } })),
  });
  clock = START;
  for (let i = 0; i < 500; i++) {
    clock += 1000;
    await queue.issue('ho-tich', { now: clock, priority: CLASSES[i % CLASSES.length] as string });
  }
}
await freshQueue();

interface PlainTicket {
  number: string;
  priority: string;
  queuedAt: number;
  ordinal: number;
  status: string;
}
let plain: PlainTicket[] = [];
let plainCount = 0;
function freshPlain(): void {
  plain = [];
  plainCount = 0;
  plainClock = START;
  for (let i = 0; i < 500; i++) plainIssue(CLASSES[i % CLASSES.length] as string);
}
function plainIssue(priority: string): PlainTicket {
  plainCount++;
  plainClock += 1000;
  const t = {
    number: `A${String(plainCount).padStart(3, '0')}`,
    priority,
    queuedAt: plainClock,
    ordinal: plainCount,
    status: 'issued',
  };
  plain.push(t);
  return t;
}
freshPlain();

await compare('Queue tickets: choosing and calling the next ticket', [
  {
    name: 'next ticket of 500 waiting, weighted aging',
    ours: () => chooseNextTicket(waiting, { kind: 'aging' }, weightOf, NOW),
    anchor: () => sortAging(waiting, NOW),
    anchorName: 'Array.prototype.sort of the waiting list per call',
  },
  {
    name: 'next ticket of 500 waiting, strict priority',
    ours: () => chooseNextTicket(waiting, { kind: 'strict' }, weightOf, NOW),
    anchor: () => sortStrict(waiting),
    anchorName: 'Array.prototype.sort of the waiting list per call',
  },
  {
    name: 'issue + callNext, ~500 waiting, in-memory store',
    ours: async () => {
      if (++ops % 20_000 === 0) await freshQueue();
      clock += 1000;
      await queue.issue('ho-tich', { now: clock, priority: CLASSES[ops % CLASSES.length] as string });
      return queue.callNext('1', { now: clock });
    },
    anchor: () => {
      if (++plainOps % 20_000 === 0) freshPlain();
      plainIssue(CLASSES[plainOps % CLASSES.length] as string);
      const next = sortAging(plain, plainClock) as PlainTicket;
      plain.splice(plain.indexOf(next), 1);
      next.status = 'called';
      return next;
    },
    anchorName: 'plain array, count+1 numbering, sort per call (no ids, no checks, no log)',
  },
]);
