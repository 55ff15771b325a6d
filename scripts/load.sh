#!/usr/bin/env bash
# Load test of the intake: a throwaway PostgreSQL cluster, migrations and demo data, one handler key on the demo
# channel, the intake host (Release) with its one-insert baseline endpoint enabled and the global limits lifted, then
# autocannon at 32 connections (VARSLING_LOAD_CONNECTIONS) for 10 s per endpoint (VARSLING_LOAD_SECONDS) against:
# the baseline, the JavaScript-path submission and the mailbox login. Prints req/s and p99 as ratios to the baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib.sh

need_dotnet
ensure_node
pg_bin=$(ensure_postgres)
PORT=${VARSLING_LOAD_PORT:-5090}
PG_PORT=${VARSLING_LOAD_PG_PORT:-55490}
work=$(mktemp -d /var/tmp/varsling-load.XXXXXX)
pg_own "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_run "$pg_bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

pg_run "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
pg_run "$pg_bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -o "-k $work -h 127.0.0.1 -p $PG_PORT -c max_connections=300" start >/dev/null
pg_run "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres varsling
export ConnectionStrings__Varsling="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=varsling"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

say "Building (Release) ..."
for p in Worker Intake; do dotnet build "src/Varsling.$p/Varsling.$p.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2; done
dotnet "src/Varsling.Worker/bin/Release/net10.0/Varsling.Worker.dll" migrate >&2
dotnet "src/Varsling.Worker/bin/Release/net10.0/Varsling.Worker.dll" seed-demo >&2

# One handler on nordlys/varsling, so the channel accepts reports; its key is made here and thrown away.
pub=$(node --input-type=module -e "import * as c from '$root/src/Varsling.Intake/wwwroot/js/crypto/index.js'; const k = await c.generateKeyPair(); console.log(c.toHex(k.publicKey));")
pg_run "$pg_bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d varsling -v ON_ERROR_STOP=1 <<SQL
INSERT INTO asp_net_users (id, organisation_id, display_name, user_name, normalized_user_name, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT gen_random_uuid(), o.id, 'Load handler', 'load-handler', 'LOAD-HANDLER', false, false, false, false, 0 FROM organisations o WHERE o.slug = 'nordlys';
INSERT INTO channel_recipients (id, organisation_id, channel_id, user_id, public_key)
SELECT gen_random_uuid(), c.organisation_id, c.id, u.id, decode('$pub', 'hex')
FROM channels c JOIN organisations o ON o.id = c.organisation_id JOIN asp_net_users u ON u.user_name = 'load-handler'
WHERE o.slug = 'nordlys' AND c.slug = 'varsling';
SQL

ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  IntakeWeb__LoadBaseline=true IntakeWeb__SubmissionsPerMinute=100000 IntakeWeb__LoginsPerMinute=100000 IntakeWeb__UploadsPerMinute=1000000 \
  dotnet "src/Varsling.Intake/bin/Release/net10.0/Varsling.Intake.dll" --contentRoot "$root/src/Varsling.Intake" >"$work/intake.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do http_ok "$PORT" /healthz && break; sleep 0.5; done
http_ok "$PORT" /healthz || die "the intake did not become healthy: $(tail -n 20 "$work/intake.log")"

if [ ! -d tests/load/node_modules/autocannon ]; then
  (cd tests/load && { [ -f package-lock.json ] && npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } >&2)
fi
node tests/load/load.mjs "http://127.0.0.1:$PORT" "${VARSLING_LOAD_CONNECTIONS:-32}" "${VARSLING_LOAD_SECONDS:-10}"
