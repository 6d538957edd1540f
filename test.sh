#!/usr/bin/env bash
# Runs every test of Portal on this machine: installs what is missing (PostgreSQL, Chromium, a CJK
# font, npm packages), checks that each provider's migrations cover the model, starts a throwaway
# PostgreSQL cluster on a free loopback port, runs the suite, and stops the cluster again. Extra
# arguments go to `dotnet test` (e.g. --filter Category!=Browser).
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The Chinese pages need a CJK font, as a phone has (Noto Sans CJK, like Android); without one they show boxes.
compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK-*" > /dev/null || missing+=(fonts-noto-cjk)
command -v npm > /dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

echo "==> front-end packages"
(cd wwwroot-assets && npm ci --no-audit --no-fund --loglevel=error)

echo "==> migrations match the model"
dotnet tool restore > /dev/null
# dotnet ef reads the projects' metadata, which a fresh clone only has after a restore.
dotnet restore Portal.sln -v q > /dev/null
# Each check builds only its migrations project and the domain; the test build below reuses both.
for migrations in Portal.Migrations.Sqlite Portal.Migrations.Postgres; do
  dotnet ef migrations has-pending-model-changes --project "$migrations" \
    || { echo "The model has changes without a migration in $migrations: see \"Adding a migration\" in README.md." >&2; exit 1; }
done

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_root=$(mktemp -d /tmp/portal-pg.XXXXXX)
pg_data="$pg_root/data"
# Below the kernel's ephemeral range (32768 and up): a port there may be the local end of an outgoing
# connection, which the probe cannot see but which stops PostgreSQL binding it.
free_port() {
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# initdb refuses to run as root; the postgresql package's own account runs the throwaway cluster.
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_root"; fi

stop_pg() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$pg_root"
}
trap stop_pg EXIT

run_pg "$pg_bin/initdb" -D "$pg_data" -U portal --auth=trust -E UTF8 --no-locale > "$pg_root/initdb.log" 2>&1 \
  || { cat "$pg_root/initdb.log" >&2; exit 1; }
# A port taken between the probe and the start is tried again elsewhere.
port=""
for _ in 1 2 3 4 5; do
  candidate=$(free_port) || break
  if run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_root/server.log" -w -t 60 start \
    -o "-p $candidate -k $pg_root -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" > /dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "PostgreSQL did not start on a free port" >&2; cat "$pg_root/server.log" >&2; exit 1; }
echo "==> PostgreSQL ($(basename "$(dirname "$pg_bin")")) on 127.0.0.1:$port"
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=portal;Database=postgres;Timeout=30"

echo "==> dotnet test"
results="$pg_root/results"
set +e
dotnet test Portal.sln --logger "console;verbosity=normal" --logger "trx;LogFileName=portal.trx" --results-directory "$results" "$@"
status=$?
set -e

# One plain closing line for whoever reads the log.
if compgen -G "$results/*.trx" > /dev/null; then
  counters=$(grep -ho '<Counters [^>]*>' "$results"/*.trx | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<< "$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<< "$counters")
  echo "${passed:-0} passed, ${failed:-0} failed"
  # The failures again, with the first lines of their messages, where a truncated log still shows them.
  if [ "${failed:-0}" != "0" ]; then
    awk '
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); failing = 1 }
      failing && /<Message>/ { sub(/.*<Message>/, ""); print "FAILED " name ": " substr($0, 1, 400); failing = 0 }
    ' "$results"/*.trx
  fi
fi
exit $status
