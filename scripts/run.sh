#!/usr/bin/env bash
# Runs the whole system locally: a private PostgreSQL cluster (created once under .run/), migrations, demo data,
# and the intake site, back office and worker on fixed loopback ports. Ctrl-C stops everything, PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib.sh

INTAKE_PORT=${VARSLING_INTAKE_PORT:-5080}
BACKOFFICE_PORT=${VARSLING_BACKOFFICE_PORT:-5081}
PG_PORT=${VARSLING_PG_PORT:-55432}

need_dotnet
pg_bin=$(ensure_postgres)

state="$root/.run"
mkdir -p "$state"
pgdir="$state/pg"
pg_own "$pgdir"
if ! pg_can_use "$pgdir"; then
  # The checkout is not reachable by the postgres user (e.g. under /root); keep the cluster beside it instead.
  pgdir="/var/tmp/varsling-run-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
  pg_own "$pgdir"
  say "PostgreSQL data lives in $pgdir (the checkout is not reachable by the postgres user)."
fi

if [ ! -f "$pgdir/data/PG_VERSION" ]; then
  say "Creating a private PostgreSQL cluster in $pgdir/data ..."
  pg_run "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

pids=()
cleanup() {
  trap - EXIT INT TERM
  say ""
  say "Stopping ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_run "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
  say "Stopped."
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

if ! pg_run "$pg_bin/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1; then
  pg_run "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w \
    -o "-k $pgdir -h 127.0.0.1 -p $PG_PORT" start >/dev/null
fi
if ! pg_run "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'varsling'" | grep -q 1; then
  pg_run "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres varsling
fi

export ConnectionStrings__Varsling="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=varsling"
export ASPNETCORE_ENVIRONMENT=Development DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The hosts seal their data-protection keys under this key-encryption key; it stays in .run/, never in the database.
if [ ! -s "$state/dp-kek" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 >"$state/dp-kek")
fi
export DataProtection__KeyEncryptionKey="$(cat "$state/dp-kek")"
# Notification e-mail (deadline reminders) is written to a folder instead of being sent.
export Mail__PickupDirectory="$state/mail" Mail__BackofficeBaseUrl="http://127.0.0.1:$BACKOFFICE_PORT"

say "Building ..."
for p in Worker Intake Backoffice; do
  dotnet build "src/Varsling.$p/Varsling.$p.csproj" -c Debug -nologo -v quiet -clp:ErrorsOnly >&2
done
bin() { echo "src/Varsling.$1/bin/Debug/net10.0/Varsling.$1.dll"; }

dotnet "$(bin Worker)" migrate
# The demo handlers' sign-in details are printed once, when created; keep them for later runs (.run/ is ignored by git).
dotnet "$(bin Worker)" seed-demo | tee "$state/seed.out"
grep -E '^Demo [a-z]+ for ' "$state/seed.out" >>"$state/demo-accounts.txt" || true

mkdir -p "$state/logs"
ASPNETCORE_URLS="http://127.0.0.1:$INTAKE_PORT" dotnet "$(bin Intake)" --contentRoot "$root/src/Varsling.Intake" >"$state/logs/intake.log" 2>&1 &
pids+=($!)
ASPNETCORE_URLS="http://127.0.0.1:$BACKOFFICE_PORT" dotnet "$(bin Backoffice)" --contentRoot "$root/src/Varsling.Backoffice" >"$state/logs/backoffice.log" 2>&1 &
pids+=($!)
dotnet "$(bin Worker)" run >"$state/logs/worker.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  if http_ok "$INTAKE_PORT" /healthz && http_ok "$BACKOFFICE_PORT" /healthz; then break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a host exited early; see $state/logs/"; done
  sleep 0.5
done
http_ok "$INTAKE_PORT" /healthz && http_ok "$BACKOFFICE_PORT" /healthz || die "the hosts did not become healthy; see $state/logs/"

cat <<MSG

Varsling is running (healthy):
  Intake site (anonymous):  http://127.0.0.1:$INTAKE_PORT/nb/   (English: /en/)
  Back office:              http://127.0.0.1:$BACKOFFICE_PORT/nb/
  Worker:                   running scheduled jobs
  PostgreSQL:               127.0.0.1:$PG_PORT, database varsling, data in $pgdir/data
  Logs:                     $state/logs/
  Notification e-mail:      $state/mail/ (written as .eml files, not sent)
Demo organisations: nordlys (NO + SE legal entities), fjellberg (SE). Report at /nb/nordlys/ or /nb/fjellberg/.
Demo people (local only; add the authenticator key to an authenticator app):
$(sed 's/^/  /' "$state/demo-accounts.txt" 2>/dev/null)
Press Ctrl-C to stop everything.
MSG

wait -n "${pids[@]}" || true
say "A host stopped; see $state/logs/."
