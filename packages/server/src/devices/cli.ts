import type { DeviceView } from '@motcua/core/staff';
import type { Queryable } from '../db/database.js';
import type { Office } from '../office/office.js';
import { listDevices, revokeDevice } from './store.js';

/** How `motcua-server devices` is used. */
export const DEVICES_USAGE = `motcua-server devices list          the office's paired devices (revoked ones too)
  motcua-server devices revoke ID     revoke a device at once (a lost kiosk, a stolen tablet); what it recorded stays`;

function line(d: DeviceView): string {
  const what = d.counter === undefined ? d.kind : `${d.kind} ${d.counter}`;
  const state = d.revokedAt === undefined ? 'active' : `revoked ${d.revokedAt}`;
  return [d.id, what, d.name, `paired ${d.createdAt}`, `last seen ${d.lastSeenAt ?? '-'}`, state].join('  ');
}

/**
 * `motcua-server devices …`: lists the office's paired devices or revokes one, printing through `print`; returns
 * the exit code (1 for an unknown device or command). The revocation counts at once on every instance: each checks
 * the credential in the database on every request.
 *
 * @example
 * ```ts
 * process.exitCode = await devicesCommand(db, config.office, ['revoke', id], Date.now());
 * ```
 */
export async function devicesCommand(
  db: Queryable,
  office: Office,
  args: readonly string[],
  now: number,
  print: (line: string) => void = console.log,
): Promise<number> {
  const [command, id] = args;
  if (command === 'list') {
    const devices = await listDevices(db, office.id);
    if (devices.length === 0) print(`No paired device in ${office.id}.`);
    for (const d of devices) print(line(d));
    return 0;
  }
  if (command === 'revoke' && id !== undefined) {
    if (!(await revokeDevice(db, { office: office.id, id, now, by: 'cli' }))) {
      print(`No device ${id} in ${office.id}.`);
      return 1;
    }
    print(`Revoked ${id}: its credential is refused from now on.`);
    return 0;
  }
  print(DEVICES_USAGE);
  return 1;
}
