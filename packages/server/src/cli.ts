#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { MotcuaError } from '@motcua/core/text';
import { loadConfig } from './config.js';
import { requestBackup } from './db/backup-socket.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { DEVICES_USAGE, devicesCommand } from './devices/cli.js';
import { catalogueFromFile, catalogueProblems, problemLines } from './dossiers/catalogue.js';
import { OFFICE_USAGE, officeCommand } from './office/office-cli.js';
import { writePrivateFile } from './private-file.js';
import { provinceOfficesOf } from './province/added-offices.js';
import { type ChosenOffice, chooseOffice, takeOfficeOption } from './province/office-option.js';
import { REPORT_USAGE, reportCommand } from './province/report-cli.js';
import { openDatabase, startServer } from './server.js';
import { SETTINGS_USAGE, settingsCommand } from './settings/settings-cli.js';
import { readPassword } from './staff/read-password.js';
import { USERS_USAGE, usersCommand } from './staff/users-cli.js';

const usage = `motcua-server — the motcua service (queue, dossiers, ratings, catalogue)

  motcua-server [start]        serve the API (and the configured static folders)
  motcua-server migrate        apply database migrations and exit
  motcua-server backup FILE    write a backup of the embedded database (gzipped tarball, mode 0600), also while it runs
  motcua-server restore FILE   restore the embedded database from a backup (the data directory must be empty)
  motcua-server check-catalogue FILE
                               check a procedure catalogue (JSON): print every problem with its path
${USERS_USAGE}
${DEVICES_USAGE}
${SETTINGS_USAGE}
${OFFICE_USAGE}
${REPORT_USAGE}

  users, devices, settings, office export and office import --merge work on one office: --office ID names it (anywhere after the
  command); office merge names its two offices itself. A province's configuration (\`offices\`) needs it: an office of \`offices\` or one added with
  \`office add\` (see \`motcua-server office list\`). A configuration of one office needs none.

Configuration: MOTCUA_CONFIG (a JSON file), PORT, HOST, DATABASE_URL, MOTCUA_DATA_DIR, MOTCUA_SECRET,
MOTCUA_TLS_CERT, MOTCUA_TLS_KEY, MOTCUA_ALLOWED_ORIGINS, MOTCUA_CATALOGUE, MOTCUA_OFFICE,
MOTCUA_TRUST_PROXY (the reverse proxies whose X-Forwarded-For is read; default none),
MOTCUA_IDEMPOTENCY_RETENTION_HOURS (hours answers stored for retries are kept; default 24).`;

/** Asks the terminal a question; yes for `y`, `yes`, `c`, `có` (any case). */
async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return ['y', 'yes', 'c', 'có'].includes((await rl.question(question)).trim().toLowerCase());
  } finally {
    rl.close();
  }
}

/**
 * Opens the database, migrates it, and runs a per-office command on the office its `--office` names (taken out of
 * `args`, the command's words after its name), then closes it.
 */
async function inOffice(
  config: ReturnType<typeof loadConfig>,
  command: string,
  args: readonly string[],
  run: (db: Database, chosen: ChosenOffice, rest: string[]) => Promise<void>,
): Promise<void> {
  const { office, rest } = takeOfficeOption(args);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    await run(db, await chooseOffice(db, config, office, command), rest);
  } finally {
    await db.close();
  }
}

async function main(args: string[]): Promise<void> {
  const [command = 'start', file] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return;
  }
  if (command === 'check-catalogue') {
    if (!file) throw new Error(`motcua-server check-catalogue needs a FILE.\n\n${usage}`);
    const problems = await catalogueProblems(file);
    if (problems.length > 0) {
      console.error(problemLines(problems).join('\n'));
      console.error(`${problems.length} problem(s) in ${file}`);
      process.exitCode = 1;
    } else {
      console.log(`${file}: OK`);
    }
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const server = await startServer(config);
      console.log(
        `motcua-server: ${server.url} (${server.db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
      );
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const db = await openDatabase(config);
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await db.close();
      }
      return;
    }
    case 'users': {
      await inOffice(config, 'users', args.slice(1), (db, { office }, rest) =>
        usersCommand(rest, {
          db: db.forOffice(office.id),
          office: office.id,
          now: Date.now,
          readPassword: (prompt) => readPassword(prompt),
          print: (line) => console.log(line),
        }),
      );
      return;
    }
    case 'backup':
    case 'restore': {
      if (!file) throw new Error(`motcua-server ${command} needs a FILE.\n\n${usage}`);
      if (config.databaseUrl) {
        throw new Error('With DATABASE_URL, back up and restore the PostgreSQL server with pg_dump and pg_restore.');
      }
      if (command === 'backup') {
        // The running service makes the backup itself; with none running, open the directory here.
        let backup = await requestBackup(config.dataDir);
        if (!backup) {
          const db = await openPglite(config.dataDir, { backupSocket: false });
          try {
            backup = Buffer.from(await (await db.dump()).arrayBuffer());
          } finally {
            await db.close();
          }
        }
        // It holds applicants' names and phone numbers: readable by the owner only, even over an older file.
        writePrivateFile(file, backup);
        console.log(`Backup written to ${file}`);
      } else {
        const db = await openPglite(config.dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
        await db.close();
        console.log(`Restored ${file} into ${config.dataDir}`);
      }
      return;
    }
    case 'devices': {
      // With the embedded database, while the service runs, revoke from the admin page instead (one process holds it).
      await inOffice(config, 'devices', args.slice(1), async (db, { office }, rest) => {
        process.exitCode = await devicesCommand({ db: db.forOffice(office.id), office, now: Date.now }, rest);
      });
      return;
    }
    case 'settings': {
      await inOffice(config, 'settings', args.slice(1), async (db, { office, catalogue }, rest) => {
        process.exitCode = await settingsCommand(
          {
            db: db.forOffice(office.id),
            office,
            now: Date.now,
            calendarOverlays: config.calendarOverlays ?? [],
            fileCatalogue: catalogueFromFile(catalogue),
          },
          rest,
        );
      });
      return;
    }
    case 'office': {
      const db = await openDatabase(config);
      try {
        await migrate(db);
        // An export reads one office's rows, a merge writes into one office: the one its --office names, checked as
        // the other per-office commands check it (a province's configuration needs it).
        const perOffice = args[1] === 'export' || (args[1] === 'import' && args.includes('--merge'));
        const chosen = perOffice
          ? await chooseOffice(db, config, takeOfficeOption(args.slice(2)).office, `office ${args[1]}`)
          : undefined;
        process.exitCode = await officeCommand(
          {
            db,
            office: chosen?.office.id ?? config.office.id,
            now: Date.now,
            offices: config.offices ?? [],
            readPassword: (prompt) => readPassword(prompt),
            // office merge asks before it writes, when a person at a terminal can answer.
            ...(process.stdin.isTTY ? { confirm: askYesNo } : {}),
          },
          args.slice(1),
        );
      } finally {
        await db.close();
      }
      return;
    }
    case 'report': {
      const db = await openDatabase(config);
      try {
        await migrate(db);
        process.exitCode = await reportCommand(
          {
            db,
            // A province's offices with those added to its list in the database.
            offices: config.offices?.length
              ? await provinceOfficesOf(
                  db,
                  config.offices.map((served) => served.office),
                )
              : [config.office],
            calendarOverlays: config.calendarOverlays ?? [],
            now: Date.now,
          },
          args.slice(1),
        );
      } finally {
        await db.close();
      }
      return;
    }
    default:
      throw new Error(`Unknown command ${command}.\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof MotcuaError || error instanceof Error ? error.message : error);
  process.exit(1);
});
