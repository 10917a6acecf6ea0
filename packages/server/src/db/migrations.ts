import type { Database } from './database.js';

/** One step of the schema, applied once, in order, inside a transaction. */
export interface Migration {
  /** A stable id, e.g. `0001-idempotency`; never renamed once released. */
  readonly id: string;
  /** The SQL, the same on PGlite and PostgreSQL. */
  readonly sql: string;
}

/** The tables migration 0017 keeps to their office with one policy each (part of that released step: never edit). */
const OFFICE_POLICY_TABLES = [
  'queue_sequences',
  'queue_caps',
  'queue_tickets',
  'queue_ordering',
  'queue_commands',
  'queue_events',
  'ratings',
  'dossiers',
  'dossier_sequences',
  'dossier_lookup_failures',
  'idempotency_keys',
  'rate_limit_windows',
  'staff_user_roles',
  'staff_sessions',
  'audit_events',
  'device_pairings',
  'devices',
  'notification_outbox',
  'push_subscriptions',
  'office_settings',
  'office_catalogues',
  'queue_counter_pauses',
];

/** Row-level security, forced, with the policy `office = motcua_office()`, on each of `tables` (migration 0017). */
function officePolicies(tables: readonly string[]): string {
  return tables
    .map(
      (t) => `      alter table ${t} enable row level security;
      alter table ${t} force row level security;
      create policy ${t}_office on ${t} using (office = motcua_office()) with check (office = motcua_office());
`,
    )
    .join('');
}

/** The schema's steps. Append new ones; never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-idempotency',
    sql: `
      create table idempotency_keys (
        key text not null,
        route text not null,
        status integer,
        content_type text,
        body text,
        created_at timestamptz not null default now(),
        primary key (key, route)
      );
    `,
  },
  {
    id: '0002-queue',
    sql: `
      -- One row per office, number sequence and business date (and session): the atomic "next number".
      create table queue_sequences (
        office text not null,
        sequence_key text not null,
        last_value integer not null,
        primary key (office, sequence_key)
      );
      create table queue_caps (
        office text not null,
        cap_key text not null,
        issued integer not null,
        primary key (office, cap_key)
      );
      create sequence queue_ordinals;
      create table queue_tickets (
        id text primary key,
        office text not null,
        service text not null,
        business_date text not null check (business_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        status text not null,
        counter text,
        version integer not null,
        data jsonb not null
      );
      create index queue_tickets_waiting on queue_tickets (office, business_date, service) where status = 'issued';
      create index queue_tickets_day on queue_tickets (office, business_date);
      create table queue_ordering (
        office text not null,
        counter text not null,
        state jsonb not null,
        primary key (office, counter)
      );
      create table queue_commands (
        office text not null,
        command_id text not null,
        done boolean not null default false,
        ticket text,
        claimed_at timestamptz not null default now(),
        primary key (office, command_id)
      );
      create table queue_events (
        seq bigserial primary key,
        office text not null,
        ticket text not null,
        event jsonb not null
      );
      create index queue_events_office on queue_events (office, seq);
    `,
  },
  {
    id: '0003-ratings',
    sql: `
      create table ratings (
        id bigserial primary key,
        office text not null,
        token_id text,
        device_key text,
        instrument_id text not null,
        instrument_version text not null,
        answers jsonb not null,
        submitted_at bigint not null,
        transaction_id text,
        counter text,
        officer text,
        procedure text,
        channel text,
        check ((token_id is null) <> (device_key is null))
      );
      -- One rating per token: the database, not the application, refuses a second.
      create unique index ratings_token_id on ratings (token_id) where token_id is not null;
      create index ratings_office on ratings (office, instrument_id, submitted_at);
    `,
  },
  {
    id: '0004-rate-limits',
    sql: `
      create table rate_limits (
        name text not null,
        key text not null,
        window_start bigint not null,
        hits integer not null,
        primary key (name, key, window_start)
      );
    `,
  },
  {
    id: '0005-dossiers',
    sql: `
      -- One row per agency and civil date of receipt: the atomic daily sequence of dossier codes.
      create table dossier_sequences (
        agency text not null,
        business_date text not null check (business_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        last_value integer not null,
        primary key (agency, business_date)
      );
      create table dossiers (
        code text primary key,
        office text not null,
        procedure_code text not null,
        procedure_name text not null,
        channel text not null,
        time_limit jsonb not null,
        received_at text not null,
        pin_hash text not null,
        ticket text,
        status text not null,
        steps jsonb not null,
        slip jsonb not null,
        version integer not null
      );
      create index dossiers_ticket on dossiers (office, ticket) where ticket is not null;
      -- Failed lookups per dossier code and per client, for the back-off.
      create table dossier_lookup_failures (
        key text primary key,
        failures integer not null,
        last_at bigint not null,
        blocked_until bigint not null
      );
    `,
  },
  {
    id: '0006-dossier-receive-keys',
    sql: `
      -- The Idempotency-Key a dossier was received with (per counter): a retry after a crash between storing the
      -- dossier and storing the answer finds the dossier instead of receiving it twice.
      alter table dossiers add column receive_key text;
      create unique index dossiers_receive_key on dossiers (office, receive_key) where receive_key is not null;
      -- The on-time report reads an office's dossiers in the order of receipt, a page at a time.
      create index dossiers_received on dossiers (office, received_at, code);
    `,
  },
  {
    id: '0007-idempotency-fingerprints',
    sql: `
      -- What a key's first request was (method, path, SHA-256 of the body): the key reused for another request gets
      -- 422 instead of the first answer. Keys stored before have none and replay as before.
      alter table idempotency_keys add column fingerprint text;
    `,
  },
  {
    id: '0008-rating-request-keys',
    sql: `
      -- The Idempotency-Key a counter-level rating was sent with (per device): the same rating sent again after its
      -- stored answer was purged (MOTCUA_IDEMPOTENCY_RETENTION_HOURS), by a tablet that was offline for days, finds
      -- the rating instead of counting it twice.
      alter table ratings add column request_key text;
      create unique index ratings_request_key on ratings (office, request_key) where request_key is not null;
    `,
  },
  {
    id: '0009-dossier-due-dates',
    sql: `
      -- The due date printed on the receipt slip (ngày hẹn trả), stored when the dossier is received: the one the
      -- dossier is measured against; a later calendar change does not rewrite it (pauses and extensions still move
      -- it, through the steps). Dossiers received before keep the due date of their stored slip.
      alter table dossiers add column due_at text;
      update dossiers set due_at = slip->>'dueAt';
      alter table dossiers alter column due_at set not null;
      -- Received regardless of administrative boundary for another competent authority (Decree 309/2026): the
      -- clock starts at the authority's receipt, an 'authority-received' step.
      alter table dossiers add column across_boundary boolean not null default false;
    `,
  },
  {
    id: '0010-idempotency-scopes',
    sql: `
      -- An Idempotency-Key belongs to its office and caller (the hash of the caller's bearer token): two offices on
      -- one PostgreSQL, or two counters, sending the same key each get their own answer, never the other's receipt.
      -- Keys stored before have the empty scope, which no request has any more: a retry across the upgrade runs
      -- again, and tickets, dossiers and ratings still refuse duplicates by their own keys.
      alter table idempotency_keys add column scope text not null default '';
      alter table idempotency_keys drop constraint idempotency_keys_pkey;
      alter table idempotency_keys add primary key (key, route, scope);
    `,
  },
  {
    id: '0011-staff-accounts',
    sql: `
      -- Staff accounts: a user belongs to an office (a province deployment adds offices later), signs in with a
      -- username unique in that office whatever its case, and holds roles per office. Only the password's scrypt
      -- hash is stored, with its parameters.
      create table staff_users (
        id text primary key,
        office text not null,
        username text not null,
        display_name text not null,
        password_hash text not null,
        disabled boolean not null default false,
        created_at bigint not null
      );
      create unique index staff_users_username on staff_users (office, lower(username));
      create table staff_user_roles (
        user_id text not null references staff_users (id) on delete cascade,
        office text not null,
        role text not null check (role in ('officer', 'leader', 'admin')),
        primary key (user_id, office, role)
      );
      -- Sessions by the SHA-256 of their id (the cookie's value is never stored); shared by every instance.
      create table staff_sessions (
        id_hash text primary key,
        user_id text not null references staff_users (id) on delete cascade,
        office text not null,
        created_at bigint not null,
        last_seen_at bigint not null,
        idle_expires_at bigint not null,
        expires_at bigint not null
      );
      create index staff_sessions_user on staff_sessions (user_id);
      create index staff_sessions_expiry on staff_sessions (expires_at);
      -- The audit trail: append-only. An update is refused; a delete only inside the retention purge, which sets
      -- motcua.audit_purge for its own transaction.
      create table audit_events (
        id bigserial primary key,
        office text not null,
        at bigint not null,
        actor_kind text not null check (actor_kind in ('user', 'device', 'token', 'anonymous')),
        actor_id text,
        actor_name text,
        action text not null,
        object text,
        address text,
        counter text,
        detail jsonb
      );
      create index audit_events_office_at on audit_events (office, at, id);
      create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('motcua.audit_purge', true) = 'on' then
          return old;
        end if;
        raise exception 'audit_events is append-only (% refused)', tg_op;
      end
      $$;
      create trigger audit_events_append_only before update or delete on audit_events
        for each row execute function audit_events_append_only();
      create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_events_append_only();
    `,
  },
  {
    id: '0012-devices',
    sql: `
      -- A device asking to be paired: the code it shows (short-lived, for an admin to read off its screen) and the
      -- SHA-256 of the claim secret only it holds, with which it collects its credential once an admin approves.
      -- Times are milliseconds since the epoch, from the service's clock.
      create table device_pairings (
        office text not null,
        code text not null,
        claim_hash text not null unique,
        requested_at bigint not null,
        expires_at bigint not null,
        decided_at bigint,
        decided_by text,
        approved boolean,
        name text,
        kind text check (kind in ('kiosk', 'counter', 'board')),
        counter text,
        device_id text,
        collected_at bigint,
        primary key (office, code)
      );
      -- A paired device: only the SHA-256 of its credential is kept; the unique index finds it per request, so a
      -- revocation counts at once on every instance. A revoked device stays, with what it recorded.
      create table devices (
        id text primary key,
        office text not null,
        name text not null,
        kind text not null check (kind in ('kiosk', 'counter', 'board')),
        counter text,
        credential_hash text not null unique,
        created_by text,
        created_at bigint not null,
        last_seen_at bigint,
        revoked_at bigint,
        revoked_by text,
        check ((kind = 'counter') = (counter is not null))
      );
      create index devices_office on devices (office, created_at);
      `,
  },
  {
    id: '0013-sliding-rate-limits',
    sql: `
      -- The sliding-window log of each rate limit's key: the times of its accepted requests still in the window.
      create table rate_limit_windows (
        name text not null,
        key text not null,
        stamps jsonb not null,
        expires_at bigint not null,
        primary key (name, key)
      );
      create index rate_limit_windows_expiry on rate_limit_windows (expires_at);
      drop table rate_limits;
    `,
  },
  {
    id: '0014-notification-outbox',
    sql: `
      -- Where the citizen asked to be told of status changes (email, phone, language), given at intake with consent.
      alter table dossiers add column notify jsonb;
      -- The outbox: each status change's notifications, written in the transaction that records the change. The
      -- id is the notification's stable key (webhook Idempotency-Key, email Message-ID, gateway reference). A sender
      -- claims due rows (for update skip locked) by moving next_at past its lease: rows of an instance that died
      -- are due again when the lease ends. Times are milliseconds since the epoch, from the service's clock.
      create table notification_outbox (
        id text primary key,
        office text not null,
        dossier text not null,
        channel text not null,
        kind text not null check (kind in ('webhook', 'email', 'gateway', 'web-push')),
        recipient text,
        message jsonb not null,
        status text not null check (status in ('pending', 'delivered', 'dead')),
        attempts integer not null default 0,
        next_at bigint not null,
        last_error text,
        created_at bigint not null,
        finished_at bigint
      );
      create index notification_outbox_due on notification_outbox (office, next_at) where status = 'pending';
      create index notification_outbox_dead on notification_outbox (office, finished_at) where status = 'dead';
      -- Browsers that opted in to Web Push from a dossier's status page (with its code and PIN): the push service's
      -- endpoint and the subscription's keys. Removed when the push service says it is gone.
      create table push_subscriptions (
        office text not null,
        dossier text not null,
        endpoint text not null,
        p256dh text not null,
        auth text not null,
        language text not null default 'vi' check (language in ('vi', 'en')),
        created_at bigint not null,
        primary key (office, dossier, endpoint)
      );
    `,
  },
  {
    id: '0015-office-settings',
    sql: `
      -- An office's settings (no-appointment day, calendar overlays, queue, rating instruments), one row per saved
      -- version: a change or a rollback adds a version, none is rewritten. The newest version is in force.
      create table office_settings (
        office text not null,
        version integer not null check (version > 0),
        settings jsonb not null,
        change text not null,
        rollback_of integer,
        saved_at bigint not null,
        saved_by_kind text not null check (saved_by_kind in ('user', 'configuration')),
        saved_by_id text,
        saved_by_name text,
        primary key (office, version)
      );
      -- The office's published procedure catalogues, one row per publication or rollback; the newest is served.
      create table office_catalogues (
        office text not null,
        version integer not null check (version > 0),
        catalogue jsonb not null,
        rollback_of integer,
        published_at bigint not null,
        published_by_kind text not null check (published_by_kind in ('user', 'configuration')),
        published_by_id text,
        published_by_name text,
        primary key (office, version)
      );
    `,
  },
  {
    id: '0016-counter-pauses',
    sql: `
      -- A counter the officer paused (a break, a long case): given no call until it resumes. No row: not paused.
      create table queue_counter_pauses (
        office text not null,
        counter text not null,
        primary key (office, counter)
      );
    `,
  },
  {
    id: '0017-office-isolation',
    sql: `
      -- Every office-owned row is visible to, and writable by, only a connection working for its office: the office
      -- is the setting motcua.office, which the service sets on each connection it uses for an office (Database.
      -- forOffice). Enforced by PostgreSQL's row-level security, FORCEd so that it binds the tables' owner too; only
      -- superusers and BYPASSRLS roles pass it (PGlite runs as a superuser: one embedded office needs no more).
      -- Unset, it is null and no row matches. A later migration that changes rows runs as the owner and sets
      -- motcua.office, or lifts FORCE for its own transaction (alter table … no force row level security).
      create function motcua_office() returns text language sql stable
        as $$ select nullif(current_setting('motcua.office', true), '') $$;

      -- The tables keyed without an office get one. An Idempotency-Key's scope starts with its office; keys stored
      -- before 0010 have none, can never be replayed, and go.
      alter table idempotency_keys add column office text;
      update idempotency_keys set office = split_part(scope, ' ', 1);
      delete from idempotency_keys where office = '';
      alter table idempotency_keys alter column office set not null;
      -- Rate-limit windows and failed-lookup counts (minutes to a day of history) start again, per office.
      delete from rate_limit_windows;
      alter table rate_limit_windows add column office text not null;
      alter table rate_limit_windows drop constraint rate_limit_windows_pkey;
      alter table rate_limit_windows add primary key (office, name, key);
      delete from dossier_lookup_failures;
      alter table dossier_lookup_failures add column office text not null;
      alter table dossier_lookup_failures drop constraint dossier_lookup_failures_pkey;
      alter table dossier_lookup_failures add primary key (office, key);
      -- A day's dossier numbers are drawn on that day only: older sequences go; the recent ones take the office of a
      -- dossier whose code holds their agency (a sequence no dossier holds gave back all its numbers, and goes too).
      delete from dossier_sequences where business_date < to_char(now() - interval '3 days', 'YYYY-MM-DD');
      alter table dossier_sequences add column office text;
      update dossier_sequences s set office = (
        select d.office from dossiers d where position(s.agency in d.code) > 0 limit 1);
      delete from dossier_sequences where office is null;
      alter table dossier_sequences alter column office set not null;

${officePolicies(OFFICE_POLICY_TABLES)}      -- A user works in the office that holds the account, and in each office that gave the user a role there.
      alter table staff_users enable row level security;
      alter table staff_users force row level security;
      create policy staff_users_office on staff_users
        using (office = motcua_office()
          or exists (select 1 from staff_user_roles r where r.user_id = staff_users.id and r.office = motcua_office()))
        with check (office = motcua_office());
    `,
  },
  {
    id: '0018-ticket-officer',
    sql: `
      -- The officer of a ticket's last counter action, which the queue report reads from the audit trail, kept on the
      -- ticket when the trail's lines about it are purged (staff.auditRetentionDays): a user's id, or null (no officer
      -- known: the action came from a counter token or a paired tablet, or the lines are still in the trail).
      alter table queue_tickets add column officer_id text;
    `,
  },
  {
    id: '0019-ticket-push',
    sql: `
      -- Browsers that opted in to Web Push from a ticket's status page are kept beside the dossiers' under
      -- 'ticket:' and the ticket's id, with how many people ahead counts as near and the page to open again.
      alter table push_subscriptions add column near integer;
      alter table push_subscriptions add column page text;
    `,
  },
  {
    id: '0020-pairing-kind',
    sql: `
      -- What a device says it is when it asks to be paired (a kiosk, a counter tablet, a board): the admin's screen
      -- offers it first; the admin decides the kind.
      alter table device_pairings add column requested_kind text check (requested_kind in ('kiosk', 'counter', 'board'));
    `,
  },
  {
    id: '0021-open-dossiers',
    sql: `
      -- An officer's desk lists the office's dossiers that have not ended, the earliest due first.
      create index dossiers_open on dossiers (office, due_at, code)
        where status not in ('withdrawn', 'stopped', 'returned', 'refused');
    `,
  },
  {
    id: '0022-served-tickets',
    sql: `
      -- The satisfaction report counts an office's tickets served in a period (the eligible transactions of its
      -- response rates) by the instant they ended, a page at a time in (endedAt, id) order. Not by business date: a
      -- called ticket can still be finished days later. numeric, not bigint: the cast of any JSON number succeeds,
      -- so the index never fails a ticket's write.
      create index queue_tickets_served on queue_tickets (office, ((data->>'endedAt')::numeric), id)
        where status = 'done';
    `,
  },
  {
    id: '0023-unlogged-rate-limits',
    sql: `
      -- Rate-limit counts are written on most requests and worth nothing after a crash: unlogged, their writes wait
      -- for no disk (and are not in the write-ahead log); PostgreSQL empties the table after a crash, which only
      -- restarts the counts.
      alter table rate_limit_windows set unlogged;
    `,
  },
  {
    id: '0024-province-offices',
    sql: `
      -- The offices a province's IT centre adds at run time (motcua-server office add), served by every instance of
      -- the province beside its configuration's offices, without a restart. Province data, not an office's: no
      -- row-level security (an office's id, name and host names are public), so the application role reads every
      -- row whichever office its connection works for. What an added office keeps of its own (its administrator,
      -- its published catalogue, its settings) lives in the office-owned tables, under row-level security.
      create table province_offices (
        id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name_vi text not null check (name_vi <> ''),
        name_en text not null check (name_en <> ''),
        created_at bigint not null
      );
      -- Each host name belongs to one office (lower case, no port).
      create table province_office_hosts (
        host text primary key check (host = lower(host)),
        office_id text not null references province_offices (id)
      );
      create index province_office_hosts_office on province_office_hosts (office_id);
    `,
  },
];

/**
 * Every table whose rows belong to one office (an `office` column, row-level security): those of migration 0017's
 * policies and `staff_users`. A migration adding an office's table adds it here.
 */
export const OFFICE_OWNED_TABLES: readonly string[] = [...OFFICE_POLICY_TABLES, 'staff_users'];

/**
 * The province-level tables, read by every office's connection: no row-level security and no `office` column
 * (every other table but `motcua_migrations` is kept to its office).
 */
export const PROVINCE_TABLES: readonly string[] = ['province_offices', 'province_office_hosts'];

/** Any number, the same in every instance: serialises migrations when several instances start together. */
const MIGRATION_LOCK = 7_281_920;

/**
 * Applies the migrations the database has not seen yet and returns their ids. Safe when several service
 * instances start at once on one PostgreSQL: they take turns on an advisory lock.
 *
 * @example
 * ```ts
 * await migrate(db); // ['0001-idempotency', …] on a new database, [] afterwards
 * ```
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Looked up before creating it: an application role that may not create tables starts on a migrated database.
    const [found] = await tx.query<{ ok: boolean }>("select to_regclass('motcua_migrations') is not null as ok");
    if (!found?.ok) {
      await tx.query(`create table motcua_migrations (
        id text primary key,
        applied_at timestamptz not null default now()
      )`);
    }
    const done = new Set((await tx.query<{ id: string }>('select id from motcua_migrations')).map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql).catch((error: { code?: string; message?: string }) => {
        // 42501: the role may not change the schema (a province's application role).
        if (error.code !== '42501') throw error;
        throw new Error(
          `motcua-server: migration ${migration.id} needs the tables' owner (${error.message}): run \`motcua-server migrate\` with the owner's DATABASE_URL first`,
        );
      });
      await tx.query('insert into motcua_migrations (id) values ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
