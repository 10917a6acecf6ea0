import { describe, it } from 'node:test';
import { canonicalJson } from '@motcua/core/catalogue';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { catalogueFromFile } from '../dossiers/catalogue.js';
import { call } from '../http/call.test-support.js';
import { demoOffice } from '../office/office.js';
import { listAudit } from '../staff/audit-store.js';
import { settingsSourceLines } from './live-settings.js';
import { admin, EXAMPLE_CATALOGUE, eventually, instance, vn } from './settings.test-support.js';
import {
  checkSettingsFile,
  exportSettings,
  importSettings,
  type SettingsFileDeps,
  StaleSettingsFileError,
  settingsProblemLines,
  settingsStatus,
} from './settings-file.js';
import { settingsVersions } from './store.js';

const NOW = vn('2026-12-09T09:00:00');

function depsOf(db: Database): SettingsFileDeps {
  return {
    db,
    office: demoOffice(),
    now: () => NOW,
    calendarOverlays: [],
    fileCatalogue: catalogueFromFile(EXAMPLE_CATALOGUE),
  };
}

/** The problems' paths of a settings file that `checkSettingsFile` refuses. */
async function pathsOf(deps: SettingsFileDeps, json: unknown): Promise<string[]> {
  try {
    await checkSettingsFile(deps, json);
  } catch (error) {
    if (!(error instanceof MotcuaError)) throw error;
    return settingsProblemLines(error.problems).map((line) => line.slice(0, line.indexOf(':')));
  }
  throw new Error('the file was accepted');
}

for (const target of TEST_DATABASES) {
  describe(`the office's settings as a file, on ${target.name}`, () => {
    it('exports the configuration before any version, then the version in force; an import of the export saves the same settings as a new version a running app takes', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const deps = depsOf(db);
        const before = await exportSettings(deps);
        expect(before.version).to.equal(0);
        expect(before.settings.queue.services.map((s) => s.id)).to.deep.equal(
          demoOffice().queueConfig.services.map((s) => s.id),
        );

        const clock = { now: NOW };
        const app = instance(db, clock);
        const headers = await admin(db, NOW);
        const v1 = (await call(app, 'GET', '/api/admin/settings', headers)).body;
        expect(v1.version).to.equal(1);
        const exported = await exportSettings(deps);
        expect([exported.version, exported.savedAt]).to.deep.equal([1, v1.savedAt]);
        expect(canonicalJson(exported.settings)).to.equal(canonicalJson(v1.settings));

        // The round trip through JSON text: the same settings, as a new version by the console, in the audit trail.
        const roundTrip = await importSettings(
          deps,
          await checkSettingsFile(deps, JSON.parse(JSON.stringify(exported))),
        );
        expect([roundTrip.version, roundTrip.change, roundTrip.savedBy.kind]).to.deep.equal([
          2,
          'import',
          'configuration',
        ]);
        expect(canonicalJson(roundTrip.settings)).to.equal(canonicalJson(exported.settings));

        // A changed file (the settings alone) is taken by the running app without a restart.
        const changed = {
          ...exported.settings,
          noAppointment: { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' },
          rating: { counter: 'csat', qr: 'vn-one-stop-rating' },
        };
        const saved = await importSettings(deps, await checkSettingsFile(deps, changed), { expectedVersion: 2 });
        expect(saved.version).to.equal(3);
        await eventually(async () => (await call(app, 'GET', '/api/admin/settings', headers)).body.version === 3);
        const inForce = (await call(app, 'GET', '/api/admin/settings', headers)).body;
        expect([
          inForce.change,
          inForce.settings.rating.counter,
          inForce.settings.noAppointment.weekdays,
        ]).to.deep.equal(['import', 'csat', [3]]);
        const trail = await listAudit(db, { office: 'demo', from: 0, to: NOW + 1, limit: 100 });
        expect(trail.filter((e) => e.action === 'settings.import').map((e) => [e.object, e.actor.kind])).to.deep.equal([
          ['settings:2', 'anonymous'],
          ['settings:3', 'anonymous'],
        ]);
        // At start, the database wins over the configuration, which now differs: the import command is named.
        const status = await settingsStatus(deps);
        expect(status).to.deep.equal({ source: 'database', version: 3, fileDiffers: true });
        expect(settingsSourceLines(status)[1]).to.contain('motcua-server settings import');
      } finally {
        await db.close();
      }
    });

    it('refuses a bad file with every problem at its path and a stale version, saving nothing', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const deps = depsOf(db);
        const exported = await exportSettings(deps);
        const first = await importSettings(deps, exported.settings);
        expect(first.version).to.equal(1);

        const queue = exported.settings.queue;
        const bad = {
          ...exported,
          settings: {
            ...exported.settings,
            noAppointment: { weekdays: [9], procedures: ['9.999999'], from: '2026-02-30' },
            queue: { ...queue, counters: [{ ...queue.counters[0], services: ['khong-co'] }] },
            rating: { counter: 'vn-one-stop-rating', qr: 'no-such-instrument' },
          },
        };
        expect(await pathsOf(deps, bad)).to.deep.equal([
          '$.settings.noAppointment.weekdays',
          '$.settings.noAppointment.from',
          '$.settings.noAppointment.procedures[0]',
          '$.settings.queue.counters[0].services[0]',
          '$.settings.rating.qr',
        ]);
        expect(await pathsOf(deps, { noAppointment: null, queue })).to.deep.equal(['$.calendarOverlays', '$.rating']);
        expect(await pathsOf(deps, [])).to.deep.equal(['$']);

        await importSettings(deps, exported.settings, { expectedVersion: 1 });
        let stale: unknown;
        try {
          await importSettings(deps, exported.settings, { expectedVersion: 1 });
        } catch (error) {
          stale = error;
        }
        expect(stale).to.be.instanceOf(StaleSettingsFileError);
        expect((stale as StaleSettingsFileError).current).to.equal(2);
        expect((await settingsVersions(db, 'demo', 10)).map((v) => v.version)).to.deep.equal([2, 1]);
        const trail = await listAudit(db, { office: 'demo', from: 0, to: NOW + 1, limit: 100 });
        expect(trail.filter((e) => e.action === 'settings.import')).to.have.length(2);
      } finally {
        await db.close();
      }
    });
  });
}
