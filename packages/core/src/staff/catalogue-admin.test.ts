import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { readCatalogueImportCheck, readCatalogueVersionView } from './catalogue-admin.js';

describe('catalogue administration readers', () => {
  const view = {
    version: 2,
    publishedAt: '2026-12-05T09:00:00+07:00',
    publishedBy: { kind: 'user', id: 'u1', name: 'Lê Văn Quản' },
    catalogueVersion: '2026-12-05',
    procedures: 33,
    rollbackOf: 1,
  };

  it('reads a published version, and refuses one without its author, number or counts', () => {
    expect(readCatalogueVersionView(view)).to.deep.equal(view);
    expect(readCatalogueVersionView({ ...view, publishedBy: { kind: 'robot' } })).to.equal(undefined);
    expect(readCatalogueVersionView({ ...view, version: '2' })).to.equal(undefined);
    expect(readCatalogueVersionView({ ...view, procedures: 3.5 })).to.equal(undefined);
  });

  it('keeps a check’s well-formed problems and its diff, drops a malformed diff', () => {
    const problem = { path: '$[3]["Mã thủ tục"]', code: 'missing', message: { vi: 'Thiếu mã', en: 'No code' } };
    const diff = { added: [], removed: [], changed: [], unchanged: 3 };
    expect(
      readCatalogueImportCheck({ ok: true, problems: [problem, { path: 1 }], warnings: [], diff, publishedVersion: 2 }),
    ).to.deep.equal({ ok: true, problems: [problem], warnings: [], diff, publishedVersion: 2 });
    expect(
      readCatalogueImportCheck({ ok: true, problems: [], diff: { added: [] }, publishedVersion: 2 }),
    ).to.deep.equal({ ok: true, problems: [], warnings: [], publishedVersion: 2 });
    fc.assert(
      fc.property(fc.anything(), (value) => {
        readCatalogueVersionView(value);
        readCatalogueImportCheck(value);
      }),
    );
  });
});
