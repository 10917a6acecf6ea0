#!/usr/bin/env bash
# Starts a PostgreSQL server on loopback for the server tests and the multi-instance checks, from Debian's
# packages (installed with apt when missing, as root), and prints its URL:
#   export MOTCUA_TEST_DATABASE_URL=$(bash scripts/postgres.sh)
# Everything it says besides the URL goes to stderr.
set -euo pipefail
# The URL goes to the caller's stdout (fd 3 below); everything else to stderr. Commands that may leave a server
# running (apt's post-install, pg_ctlcluster) run detached: with stdin from /dev/null and every descriptor above
# stderr closed, since a daemon holding the caller's pipe open would keep `$(bash scripts/postgres.sh)` (or a CI
# log reader) waiting for ever.
exec 3>&1 1>&2

detached() {
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec ${fd}>&-" 2>/dev/null || true; fi
    done
    exec "$@" </dev/null
  )
}

if ! command -v pg_ctlcluster >/dev/null; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "PostgreSQL is not installed. Install Debian's postgresql package, or set MOTCUA_TEST_DATABASE_URL." >&2
    exit 1
  fi
  echo "Installing PostgreSQL (apt-get install postgresql)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive detached apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  detached pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  detached pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

as_postgres() { (cd / && su postgres -c "$1" 3>&-); }
as_postgres "psql -p $port -qtAc \"select 1 from pg_roles where rolname = 'motcua'\"" | grep -q 1 ||
  as_postgres "psql -p $port -qc \"create role motcua login superuser password 'motcua'\""
as_postgres "psql -p $port -qtAc \"select 1 from pg_database where datname = 'motcua_test'\"" | grep -q 1 ||
  as_postgres "psql -p $port -qc 'create database motcua_test owner motcua'"

echo "postgres://motcua:motcua@127.0.0.1:${port}/motcua_test" >&3
