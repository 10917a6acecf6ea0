// A TypeScript user of the three published packages, type-checked strictly in the scratch project with the
// declarations from the tarballs (skipLibCheck off, NodeNext resolution): missing or broken .d.ts files fail here.
import { MotcuaError } from '@motcua/core';
import { type CivilDate, vietnamCalendar } from '@motcua/core/calendar';
import { dueDate } from '@motcua/core/deadline';
import type { MotcuaCalendarDay } from '@motcua/elements/calendar-day';
import { loadConfig, type RunningServer, startServer } from '@motcua/server';

const calendar = vietnamCalendar();
const day: CivilDate = calendar.addWorkingDays('2026-02-13', 1);
const due: string = dueDate(
  { receivedAt: '2026-02-13T10:00:00+07:00', limit: { value: 3, unit: 'working-days' } },
  { calendar },
).dueAt;

export function show(element: HTMLElementTagNameMap['motcua-calendar-day']): MotcuaCalendarDay {
  element.date = day;
  element.showLunar = true;
  return element;
}

export const start = (): Promise<RunningServer> => startServer(loadConfig({ PORT: '8080' }));
export { due, MotcuaError };
