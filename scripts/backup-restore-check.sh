#!/usr/bin/env bash
# Backs the platform's database up, restores it, and checks the copy
# (docs/operations.md, "Backups and restore"):
#
#  1. the embedded PostgreSQL: a server with the demo data on a fresh DATA_DIR;
#     a logical backup (pg_dump -Fc, while it serves) restored into a fresh
#     database with pg_restore when this machine has a pg_dump of the server's
#     major version or newer (PG_BIN=/path/to/bin picks one), else a cold copy
#     of DATA_DIR (server stopped) restored into a fresh DATA_DIR;
#  2. an external PostgreSQL (BACKUP_CHECK_PG_URL, a superuser's URL; default
#     the machine's postgres://postgres@127.0.0.1:5432/postgres when it answers
#     and its pg_dump fits): pg_dump -Fc of a seeded database, pg_restore into
#     a fresh one.
#
# Each time: the row count of every table of the copy equals the original's,
# and a server started on the copy is ready and answers the same figures over
# GraphQL. Exits non-zero on any difference.
#
#   bash scripts/backup-restore-check.sh          (builds the server if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f server/dist/dev.js ] || [ ! -f shared/dist/index.js ]; then
  pnpm -r --filter @alliance/shared --filter @alliance/server run build >/dev/null
fi

# The embedded PostgreSQL runs as the postgres user when we are root: the folder must be open to it.
work="$(mktemp -d /tmp/alliance-backup-check-XXXXXX)"
chmod 755 "$work"
pids=()
dropdbs=()
cleanup() {
  for p in "${pids[@]}"; do
    kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null || true
  done
  for d in "${dropdbs[@]}"; do
    psql "$external" -qAtX -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "backup check FAILED: $*" >&2
  exit 1
}

# Every table of the public schema with its row count, one "table count" a line.
COUNT_SQL="SELECT table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"

# start_server NAME VAR=VALUE…: a development server (no demo data unless asked), waits until it is ready.
server_pid=""
server_url=""
server_log=""
start_server() {
  local name="$1"
  shift
  env NODE_ENV=development HOST=127.0.0.1 PORT=0 LOG_LEVEL=info WEB_DIST= SEED_DEMO=false "$@" \
    node server/dist/dev.js >"$work/$name.log" 2>&1 &
  server_pid=$!
  server_log="$work/$name.log"
  pids+=("$server_pid")
  for _ in $(seq 1 600); do
    if grep -q 'Alliance platform ready' "$work/$name.log"; then break; fi
    kill -0 "$server_pid" 2>/dev/null || fail "server $name exited: $(tail -20 "$work/$name.log")"
    sleep 0.5
  done
  server_url="$(grep -o 'GraphQL at [^ )]*' "$work/$name.log" | head -1 | cut -d' ' -f3)"
  [ -n "$server_url" ] || fail "server $name did not start in 300 s"
  local ready
  ready="$(curl -s -o /dev/null -w '%{http_code}' "${server_url%graphql}readyz")"
  [ "$ready" = 200 ] || fail "server $name is not ready (/readyz $ready)"
}
stop_server() {
  kill -TERM "$server_pid"
  local code=0
  wait "$server_pid" || code=$?
  [ "$code" = 0 ] || fail "server did not stop cleanly (exit $code): $(grep -v '"msg":"graphql"' "$server_log" | tail -20)"
}

# figures URL: what the committee sees, the same on the original and the copy.
figures() {
  local token
  token="$(curl -s "$1" -H 'content-type: application/json' \
    -d '{"query":"mutation { login(username: \"committee\", password: \"demo-password\") { token } }"}' |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || fail "cannot sign in as committee at $1"
  curl -s "$1" -H 'content-type: application/json' -H "authorization: Bearer $token" \
    -d '{"query":"{ memberUnits { totalCount } needs { totalCount } shelfProjects { totalCount } partyMembers { totalCount } }"}'
}

compare() { # what original-counts copy-counts
  local tables
  tables="$(wc -l <"$2")"
  [ "$tables" -ge 20 ] || fail "$1: only $tables tables counted"
  diff -u "$2" "$3" || fail "$1: the copy's row counts differ"
  echo "  $1: $tables tables, $(awk '{s += $2} END {print s}' "$2") rows, the same in the copy"
}

# The highest pg_dump here (or PG_BIN's), and whether it can read a server of major $1.
pg_bin_for() {
  local bin="${PG_BIN:-}"
  if [ -z "$bin" ]; then
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  fi
  [ -n "$bin" ] && [ -x "$bin/pg_dump" ] || return 1
  local major
  major="$("$bin/pg_dump" --version | grep -o '[0-9]\+' | head -1)"
  [ "$major" -ge "$1" ] || return 1
  echo "$bin"
}

logical_copy() { # bin conninfo-of-source-db conninfo-of-maintenance-db source-name copy-name role
  local bin="$1" src="$2" maint="$3" copy="$5" role="$6"
  "$bin/pg_dump" -Fc -d "$src" -f "$work/$4.dump"
  psql "$maint" -qAtX -c "CREATE DATABASE $copy OWNER $role" >/dev/null
  "$bin/pg_restore" --no-owner --role="$role" --exit-on-error -d "${maint%/*}/$copy" "$work/$4.dump"
  echo "  pg_dump -Fc: $(du -h "$work/$4.dump" | cut -f1), restored with pg_restore into $copy"
}

echo "== 1. the embedded PostgreSQL"
start_server original DATA_DIR="$work/original" SEED_DEMO=true
original_url="$server_url"
port="$(sed -n 4p "$work/original/pg/postmaster.pid")"
secret() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' "$1/pg-secrets.json" "$2"; }
app_pw="$(secret "$work/original" app)"
su_pw="$(secret "$work/original" superuser)"
app_db="postgresql://alliance_app:$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$app_pw")@127.0.0.1:$port/alliance"
su_db="postgresql://postgres:$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$su_pw")@127.0.0.1:$port/postgres"
# Signing in writes (audit log, sign-in counts): asked before the counts, so that they cover it.
before="$(figures "$original_url")"
psql "$app_db" -qAtX -c "$COUNT_SQL" >"$work/embedded-original.counts"
major="$(psql "$app_db" -qAtX -c 'SHOW server_version_num')"
major=$((major / 10000))

if bin="$(pg_bin_for "$major")"; then
  logical_copy "$bin" "$app_db" "$su_db" embedded alliance_restored alliance_app
  psql "${app_db%/*}/alliance_restored" -qAtX -c "$COUNT_SQL" >"$work/embedded-copy.counts"
  compare "embedded PostgreSQL $major" "$work/embedded-original.counts" "$work/embedded-copy.counts"
  stop_server
  start_server restored DATABASE_URL="${app_db%/*}/alliance_restored"
  after="$(figures "$server_url")"
  stop_server
else
  echo "  no pg_dump >= $major here ($(pg_dump --version 2>/dev/null || echo none)): a cold copy of DATA_DIR instead"
  # Written out now, the shutdown checkpoint has little left to do: the stop stays well inside its 30 s on a busy disk.
  psql "$su_db" -qAtX -c CHECKPOINT >/dev/null
  stop_server
  tar -C "$work/original" -cpf "$work/data-dir.tar" pg pg-secrets.json jwt-secret
  echo "  tar of DATA_DIR (server stopped): $(du -h "$work/data-dir.tar" | cut -f1)"
  mkdir -p "$work/restored"
  chmod 755 "$work/restored"
  tar -C "$work/restored" -xpf "$work/data-dir.tar"
  start_server restored DATA_DIR="$work/restored"
  port="$(sed -n 4p "$work/restored/pg/postmaster.pid")"
  psql "postgresql://alliance_app:$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$app_pw")@127.0.0.1:$port/alliance" \
    -qAtX -c "$COUNT_SQL" >"$work/embedded-copy.counts"
  compare "embedded PostgreSQL $major (cold copy)" "$work/embedded-original.counts" "$work/embedded-copy.counts"
  after="$(figures "$server_url")"
  stop_server
fi
[ "$before" = "$after" ] || fail "the server on the copy answers $after, the original answered $before"
echo "  a server on the copy is ready and answers the same: $after"

echo "== 2. an external PostgreSQL (pg_dump / pg_restore)"
external="${BACKUP_CHECK_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! ext_version="$(psql "$external" -qAtX -c 'SHOW server_version_num' 2>/dev/null)"; then
  echo "  no PostgreSQL at ${external%%@*}@…: skipped"
  exit 0
fi
if ! bin="$(pg_bin_for $((ext_version / 10000)))"; then
  echo "  no pg_dump >= $((ext_version / 10000)) here: skipped"
  exit 0
fi
suffix="$(date +%s)_$$"
src="backup_src_$suffix"
copy="backup_copy_$suffix"
dropdbs+=("$src" "$copy")
psql "$external" -qAtX -c "CREATE DATABASE $src" >/dev/null
start_server external-original DATABASE_URL="${external%/*}/$src" SEED_DEMO=true
before="$(figures "$server_url")"
psql "${external%/*}/$src" -qAtX -c "$COUNT_SQL" >"$work/external-original.counts"
# While the server serves: pg_dump reads one consistent snapshot.
owner="$(psql "$external" -qAtX -c 'SELECT current_user')"
logical_copy "$bin" "${external%/*}/$src" "$external" external "$copy" "$owner"
stop_server
psql "${external%/*}/$copy" -qAtX -c "$COUNT_SQL" >"$work/external-copy.counts"
compare "PostgreSQL $((ext_version / 10000))" "$work/external-original.counts" "$work/external-copy.counts"
start_server external-restored DATABASE_URL="${external%/*}/$copy"
after="$(figures "$server_url")"
stop_server
[ "$before" = "$after" ] || fail "the server on the restored copy answers $after, the original answered $before"
echo "  a server on the restored copy is ready and answers the same: $after"
echo "backup check passed"
