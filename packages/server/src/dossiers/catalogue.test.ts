import { describe, it } from 'node:test';
import type { NoAppointmentSetting } from '@motcua/core/staff';
import { expect } from 'chai';
import { servedCatalogue, servedCatalogueOnce } from './catalogue.js';

const FILE = JSON.stringify({
  formatVersion: 1,
  version: '2026-12-01',
  agency: { name: 'UBND xã' },
  procedures: [],
  noAppointment: { weekdays: [1], procedures: ['2.000908'] },
});
const WEDNESDAYS: NoAppointmentSetting = { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' };

describe('the catalogue as GET /api/catalogue serves it', () => {
  it("carries the office's rule once it starts, never the file's own, and serves a file that is not JSON as written", () => {
    expect(JSON.parse(servedCatalogue(FILE, null, '2026-12-09'))).to.not.have.property('noAppointment');
    expect(JSON.parse(servedCatalogue(FILE, WEDNESDAYS, '2026-12-08'))).to.not.have.property('noAppointment');
    expect(JSON.parse(servedCatalogue(FILE, WEDNESDAYS, '2026-12-09')).noAppointment).to.deep.equal({
      weekdays: [3],
      procedures: ['1.004873'],
      note: {
        vi: 'Thứ Tư không hẹn: giải quyết ngay trong ngày',
        en: 'Wednesday, no appointment: resolved the same day',
      },
    });
    expect(servedCatalogue('{ not json', WEDNESDAYS, '2026-12-09')).to.equal('{ not json');
  });

  it('answers again from its last answer while nothing changed, and anew when the rule, its start or the file does', () => {
    const serve = servedCatalogueOnce();
    const before = serve(FILE, WEDNESDAYS, '2026-12-08');
    expect(serve(FILE, WEDNESDAYS, '2026-12-08')).to.equal(before);
    const started = serve(FILE, WEDNESDAYS, '2026-12-09');
    expect(JSON.parse(started).noAppointment.weekdays).to.deep.equal([3]);
    const mondays = { ...WEDNESDAYS, weekdays: [1] };
    expect(JSON.parse(serve(FILE, mondays, '2026-12-09')).noAppointment.weekdays).to.deep.equal([1]);
    const edited = FILE.replace('2026-12-01', '2026-12-10');
    expect(JSON.parse(serve(edited, mondays, '2026-12-09')).version).to.equal('2026-12-10');
    expect(JSON.parse(serve(edited, null, '2026-12-09'))).to.not.have.property('noAppointment');
  });
});
