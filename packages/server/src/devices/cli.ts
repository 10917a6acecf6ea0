import { parseArgs } from 'node:util';
import { DEVICE_KINDS, type DeviceKind, type DeviceView } from '@motcua/core/staff';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import type { Office } from '../office/office.js';
import { deviceAudit } from './audit-events.js';
import { revokeAs } from './devices.js';
import { decidePairingAs } from './pairings.js';
import { listDevices, pendingPairings } from './store.js';

/** How `motcua-server devices` is used. */
export const DEVICES_USAGE = `  motcua-server devices list          the office's paired devices (revoked ones too)
  motcua-server devices revoke ID     revoke a device at once (a lost kiosk, a stolen tablet); what it recorded stays
  motcua-server devices pending       the pairing codes waiting for an admin
  motcua-server devices approve CODE --kind kiosk|counter|board --name NAME [--counter ID]
  motcua-server devices reject CODE   refuse a code nobody expected`;

/** The operator at the server's console, as the audit trail names them. */
const CONSOLE = { kind: 'anonymous', name: 'motcua-server devices (dòng lệnh / command line)' } as const;

function line(d: DeviceView): string {
  const what = d.counter === undefined ? d.kind : `${d.kind} ${d.counter}`;
  const state = d.revokedAt === undefined ? 'active' : `revoked ${d.revokedAt}`;
  return [d.id, what, d.name, `paired ${d.createdAt}`, `last seen ${d.lastSeenAt ?? '-'}`, state].join('  ');
}

/** What the `devices` command needs. */
export interface DevicesCommandDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  /** Where lines go (default `console.log`). */
  readonly print?: (line: string) => void;
}

async function run(deps: DevicesCommandDeps, args: readonly string[], print: (line: string) => void): Promise<number> {
  const { db, office, now } = deps;
  const [command, id] = args;
  switch (command) {
    case 'list': {
      const devices = await listDevices(db, office.id);
      if (devices.length === 0) print(`No paired device in ${office.id}.`);
      for (const d of devices) print(line(d));
      return 0;
    }
    case 'pending': {
      const pending = await pendingPairings(db, office.id, now());
      if (pending.length === 0) print('No pairing waits.');
      for (const p of pending) print(`${p.code}  asked ${p.requestedAt}  expires ${p.expiresAt}`);
      return 0;
    }
    case 'revoke': {
      if (id === undefined) break;
      const revoked = await revokeAs(deps, CONSOLE, id, deviceAudit(office, now));
      print(revoked ? `Revoked ${id}: its credential is refused from now on.` : `No device ${id} in ${office.id}.`);
      return revoked ? 0 : 1;
    }
    case 'approve':
    case 'reject': {
      const { values, positionals } = parseArgs({
        args: args.slice(1),
        allowPositionals: true,
        options: { kind: { type: 'string' }, name: { type: 'string' }, counter: { type: 'string' } },
      });
      const [code] = positionals;
      if (code === undefined) break;
      let approval: { name: string; kind: DeviceKind; counter?: string } | undefined;
      if (command === 'approve') {
        const kind = values.kind as DeviceKind | undefined;
        const name = values.name?.trim();
        if (kind === undefined || !DEVICE_KINDS.includes(kind) || !name || /\p{Cc}/u.test(name)) break;
        approval = { name, kind, ...(values.counter !== undefined ? { counter: values.counter } : {}) };
      }
      await decidePairingAs(deps, CONSOLE, code, approval, deviceAudit(office, now));
      print(`${approval ? 'Approved' : 'Rejected'} ${code}.`);
      return 0;
    }
  }
  print(DEVICES_USAGE);
  return 1;
}

/**
 * `motcua-server devices …`: lists the office's paired devices or revokes one, lists the waiting pairing codes and
 * approves or rejects one, printing through `print`; returns the exit code (1 for an unknown device, code or
 * command, with the reason in Vietnamese and English). A revocation counts at once on every instance: each checks
 * the credential in the database on every request.
 *
 * @example
 * ```ts
 * process.exitCode = await devicesCommand({ db, office: config.office, now: Date.now }, ['revoke', id]);
 * ```
 */
export async function devicesCommand(deps: DevicesCommandDeps, args: readonly string[]): Promise<number> {
  const print = deps.print ?? console.log;
  try {
    return await run(deps, args, print);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    print(`${error.text.vi} / ${error.text.en}`);
    return 1;
  }
}
