import * as z from 'zod';

// What the office administration accepts. The sections' values are checked by core (checkOfficeSettings) with
// every problem at its path; here only the envelope.

const version = z.number().int().min(0).max(2_147_483_647);

/** `PUT /api/admin/settings/{section}`: the version the change was made from and the section's new value. */
export const sectionChangeBody = z.object({ expectedVersion: version, value: z.unknown() }).strict();

/** `POST /api/admin/settings/rollback` and `POST /api/admin/catalogue/rollback`: back to an earlier version. */
export const rollbackBody = z.object({ expectedVersion: version, version: version.min(1) }).strict();

/** `POST /api/admin/settings/calendar/preview`: the calendar overlays about to be saved. */
export const previewBody = z.object({ value: z.array(z.unknown()).max(50) }).strict();

/** A catalogue file as text: JSON (the catalogue format) or CSV (a province's list, Vietnamese headers). */
export const catalogueImportBody = z
  .object({
    format: z.enum(['json', 'csv']),
    text: z.string().min(1).max(4_000_000),
    /** For CSV: the catalogue's version (default: today's date); the agency is the published catalogue's. */
    catalogueVersion: z.string().min(1).max(100).optional(),
    /** For CSV when nothing is published yet: the publishing agency. */
    agency: z
      .object({ name: z.string().min(1).max(300), code: z.string().min(1).max(50).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** `POST /api/admin/catalogue/publish`: an import, and the published version it was checked against. */
export const cataloguePublishBody = catalogueImportBody.extend({ expectedVersion: version });

/** `GET /api/admin/settings/versions/{version}` and similar: a version number in the path. */
export const versionParam = z.coerce.number().int().min(1).max(2_147_483_647);
