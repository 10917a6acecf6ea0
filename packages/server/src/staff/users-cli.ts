import { STAFF_ROLES, type StaffRole } from '@motcua/core/staff';
import type { Database } from '../db/database.js';
import { checkInput } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import {
  type AccountChangeContext,
  addUser,
  changePassword,
  changeUser,
  newUserBody,
  passwordSchema,
} from './accounts.js';
import { findUserByUsername, listUsers } from './users-store.js';

/** What `motcua-server users …` needs: the database, the office, the clock, and how to read a password and print. */
export interface UsersCommandIo {
  readonly db: Database;
  readonly office: string;
  readonly now: () => number;
  /** Reads a password from the terminal (not echoed) or from standard input; never from an argument. */
  readonly readPassword: (prompt: string) => Promise<string>;
  readonly print: (line: string) => void;
}

/** The usage of `motcua-server users`. */
export const USERS_USAGE = `  motcua-server users add USERNAME --role ROLE [--role ROLE…] [--display-name NAME]
                               create a staff user (roles: ${STAFF_ROLES.join(', ')}); the password is read from the
                               terminal or from standard input, never from an argument
  motcua-server users list     list the office's users with their roles
  motcua-server users disable USERNAME
                               disable a user (their sessions end at once)
  motcua-server users enable USERNAME
  motcua-server users reset-password USERNAME
                               set a new password (read like the first); the user's sessions end`;

/** The command line is an operator at the server's own console. */
const CLI_ACTOR = { kind: 'anonymous', name: 'motcua-server users (dòng lệnh / command line)' } as const;

function options(args: readonly string[]): { positional: string[]; roles: StaffRole[]; displayName?: string } {
  const positional: string[] = [];
  const roles: StaffRole[] = [];
  let displayName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--role' || arg === '--display-name') {
      const value = args[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === '--role') roles.push(value as StaffRole);
      else displayName = value;
    } else if (arg.startsWith('--')) {
      throw new Error(
        arg === '--password'
          ? 'Mật khẩu không bao giờ nhận qua tham số dòng lệnh (lộ trong lịch sử lệnh) / a password is never taken from an argument (it would show in the shell history and the process list): type it when asked, or pipe it to standard input'
          : `Unknown option ${arg}`,
      );
    } else {
      positional.push(arg);
    }
  }
  return { positional, roles, ...(displayName !== undefined ? { displayName } : {}) };
}

function message(error: unknown): string {
  return error instanceof ApiError ? `${error.text.vi} / ${error.text.en}` : (error as Error).message;
}

async function userNamed(io: UsersCommandIo, username: string | undefined) {
  if (!username) throw new Error(`A USERNAME is needed.\n\n${USERS_USAGE}`);
  const user = await findUserByUsername(io.db, io.office, username);
  if (!user) throw new Error(`Không có người dùng "${username}" / no user "${username}" in office ${io.office}`);
  return user;
}

/**
 * Runs `motcua-server users <add|list|disable|enable|reset-password> …` on the database: creating the first admin,
 * listing, disabling and resetting passwords, each recorded in the audit trail.
 *
 * @example
 * ```ts
 * await usersCommand(['add', 'admin', '--role', 'admin'], { db, office: 'demo', now: Date.now, readPassword, print });
 * ```
 */
export async function usersCommand(args: readonly string[], io: UsersCommandIo): Promise<void> {
  const [sub, ...rest] = args;
  const { positional, roles, displayName } = options(rest);
  const ctx = (): AccountChangeContext => ({ office: io.office, now: io.now(), actor: CLI_ACTOR });
  try {
    switch (sub) {
      case 'add': {
        const input = { username: positional[0] ?? '', roles, ...(displayName !== undefined ? { displayName } : {}) };
        if (roles.length === 0) throw new Error(`At least one --role (${STAFF_ROLES.join(', ')}) is needed`);
        checkInput(newUserBody, { ...input, password: 'x'.repeat(12) }); // the name and roles, before asking
        const password = await io.readPassword(`Mật khẩu cho ${input.username} / password for ${input.username}: `);
        const user = await addUser(io.db, checkInput(newUserBody, { ...input, password }), ctx());
        io.print(`Created ${user.username} (${user.roles.join(', ')}) in office ${io.office}`);
        return;
      }
      case 'list': {
        for (const u of await listUsers(io.db, io.office)) {
          io.print(
            [u.username, u.displayName, u.roles.join(',') || '-', u.disabled ? 'disabled' : 'active'].join('\t'),
          );
        }
        return;
      }
      case 'disable':
      case 'enable': {
        const user = await userNamed(io, positional[0]);
        await changeUser(io.db, user.id, { disabled: sub === 'disable' }, ctx());
        io.print(`${sub === 'disable' ? 'Disabled' : 'Enabled'} ${user.username}`);
        return;
      }
      case 'reset-password': {
        const user = await userNamed(io, positional[0]);
        const password = await io.readPassword(`Mật khẩu mới cho ${user.username} / new password: `);
        await changePassword(io.db, user.id, checkInput(passwordSchema, password), ctx());
        io.print(`New password set for ${user.username}; their sessions ended`);
        return;
      }
      default:
        throw new Error(`Unknown users command ${sub ?? ''}.\n\n${USERS_USAGE}`);
    }
  } catch (error) {
    throw new Error(message(error));
  }
}
