import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type CalendarOverlay, fromVietnamTime } from '@motcua/core/calendar';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
import { call } from './http/call.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-calendar-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const commune: CalendarOverlay = {
  name: 'UBND xã Ví Dụ',
  localDays: [{ date: '2026-12-07', working: false, name: { vi: 'Lễ hội của xã', en: 'Commune festival' } }],
};
writeFileSync(join(dir, 'xa.json'), JSON.stringify(commune));

function refusal(load: () => unknown): MotcuaError {
  try {
    load();
  } catch (error) {
    if (error instanceof MotcuaError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('calendar overlays in the configuration file', () => {
  it('reads them (paths relative to the file, or inline) and checks them with core’s parser', () => {
    const file = join(dir, 'ok.config.json');
    writeFileSync(
      file,
      JSON.stringify({ calendarOverlays: ['xa.json', { name: 'tỉnh', rules: { cultureDay: true } }] }),
    );
    const config = loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir });
    expect(config.calendarOverlays?.map((o) => [o.source, o.overlay.name])).to.deep.equal([
      [join(dir, 'xa.json'), 'UBND xã Ví Dụ'],
      ['inline', 'tỉnh'],
    ]);
  });

  it('refuses to start on a bad overlay, naming the overlay, the field and the file in Vietnamese and English', () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ name: 'x', localDays: [{ date: '2026-02-30', working: false, name: { vi: 'a', en: 'a' } }] }),
    );
    const file = join(dir, 'bad.config.json');
    writeFileSync(file, JSON.stringify({ calendarOverlays: ['xa.json', 'bad.json', 'missing.json'] }));
    const error = refusal(() => loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir }));
    const [bad, missing] = error.problems;
    expect(bad?.path).to.deep.equal(['calendarOverlays', 1, 'localDays', 0, 'date']);
    expect(bad?.message.vi).to.contain(join(dir, 'bad.json')).and.contain('2026-02-30');
    expect(bad?.message.en).to.contain('Calendar overlay').and.contain('bad.json');
    expect(missing).to.include({ code: 'unreadable-config' });
    expect(missing?.path).to.deep.equal(['calendarOverlays', 2]);
    writeFileSync(file, JSON.stringify({ calendarOverlays: [42] }));
    expect(refusal(() => loadConfig({ MOTCUA_CONFIG: file, MOTCUA_DATA_DIR: dir })).problems[0]?.path).to.deep.equal([
      'calendarOverlays',
      0,
    ]);
  });
});

for (const target of TEST_DATABASES) {
  describe(`the server's calendar on ${target.name}`, () => {
    async function serve(
      at: number,
      calendarOverlays: { source: string; overlay: CalendarOverlay }[] = [{ source: 'xa.json', overlay: commune }],
    ) {
      const db = await target.open();
      await migrate(db);
      return { db, api: createApp({ db, now: () => at, calendarOverlays }) };
    }

    it('reports the active overlays, their warnings and this year’s days off at GET /api/calendar', async () => {
      const { db, api } = await serve(fromVietnamTime('2026-11-20', 9 * 60), [
        { source: 'xa.json', overlay: commune },
        { source: 'inline', overlay: { name: 'tỉnh', rules: { cultureDay: true } } },
      ]);
      try {
        const res = await api.request('/api/calendar');
        expect(res.status).to.equal(200);
        const body = (await res.json()) as {
          overlays: { name: string; source: string; localDays: number }[];
          warnings: { code: string; path: (string | number)[] }[];
          daysOff: { date: string; kind: string; source: { instrument?: string } }[];
        };
        expect(body.overlays.map((o) => [o.name, o.source, o.localDays])).to.deep.equal([
          ['UBND xã Ví Dụ', 'file', 1],
          ['tỉnh', 'inline', 0],
        ]);
        expect(body.warnings.map((w) => [w.code, w.path])).to.deep.equal([
          ['rule-built-in', ['overlays', 1, 'rules', 'cultureDay']],
        ]);
        const dates = body.daysOff.map((d) => d.date);
        expect(dates).to.include('2026-11-24').and.include('2026-12-07');
        expect(body.daysOff.find((d) => d.date === '2026-11-24')?.source.instrument).to.equal(
          'Nghị quyết 28/2026/QH16, điều 2',
        );
      } finally {
        await db.close();
      }
    });

    it('applies the calendar to due dates: across 24/11/2026, and across a day off an overlay adds', async () => {
      const catalogue = new URL('../../../examples/data/catalogue.json', import.meta.url).pathname;
      const staff = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
      const receive = {
        procedure: '1.004194', // Đăng ký tạm trú: 3 working days
        applicant: { name: 'Nguyễn Văn A', address: '1 Đường B', phone: '0905 000 000' },
        documents: [{ name: 'Tờ khai' }],
      };
      const cases: [number, CalendarOverlay[], string][] = [
        // Received Friday 20/11/2026: 23, 25, 26/11 (24/11 is Ngày Văn hóa Việt Nam).
        [fromVietnamTime('2026-11-20', 9 * 60), [], '2026-11-26T17:00:00+07:00'],
        // Received Friday 4/12/2026 with the commune's day off on Monday 7/12: 8, 9, 10/12.
        [fromVietnamTime('2026-12-04', 9 * 60), [commune], '2026-12-10T17:00:00+07:00'],
        [fromVietnamTime('2026-12-04', 9 * 60), [], '2026-12-09T17:00:00+07:00'],
      ];
      for (const [at, overlays, dueAt] of cases) {
        const db = await target.open();
        await migrate(db);
        try {
          const api = createApp({
            db,
            catalogue,
            now: () => at,
            calendarOverlays: overlays.map((overlay) => ({ source: 'inline', overlay })),
          });
          const received = await call(api, 'POST', '/api/dossiers', staff, receive);
          expect(received.status).to.equal(201);
          expect(received.body.dueAt, dueAt).to.equal(dueAt);
        } finally {
          await db.close();
        }
      }
    });

    it('applies the calendar to the queue: closed on 24/11 and on the commune’s own day off', async () => {
      for (const date of ['2026-11-24', '2026-12-07']) {
        const { db, api } = await serve(fromVietnamTime(date, 9 * 60));
        try {
          const body = (await (await api.request('/api/queue/services')).json()) as {
            services: { id: string; open: boolean }[];
          };
          expect(
            body.services.every((s) => !s.open),
            date,
          ).to.equal(true);
        } finally {
          await db.close();
        }
      }
      const { db, api } = await serve(fromVietnamTime('2026-11-25', 9 * 60));
      try {
        const body = (await (await api.request('/api/queue/services')).json()) as { services: { open: boolean }[] };
        expect(body.services.every((s) => s.open)).to.equal(true);
      } finally {
        await db.close();
      }
    });
  });
}
