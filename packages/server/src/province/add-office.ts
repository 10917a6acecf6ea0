import type { Catalogue } from '@motcua/core/catalogue';
import { type LocalizedText, MotcuaError, type Problem, problem } from '@motcua/core/text';
import { HOST_NAME_PATTERN, type ServedOffice } from '../config.js';
import type { Database } from '../db/database.js';
import { readCatalogueFile } from '../dossiers/catalogue.js';
import { ApiError } from '../http/errors.js';
import { OFFICE_ID_PATTERN } from '../office/office.js';
import { insertCatalogueVersion, latestCatalogue } from '../settings/store.js';
import { passwordSchema, recordNewUser, usernameSchema } from '../staff/accounts.js';
import { recordAudit } from '../staff/audit-store.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../staff/passwords.js';
import {
  announceProvinceOffice,
  insertProvinceOffice,
  insertProvinceOfficeHost,
  listProvinceOffices,
  type ProvinceOffice,
} from './offices-store.js';

/** What `motcua-server office add` asks for. */
export interface NewProvinceOffice {
  readonly id: string;
  readonly name: LocalizedText;
  /** Host names it answers on (any case: kept in lower case). */
  readonly hosts: readonly string[];
  /** A catalogue file of its own, published for it in the database; without one, the province's. */
  readonly catalogue?: string | undefined;
  /** The username of its first administrator, whose password `readPassword` reads. */
  readonly admin?: string | undefined;
}

/** What {@link addProvinceOffice} needs. */
export interface AddOfficeDeps {
  /** The whole database (the office's own rows are written working for the new office). */
  readonly db: Database;
  /** The configuration's offices: their ids and host names are taken. */
  readonly configured: readonly ServedOffice[];
  readonly now: () => number;
  /** Reads the administrator's password (from the terminal, or standard input): never an argument, never printed. */
  readonly readPassword?: (prompt: string) => Promise<string>;
}

/** The command line, in the audit trail: an operator at the province's console. */
const CLI_ACTOR = { kind: 'anonymous', name: 'motcua-server office add (dòng lệnh / command line)' } as const;

/**
 * Adds an office to the province's list, for every instance to serve at once (`NOTIFY`): checked first with every
 * problem at its field — a malformed id (the rule of configured office ids), an id or a host name the configuration
 * or the database already gives an office, a host name twice, a catalogue with problems, a malformed administrator
 * username — then the administrator's password is read and checked, then everything is written in one transaction:
 * the office and its host names, its catalogue (published as its version 1), its administrator, and the audit trail
 * lines. Throws a `MotcuaError` (nothing written) when refused.
 *
 * @example
 * ```ts
 * await addProvinceOffice(
 *   { db, configured: config.offices ?? [], now: Date.now, readPassword },
 *   { id: 'xa-tan-hoa', name: { vi: 'UBND xã Tân Hòa', en: 'Tan Hoa Commune' }, hosts: [], admin: 'quantri' },
 * );
 * ```
 */
export async function addProvinceOffice(deps: AddOfficeDeps, input: NewProvinceOffice): Promise<ProvinceOffice> {
  const hosts = input.hosts.map((host) => host.toLowerCase());
  const problems = await officeProblems(deps, input.id, input.name, hosts);
  const catalogue = input.catalogue === undefined ? undefined : await readCatalogue(input.catalogue, problems);
  if (input.admin !== undefined && !usernameSchema.safeParse(input.admin).success) {
    problems.push(
      problem(['admin'], 'invalid-username', {
        vi: `Tên đăng nhập "${input.admin}" (--admin) không hợp lệ: chữ, chữ số, ".", "_" hoặc "-", tối đa 64 ký tự`,
        en: `The username "${input.admin}" (--admin) is malformed: letters, digits, ".", "_" or "-", at most 64`,
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const passwordHash = input.admin === undefined ? undefined : await adminPasswordHash(deps, input.admin);
  const at = deps.now();
  const office = { id: input.id, name: input.name, hosts: [...new Set(hosts)].sort(), createdAt: at };
  await deps.db.forOffice(office.id).transaction(async (tx) => {
    // Checked above; the database keeps them unique against another `office add` running at the same time.
    if (!(await insertProvinceOffice(tx, office))) throw new MotcuaError([taken(['id'], office.id, 'database')]);
    for (const [i, host] of hosts.entries()) {
      if (!(await insertProvinceOfficeHost(tx, office.id, host))) {
        throw new MotcuaError([takenHost(['hosts', i], host, 'database')]);
      }
    }
    const ctx = { office: office.id, now: at, actor: CLI_ACTOR };
    let published: number | undefined;
    if (catalogue) {
      // After what an import brought with it (`office import --as` before the office was added), if anything.
      const before = (await latestCatalogue(tx, office.id))?.version ?? 0;
      const by = { kind: 'configuration', name: CLI_ACTOR.name } as const;
      published = (await insertCatalogueVersion(tx, office.id, before, { catalogue, at, by })).version;
    }
    if (input.admin !== undefined && passwordHash !== undefined) {
      await recordNewUser(tx, { username: input.admin, roles: ['admin'] }, passwordHash, ctx);
    }
    await recordAudit(tx, {
      office: office.id,
      at,
      actor: CLI_ACTOR,
      action: 'office.add',
      object: `office:${office.id}`,
      detail: { hosts: office.hosts, ...(published === undefined ? {} : { catalogue: published }) },
    });
    await announceProvinceOffice(tx, office.id);
  });
  return office;
}

type Where = 'configuration' | 'database';

const inWhere = (where: Where) =>
  where === 'configuration'
    ? { vi: 'trong tệp cấu hình', en: 'in the configuration' }
    : { vi: 'trong cơ sở dữ liệu', en: 'in the database' };

function taken(path: Problem['path'], id: string, where: Where): Problem {
  return problem(path, 'duplicate-office', {
    vi: `Đã có đơn vị "${id}" ${inWhere(where).vi}`,
    en: `The office "${id}" exists already ${inWhere(where).en}`,
  });
}

function takenHost(path: Problem['path'], host: string, where: Where | 'twice', office?: string): Problem {
  if (where === 'twice') {
    return problem(path, 'duplicate-host', {
      vi: `Tên miền "${host}" (--host) có hai lần`,
      en: `The host name "${host}" (--host) is given twice`,
    });
  }
  return problem(path, 'duplicate-host', {
    vi: `Tên miền "${host}" (--host) đã thuộc đơn vị "${office}" ${inWhere(where).vi}`,
    en: `The host name "${host}" (--host) belongs to the office "${office}" ${inWhere(where).en}`,
  });
}

/** The id's, the name's and the host names' problems, against the configuration's and the database's offices. */
async function officeProblems(
  deps: AddOfficeDeps,
  id: string,
  name: LocalizedText,
  hosts: readonly string[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const added = await listProvinceOffices(deps.db);
  const owners = new Map<string, { office: string; where: Where }>([
    ...deps.configured.flatMap((s) =>
      s.hosts.map((h) => [h, { office: s.office.id, where: 'configuration' }] as const),
    ),
    ...added.flatMap((o) => o.hosts.map((h) => [h, { office: o.id, where: 'database' }] as const)),
  ]);
  if (!OFFICE_ID_PATTERN.test(id)) {
    problems.push(
      problem(['id'], 'invalid-office-id', {
        vi: `Mã đơn vị "${id}" không hợp lệ: chữ thường không dấu a–z, chữ số và "-", bắt đầu bằng chữ hoặc số, tối đa 63 ký tự (ví dụ xa-tan-hoa)`,
        en: `The office id "${id}" is malformed: lower-case letters a–z, digits and "-", starting with a letter or a digit, at most 63 characters (e.g. xa-tan-hoa)`,
      }),
    );
  } else if (deps.configured.some((s) => s.office.id === id)) {
    problems.push(taken(['id'], id, 'configuration'));
  } else if (added.some((o) => o.id === id)) {
    problems.push(taken(['id'], id, 'database'));
  }
  for (const [key, text] of Object.entries(name)) {
    if (text.trim() === '') {
      problems.push(
        problem(['name', key], 'invalid-office-name', {
          vi: `Tên đơn vị (--name${key === 'en' ? '-en' : ''}) không được để trống`,
          en: `The office's name (--name${key === 'en' ? '-en' : ''}) must not be empty`,
        }),
      );
    }
  }
  hosts.forEach((host, i) => {
    const owner = owners.get(host);
    if (!HOST_NAME_PATTERN.test(host)) {
      problems.push(
        problem(['hosts', i], 'invalid-host', {
          vi: `Tên miền "${host}" (--host) không hợp lệ: một tên như xa-tan-hoa.vinhlong.gov.vn, không có cổng`,
          en: `The host name "${host}" (--host) is malformed: a name like xa-tan-hoa.vinhlong.gov.vn, without a port`,
        }),
      );
    } else if (owner) {
      problems.push(takenHost(['hosts', i], host, owner.where, owner.office));
    } else if (hosts.indexOf(host) !== i) {
      problems.push(takenHost(['hosts', i], host, 'twice'));
    }
  });
  return problems;
}

/** The catalogue in `file`, checked by core; its problems (under `catalogue`) added to `problems` instead. */
async function readCatalogue(file: string, problems: Problem[]): Promise<Catalogue | undefined> {
  const read = await readCatalogueFile(file);
  if (read.ok) return read.catalogue;
  for (const p of read.problems) {
    problems.push(
      problem(['catalogue', ...p.path], p.code, {
        vi: `Danh mục ${file} (--catalogue): ${p.message.vi}`,
        en: `The catalogue ${file} (--catalogue): ${p.message.en}`,
      }),
    );
  }
  return undefined;
}

/** The administrator's password, read and checked, hashed; refused (with the field) when too short or too long. */
async function adminPasswordHash(deps: AddOfficeDeps, username: string): Promise<string> {
  if (!deps.readPassword) throw new Error('motcua-server office add --admin: no way to read a password here');
  const password = await deps.readPassword(`Mật khẩu cho ${username} / password for ${username}: `);
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    throw new MotcuaError([
      problem(['admin', 'password'], 'invalid-password', {
        vi: `Mật khẩu của ${username} phải dài từ ${MIN_PASSWORD_LENGTH} đến ${MAX_PASSWORD_LENGTH} ký tự`,
        en: `The password of ${username} must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
      }),
    ]);
  }
  return hashPassword(checked.data);
}

/**
 * The message of an error of {@link addProvinceOffice}'s transaction the database or a store raised (a username
 * taken by an imported account, a catalogue version published in between), in both languages when it has them.
 *
 * @example
 * ```ts
 * printError(addOfficeErrorText(error));
 * ```
 */
export function addOfficeErrorText(error: unknown): string {
  if (error instanceof ApiError) return `${error.text.vi} / ${error.text.en}`;
  return (error as Error).message;
}
