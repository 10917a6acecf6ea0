// The queue settings as the form holds them while an admin types (texts in both languages, `HH:MM` times, weekdays),
// and their conversion from and to the server's queue configuration; the paths of the server's problems as the form's
// field names; the settings version answer this screen can edit.

import type { QueueConfig } from '@motcua/core/queue';
import type { OfficeSettingsVersion } from '@motcua/core/staff';

/** A text being typed in both languages. */
interface Names {
  vi: string;
  en: string;
}
/** An issuing window as typed: `HH:MM` times and the weekdays (0 = Sunday). */
export interface WindowDraft {
  from: string;
  to: string;
  days: number[];
}
/** The fields of a service, counter or priority class the screen edits; `rest` keeps the others as they were. */
export interface ServiceDraft {
  id: string;
  prefix: string;
  name: Names;
  windows: WindowDraft[];
  dailyCap: string;
  fresh: boolean;
  rest: Record<string, unknown>;
}
export interface CounterDraft {
  id: string;
  label: string;
  services: string[];
  rest: Record<string, unknown>;
}
interface PriorityDraft {
  id: string;
  name: Names;
  weight: string;
  fresh: boolean;
  rest: Record<string, unknown>;
}
export interface Draft {
  services: ServiceDraft[];
  counters: CounterDraft[];
  priorityClasses: PriorityDraft[] | undefined;
  defaultPriority: string;
  closedDates: string[];
  rest: Record<string, unknown>;
}

/** The weekdays in the order a Vietnamese week is read: Monday (1) to Sunday (0). */
export const WEEK = [1, 2, 3, 4, 5, 6, 0];
/** Core's default days of a window without any: Monday to Friday. */
export const WORKDAYS = [1, 2, 3, 4, 5];

export const names = (text: { vi?: string; en?: string } | undefined): Names => ({
  vi: text?.vi ?? '',
  en: text?.en ?? '',
});
export const without = (record: object, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

export function draftOf(queue: QueueConfig): Draft {
  return {
    services: queue.services.map((s) => ({
      id: s.id,
      prefix: s.prefix,
      name: names(s.name),
      windows: (s.windows ?? []).map((w) => ({ from: w.from, to: w.to, days: [...(w.days ?? WORKDAYS)] })),
      dailyCap: s.dailyCap === undefined ? '' : String(s.dailyCap),
      fresh: false,
      rest: without(s, ['id', 'prefix', 'name', 'windows', 'dailyCap']),
    })),
    counters: queue.counters.map((c) => ({
      id: c.id,
      label: c.label ?? c.id,
      services: [...c.services],
      rest: without(c, ['id', 'label', 'services']),
    })),
    priorityClasses: queue.priorityClasses?.map((p) => ({
      id: p.id,
      name: names(p.name),
      weight: String(p.weight),
      fresh: false,
      rest: without(p, ['id', 'name', 'weight']),
    })),
    defaultPriority: queue.defaultPriority ?? '',
    closedDates: [...(queue.closedDates ?? [])],
    rest: without(queue, ['services', 'counters', 'priorityClasses', 'defaultPriority', 'closedDates']),
  };
}

/** A number as typed: the number, or the text itself when it is not one (the server then names its path). */
const numberOf = (typed: string): unknown =>
  typed.trim() !== '' && Number.isFinite(Number(typed)) ? Number(typed) : typed;

/** The queue configuration to send, in the order shown (so a problem's path names the row on screen). */
export function configOf(d: Draft): unknown {
  return {
    ...d.rest,
    services: d.services.map((s) => ({
      ...s.rest,
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      ...(s.windows.length > 0 ? { windows: s.windows.map((w) => ({ ...w, days: [...w.days].sort() })) } : {}),
      ...(s.dailyCap.trim() === '' ? {} : { dailyCap: numberOf(s.dailyCap) }),
    })),
    counters: d.counters.map((c) => ({ ...c.rest, id: c.id, label: c.label, services: c.services })),
    ...(d.priorityClasses
      ? {
          priorityClasses: d.priorityClasses.map((p) => ({
            ...p.rest,
            id: p.id,
            name: p.name,
            weight: numberOf(p.weight),
          })),
        }
      : {}),
    ...(d.defaultPriority ? { defaultPriority: d.defaultPriority } : {}),
    ...(d.closedDates.length > 0 ? { closedDates: d.closedDates } : {}),
  };
}

/** A field's key from a problem's path: `$.value.services[0].windows[1].from` → `services.0.windows.1.from`. */
export const fieldOf = (path: string): string =>
  path
    .replace(/^\$\.value\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\["([^"]*)"\]/g, '.$1')
    .replace(/^\./, '');

/**
 * A settings version answer whose queue this screen can edit (the element does not load core's settings readers,
 * which bring the rating instruments: the office administration's first paint has them, and would share a chunk).
 */
export function readVersion(answer: unknown): OfficeSettingsVersion | undefined {
  const v = answer as Partial<OfficeSettingsVersion> | undefined;
  const queue = v?.settings?.queue;
  return typeof v?.version === 'number' && Array.isArray(queue?.services) && Array.isArray(queue?.counters)
    ? (v as OfficeSettingsVersion)
    : undefined;
}

/** `2026-12-07` → `07/12/2026`. */
export const shownDate = (date: string): string => date.split('-').reverse().join('/');
