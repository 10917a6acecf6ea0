import type { ServerConfig } from '../config.js';
import type { Queryable } from '../db/database.js';
import type { Office } from '../office/office.js';
import { addedOffice } from './added-offices.js';
import { listProvinceOffices } from './offices-store.js';

/** The office a per-office command (`users`, `settings`, `devices`, `office export`) works on. */
export interface ChosenOffice {
  readonly office: Office;
  /** Its catalogue file: its own in `offices`, else the configuration's `catalogue` (an added office's until it publishes one). */
  readonly catalogue: string | undefined;
}

/** How the operator sees the offices a `--office` may name. */
const LIST_HINT = {
  vi: 'xem danh sách đơn vị bằng `motcua-server office list`',
  en: 'see the offices with `motcua-server office list`',
};

/**
 * A command's words with the global option `--office ID` (or `--office=ID`) taken out, wherever it stands, and its
 * value (`undefined` without it). Throws, in Vietnamese and English, for `--office` without a value or given twice.
 *
 * @example
 * ```ts
 * takeOfficeOption(['add', 'dung', '--office', 'xa-a', '--role', 'officer']);
 * // { office: 'xa-a', rest: ['add', 'dung', '--role', 'officer'] }
 * ```
 */
export function takeOfficeOption(args: readonly string[]): { office: string | undefined; rest: string[] } {
  const rest: string[] = [];
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--office') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--') || value === '') {
        throw new Error('--office cần mã một đơn vị / --office needs an office id: --office xa-a');
      }
      given.push(value);
    } else if (arg.startsWith('--office=')) {
      const value = arg.slice('--office='.length);
      if (value === '') throw new Error('--office cần mã một đơn vị / --office needs an office id: --office xa-a');
      given.push(value);
    } else {
      rest.push(arg);
    }
  }
  if (given.length > 1) {
    throw new Error(
      `--office chỉ được nêu một lần (có ${given.join(', ')}) / --office is given once (here: ${given.join(', ')})`,
    );
  }
  return { office: given[0], rest };
}

/**
 * The office `--office` names for `command`, among those the configuration serves. On a province's configuration
 * (`offices`), `--office` is needed — never the first office by default — and names an office of `offices` or one
 * added to the province's list in the database (`office add`). On a configuration of one office, `--office` may be
 * left out, or name that office. Anything else throws an `Error` whose message, in Vietnamese and English, names
 * `--office` and says how to see the offices.
 *
 * @example
 * ```ts
 * const { office, catalogue } = await chooseOffice(db, config, 'xa-tan-hoa', 'users');
 * ```
 */
export async function chooseOffice(
  db: Queryable,
  config: Pick<ServerConfig, 'office' | 'offices' | 'catalogue'>,
  id: string | undefined,
  command: string,
): Promise<ChosenOffice> {
  if (!config.offices?.length) {
    if (id === undefined || id === config.office.id) return { office: config.office, catalogue: config.catalogue };
    throw new Error(
      `Không có đơn vị "${id}" (--office): cấu hình này chỉ phục vụ đơn vị "${config.office.id}" / no office "${id}" (--office): this configuration serves the office "${config.office.id}" only`,
    );
  }
  if (id === undefined) {
    throw new Error(
      `motcua-server ${command} cần --office <mã đơn vị>: cấu hình này phục vụ nhiều đơn vị; ${LIST_HINT.vi} / motcua-server ${command} needs --office <office id>: this configuration serves several offices; ${LIST_HINT.en}`,
    );
  }
  const configured = config.offices.find((served) => served.office.id === id);
  if (configured) return { office: configured.office, catalogue: configured.catalogue };
  const added = (await listProvinceOffices(db)).find((row) => row.id === id);
  if (added) return { office: addedOffice(added.id, added.name), catalogue: config.catalogue };
  throw new Error(
    `Tỉnh không có đơn vị "${id}" (--office), trong tệp cấu hình hay trong cơ sở dữ liệu; ${LIST_HINT.vi} / the province has no office "${id}" (--office), in the configuration or the database; ${LIST_HINT.en}`,
  );
}
