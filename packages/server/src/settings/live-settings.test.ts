import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { createLiveSettings, settingsSourceLines } from './live-settings.js';
import { insertSettingsVersion, settingsVersions } from './store.js';

const NOW = Date.UTC(2026, 11, 9, 2, 0);
const office = (services: number) =>
  parseOffice(
    {
      ...DEMO_OFFICE,
      queue: {
        ...DEMO_OFFICE.queue,
        services: DEMO_OFFICE.queue.services.slice(0, services),
        counters: DEMO_OFFICE.queue.counters
          .map((c) => ({
            ...c,
            services: c.services.filter((s) => DEMO_OFFICE.queue.services.slice(0, services).some((x) => x.id === s)),
          }))
          .filter((c) => c.services.length > 0),
      },
    },
    { demo: true },
  );

for (const target of TEST_DATABASES) {
  describe(`where the office's settings come from, on ${target.name}`, () => {
    it('the file bootstraps the office, a changed file is taken while no admin saved, then the database wins and a differing file is reported', async () => {
      const db = await target.open();
      const opened: ReturnType<typeof createLiveSettings>[] = [];
      try {
        await migrate(db);
        // Each start is a restart: the previous instance stops (its LISTEN holds a connection of the pool).
        const start = (o: ReturnType<typeof office>) => {
          for (const previous of opened) previous.close();
          const live = createLiveSettings({ db, office: o, now: () => NOW, calendarOverlays: [] });
          opened.push(live);
          return live;
        };
        const first = start(office(3));
        expect(await first.ready()).to.deep.equal({ source: 'configuration', version: 1, fileDiffers: false });
        expect(settingsSourceLines({ source: 'configuration', version: 1, fileDiffers: false })[0]).to.match(
          /tệp cấu hình.*configuration file/,
        );
        // A restart with the same file adds nothing; with a changed file (no admin saved yet), the file's settings.
        expect(await start(office(3)).ready()).to.deep.equal({
          source: 'configuration',
          version: 1,
          fileDiffers: false,
        });
        const changed = start(office(2));
        expect(await changed.ready()).to.deep.equal({ source: 'configuration', version: 2, fileDiffers: false });
        expect(changed.current().queue.services.size).to.equal(2);
        // An admin saves a version: from then on the database wins over any file.
        const saved = await db.transaction((tx) =>
          insertSettingsVersion(tx, 'demo', 2, {
            settings: { ...changed.current().settings, rating: { counter: 'csat', qr: 'csat' } },
            change: 'rating',
            at: NOW,
            by: { kind: 'user', id: 'u1', name: 'Quản trị' },
          }),
        );
        const later = start(office(3));
        const source = await later.ready();
        expect(source).to.deep.equal({ source: 'database', version: saved.version, fileDiffers: true });
        expect(later.current().queue.services.size).to.equal(2);
        expect(later.current().settings.rating.counter).to.equal('csat');
        const lines = settingsSourceLines(source);
        expect(lines).to.have.length(2);
        expect(lines[1]).to.match(/differs/);
        expect((await settingsVersions(db, 'demo', 10)).map((v) => v.change)).to.deep.equal([
          'rating',
          'bootstrap',
          'bootstrap',
        ]);
      } finally {
        for (const live of opened) live.close();
        await db.close();
      }
    });
  });
}
