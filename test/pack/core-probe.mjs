// Computes a few real answers with @motcua/core and prints them as JSON, so that the published package
// (a scratch project's node_modules) and the source tree can be compared.
//   node core-probe.mjs                          → imports the package by name (its `exports`, plain Node)
//   node --import tsx core-probe.mjs <src dir>   → imports packages/core/src/<room>/index.ts
// with MOTCUA_PROBE_CATALOGUE naming the example catalogue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const source = process.argv[2];
const load = (room) =>
  source
    ? import(pathToFileURL(join(source, room ? `${room}/index.ts` : 'index.ts')).href)
    : import(room ? `@motcua/core/${room}` : '@motcua/core');

const [core, calendar, deadline, text, catalogue] = await Promise.all([
  load(''),
  load('calendar'),
  load('deadline'),
  load('text'),
  load('catalogue'),
]);

const cal = calendar.vietnamCalendar();
// Received on the Friday before Tết Bính Ngọ (17/02/2026): the days off run to Sunday 22/02.
const received = { receivedAt: '2026-02-13T10:00:00+07:00', limit: { value: 3, unit: 'working-days' } };
const due = deadline.dueDate(received, { calendar: cal });

// An error thrown inside one subpath must be the class another subpath (and the root) exports:
// a package whose entry points duplicated modules would fail here.
let sameErrorClass = false;
try {
  deadline.dueDate({ receivedAt: 'not a date', limit: { value: 3, unit: 'working-days' } }, { calendar: cal });
} catch (error) {
  sameErrorClass = error instanceof text.MotcuaError && error instanceof core.MotcuaError;
}

// The catalogue checks run on zod (the user's own copy when it is in core's range): the example catalogue passes,
// a broken one is refused with paths.
// MOTCUA_PROBE_CATALOGUE: the path of the example catalogue (examples/data/catalogue.json).
const checked = catalogue.parseCatalogue(JSON.parse(readFileSync(process.env.MOTCUA_PROBE_CATALOGUE, 'utf8')));
const broken = catalogue.parseCatalogue({ procedures: [{ code: 'x', name: '' }] });

// A subpath the package does not export is refused as such, not as a missing file.
let unknownSubpath;
if (!source) {
  try {
    await import('@motcua/core/nope');
    unknownSubpath = 'imported';
  } catch (error) {
    unknownSubpath = error?.code;
  }
}

const result = {
  nextWorkingDay: cal.addWorkingDays('2026-02-13', 1),
  tetWorkingDay: cal.isWorkingDay('2026-02-17'),
  makeUpSaturday: cal.isWorkingDay('2026-01-10'),
  lunarNewYear: calendar.solarToLunar('2026-02-17'),
  dueAt: due.dueAt,
  deemedReceivedAt: due.deemedReceivedAt,
  sameErrorClass,
  rootReexportsRooms: core.dueDate === deadline.dueDate && core.vietnamCalendar === calendar.vietnamCalendar,
  catalogueProcedures: checked.ok ? checked.catalogue.procedures.length : checked.problems,
  brokenCatalogue: broken.ok ? 'accepted' : broken.problems.map((problem) => problem.path.join('.')),
};
if (!source) result.unknownSubpath = unknownSubpath;
console.log(JSON.stringify(result));
