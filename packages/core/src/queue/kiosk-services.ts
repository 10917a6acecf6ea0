import { isJsonObject } from '../text/json-object.js';
import type { AnswerText, KioskPriorityClass, KioskService, KioskServices } from './ticket-answers.js';

// A kiosk's check of the services list, its first paint (the ticket it issues is read in issued-ticket.ts, which a
// kiosk loads with the first touch). The server sends core's shapes; a kiosk keeps only what is well formed.

/** Whether a JSON value is a string with something in it. */
export const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * A bilingual text of an answer as an {@link AnswerText}: its `vi` and `en` when they are strings, `{}` otherwise.
 *
 * @example
 * ```ts
 * readAnswerText({ vi: 'Hộ tịch', en: 7 }); // { vi: 'Hộ tịch' }
 * ```
 */
export function readAnswerText(value: unknown): AnswerText {
  if (!isJsonObject(value)) return {};
  return {
    ...(typeof value.vi === 'string' ? { vi: value.vi } : {}),
    ...(typeof value.en === 'string' ? { en: value.en } : {}),
  };
}

/**
 * The JSON of `GET /api/queue/services` as {@link KioskServices}, keeping only well-formed services and priority
 * classes (a service is open unless the answer says `open: false`); `undefined` when it is not a services answer.
 *
 * @example
 * ```ts
 * const services = readKioskServices(await (await fetch('/api/queue/services')).json());
 * services?.services.filter((s) => s.open).map((s) => s.prefix); // ['A', 'B']
 * ```
 */
export function readKioskServices(value: unknown): KioskServices | undefined {
  if (!isJsonObject(value) || !Array.isArray(value.services)) return undefined;
  const office = isJsonObject(value.office) ? value.office : {};
  const services = value.services.flatMap((s: unknown): KioskService[] => {
    if (!isJsonObject(s) || !isText(s.id)) return [];
    const next = s.nextOpening;
    return [
      {
        id: s.id,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        name: readAnswerText(s.name),
        open: s.open !== false,
        nextOpening:
          isJsonObject(next) && typeof next.at === 'number'
            ? { date: String(next.date), time: String(next.time), at: next.at }
            : undefined,
      },
    ];
  });
  const classes = Array.isArray(value.priorityClasses) ? value.priorityClasses : [];
  const priorityClasses = classes.flatMap((p: unknown): KioskPriorityClass[] =>
    isJsonObject(p) && isText(p.id)
      ? [{ id: p.id, name: readAnswerText(p.name), weight: typeof p.weight === 'number' ? p.weight : 0 }]
      : [],
  );
  return {
    office: { id: typeof office.id === 'string' ? office.id : '', name: readAnswerText(office.name) },
    services,
    priorityClasses,
    defaultPriority: typeof value.defaultPriority === 'string' ? value.defaultPriority : '',
  };
}
