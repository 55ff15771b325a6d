#!/usr/bin/env bash
# Runs the whole test suite: every .NET test project (each starts its own throwaway PostgreSQL cluster) and the
# browser-crypto module's tests on Node. Prints 'N passed, N failed' last; exits non-zero if anything failed
# or nothing ran.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

need_dotnet
VARSLING_PG_BIN=$(ensure_postgres) || exit 1
export VARSLING_PG_BIN
ensure_poppler || exit 1
ensure_node || exit 1
ensure_chromium || exit 1
ensure_browser_test_tools || exit 1
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

results=$(mktemp -d "${TMPDIR:-/tmp}/varsling-tests.XXXXXX")
trap 'rm -rf "$results"' EXIT

status=0
dotnet test Varsling.sln --logger "trx;LogFilePrefix=varsling" --results-directory "$results/trx" || status=1

js_tests=tests/Varsling.Crypto.Tests/js
js_passed=0 js_failed=0
if [ -d "$js_tests" ] && ls "$js_tests"/*.test.mjs >/dev/null 2>&1; then
  node --test --test-reporter=tap "$js_tests/" >"$results/node.tap" 2>&1 || status=1
  grep -E '^# (tests|pass|fail)' "$results/node.tap" | sed 's/^/node: /'
  js_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/node.tap" | tail -n 1)
  js_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/node.tap" | tail -n 1)
  if [ "${js_failed:-0}" != 0 ] || [ -z "$js_passed" ]; then
    grep -E -B2 -A20 '^not ok' "$results/node.tap" | head -n 200
  fi
fi

passed=0 failed=0
for trx in "$results"/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
passed=$((passed + ${js_passed:-0}))
failed=$((failed + ${js_failed:-0}))

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  say "No test ran."
  status=1
fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
