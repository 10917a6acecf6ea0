import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { readCatalogueImportCheck } from './catalogue-admin.js';
import {
  checkOfficeSettings,
  type OfficeSettings,
  readCalendarPreview,
  readOfficeSettingsVersion,
} from './office-settings.js';

const settings: OfficeSettings = {
  noAppointment: { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' },
  calendarOverlays: [
    {
      name: 'UBND xã',
      localDays: [{ date: '2026-12-28', working: false, name: { vi: 'Nghỉ', en: 'Day off' } }],
    },
  ],
  queue: {
    services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
    counters: [{ id: '1', services: ['ho-tich'] }],
  },
  rating: { counter: 'vn-one-stop-rating', qr: 'vn-one-stop-rating' },
};

const pathsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof MotcuaError) return error.problems.map((p) => p.path.join('.'));
    throw error;
  }
  return [];
};

describe('office settings', () => {
  it('valid settings pass core’s parsers unchanged', () => {
    expect(checkOfficeSettings(settings, { procedureCodes: new Set(['1.004873']) })).to.deep.equal(settings);
  });

  it('every section’s problems come at once, each at its path', () => {
    const bad = {
      noAppointment: { weekdays: [9], procedures: ['9.999999'], from: '2026-02-30' },
      calendarOverlays: [{ name: 'x', localDays: [{ date: 'hôm nay', working: false, name: { vi: 'a', en: 'a' } }] }],
      queue: {
        services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
        counters: [{ id: '1', services: ['dat-dai'] }],
      },
      rating: { counter: 'vn-one-stop-rating', qr: 'no-such' },
    } as unknown as OfficeSettings;
    const paths = pathsOf(() => checkOfficeSettings(bad, { procedureCodes: new Set(['1.004873']) }));
    expect(paths).to.include.members([
      'noAppointment.weekdays',
      'noAppointment.from',
      'noAppointment.procedures.0',
      'calendarOverlays.0.localDays.0.date',
      'rating.qr',
    ]);
    expect(paths.some((p) => p.startsWith('queue.counters.0'))).to.equal(true);
  });

  it('a Decision 766 points split names known indicators, keeps the confirmed points and fits each group', () => {
    const split = {
      indicators: { '2.1': { maxPoints: 10, target: 1 }, '3.3': { maxPoints: 4 }, '5.4': { maxPoints: 6 } },
    };
    expect(checkOfficeSettings({ ...settings, scorecard: split }).scorecard).to.deep.equal(split);
    expect(checkOfficeSettings({ ...settings, scorecard: { indicators: {} } }).scorecard).to.deep.equal({
      indicators: {},
    });
    const bad = (indicators: unknown) =>
      pathsOf(() => checkOfficeSettings({ ...settings, scorecard: { indicators } as never }));
    expect(bad({ '9.9': { maxPoints: 1 } })).to.deep.equal(['scorecard.indicators.9.9']);
    expect(bad({ '5.4': { maxPoints: 8 } }), '5.4 is confirmed at 6').to.deep.equal([
      'scorecard.indicators.5.4.maxPoints',
    ]);
    expect(bad({ '2.1': { maxPoints: -1 } })).to.deep.equal(['scorecard.indicators.2.1.maxPoints']);
    expect(bad({ '2.1': { maxPoints: '10' } })).to.deep.equal(['scorecard.indicators.2.1.maxPoints']);
    expect(bad({ '2.1': { maxPoints: 10, target: 0 } })).to.deep.equal(['scorecard.indicators.2.1.target']);
    expect(bad({ '2.1': { maxPoints: 10, target: 1.5 } })).to.deep.equal(['scorecard.indicators.2.1.target']);
    // Group 2 has 20 points: 2.1 and 2.2 may not add up to more.
    expect(bad({ '2.1': { maxPoints: 15 }, '2.2': { maxPoints: 6 } })).to.deep.equal(['scorecard.indicators']);
    expect(bad({ '2.1': { maxPoints: 15 }, '2.2': { maxPoints: 5 } })).to.deep.equal([]);
    // Group 5 has 18 points, 6 of them 5.4's: 12 are left for the others.
    expect(bad({ '5.1': { maxPoints: 12.5 } })).to.deep.equal(['scorecard.indicators']);
    expect(pathsOf(() => checkOfficeSettings({ ...settings, scorecard: [] as never }))).to.deep.equal([
      'scorecard.indicators',
    ]);
  });

  it('no group of a points split ever passes its maximum', () => {
    const ids = ['1.1', '1.3', '1.4', '2.1', '2.2', '3.1', '3.3', '4.1', '4.2', '5.1', '5.2'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 0, max: 25 })), (points) => {
        const indicators = Object.fromEntries(Object.entries(points).map(([id, maxPoints]) => [id, { maxPoints }]));
        const groups = new Map<string, number>([
          ['1', 4],
          ['5', 6],
        ]);
        for (const [id, p] of Object.entries(points))
          groups.set(id[0] as string, (groups.get(id[0] as string) ?? 0) + p);
        const max: Record<string, number> = { '1': 18, '2': 20, '3': 22, '4': 22, '5': 18 };
        const fits = [...groups].every(([g, sum]) => sum <= (max[g] as number));
        const refused = pathsOf(() => checkOfficeSettings({ ...settings, scorecard: { indicators } }));
        expect(refused.length === 0, JSON.stringify(points)).to.equal(fits);
      }),
    );
  });

  it('a no-appointment day needs its start date', () => {
    const { from: _from, ...rest } = settings.noAppointment as NonNullable<OfficeSettings['noAppointment']>;
    expect(pathsOf(() => checkOfficeSettings({ ...settings, noAppointment: rest as never }))).to.deep.equal([
      'noAppointment.from',
    ]);
  });

  it('readers refuse what is not their shape and never throw', () => {
    const version = {
      version: 2,
      savedAt: '2026-12-05T09:00:00+07:00',
      savedBy: { kind: 'user', id: 'u1' },
      change: 'calendar',
      settings,
    };
    expect(readOfficeSettingsVersion(version)).to.deep.equal(version);
    // A file imported from the console (`motcua-server settings import`).
    const imported = {
      ...version,
      savedBy: { kind: 'configuration', name: 'motcua-server settings import' },
      change: 'import',
    };
    expect(readOfficeSettingsVersion(imported)).to.deep.equal(imported);
    expect(readOfficeSettingsVersion({ ...version, change: 'everything' })).to.equal(undefined);
    expect(readCalendarPreview({ days: [], dossiers: [], open: 1.5 })).to.equal(undefined);
    expect(
      readCatalogueImportCheck({ ok: false, problems: [{ path: '$[2]' }], warnings: [], publishedVersion: 0 }),
    ).to.deep.equal({
      ok: false,
      problems: [],
      warnings: [],
      publishedVersion: 0,
    });
    fc.assert(
      fc.property(fc.anything(), (value) => {
        readOfficeSettingsVersion(value);
        readCalendarPreview(value);
        readCatalogueImportCheck(value);
      }),
    );
  });
});
