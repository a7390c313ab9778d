#!/usr/bin/env bash
# Runs every Flux test on a fresh machine: installs what the tests need (Debian's Chromium, PostgreSQL, Redis, Ruby, Go
# and wrk, npm packages of the JS checks and of the benchmarks' peer), runs all test projects on SQLite, runs
# Flux.Dashboard.Tests again on a throwaway PostgreSQL cluster and Redis server it starts (and stops), runs every
# benchmark in its smoke size (it still runs and prints its figures; one counted test), and ends with one line
# "Tests: N passed, N failed" counting every run.
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "Could not install chromium (apt-get)."
    echo "Tests: 0 passed, 1 failed"
    exit 1
  fi
fi

if ! command -v ruby >/dev/null || ! command -v go >/dev/null; then
  echo "Installing Debian's ruby and golang-go for the Ruby and Go SDK tests..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ruby golang-go >/dev/null; }; then
    echo "Could not install ruby and golang-go (apt-get)."
    echo "Tests: 0 passed, 1 failed"
    exit 1
  fi
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the PostgreSQL run..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
    echo "Could not install postgresql (apt-get)."
    echo "Tests: 0 passed, 1 failed"
    exit 1
  fi
fi

if ! command -v redis-server >/dev/null; then
  echo "Installing Debian's redis-server for the scale-out tests..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }; then
    echo "Could not install redis-server (apt-get)."
    echo "Tests: 0 passed, 1 failed"
    exit 1
  fi
fi

if ! command -v wrk >/dev/null; then
  echo "Installing Debian's wrk for the benchmarks' smoke run (P3)..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }; then
    echo "Could not install wrk (apt-get)."
    echo "Tests: 0 passed, 1 failed"
    exit 1
  fi
fi

for lock in $(git ls-files '*package-lock.json' 2>/dev/null || find . -name package-lock.json -not -path '*/node_modules/*'); do
  dir=$(dirname "$lock")
  echo "npm ci in $dir"
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "npm ci failed in $dir"
    echo "Tests: 0 passed, 1 failed"
    exit 1
  fi
done

results=TestResults
rm -rf "$results"
status=0
if dotnet build Flux.Dashboard.sln -v quiet --nologo; then
  # One results folder per test project, so no two TRX files can collide. Tests that need a PostgreSQL server whatever
  # Flux runs on (db copy) wait for the PostgreSQL run.
  for project in Flux.Dashboard.Tests Flux.E2E; do
    dotnet test "$project" --no-build --filter "Engine!=Postgres" --logger trx --results-directory "$results/$project" -v quiet --nologo \
      || status=$?
  done
  # The same suite on PostgreSQL, less the tests of SQLite's own machinery; each Flux gets a database of its own. The
  # scale-out tests (several Flux processes on one database) share a Redis server too.
  if postgres=$(.ci/postgres start) && redis=$(.ci/redis start); then
    trap '.ci/postgres stop; .ci/redis stop' EXIT
    FLUX_TEST_DATABASE=postgres FLUX_TEST_POSTGRES="$postgres" FLUX_TEST_REDIS="$redis" dotnet test Flux.Dashboard.Tests --no-build \
      --filter "Engine!=Sqlite" --logger trx --results-directory "$results/Flux.Dashboard.Tests.Postgres" -v quiet --nologo \
      || status=$?
    # Two browser flows on PostgreSQL: a simulated payment confirms the order live in the merchant's two tabs, and, with
    # three Flux processes on the database and Redis, an order made on one and paid on another turns confirmed live on
    # the dashboard the third serves.
    FLUX_TEST_DATABASE=postgres FLUX_TEST_POSTGRES="$postgres" FLUX_TEST_REDIS="$redis" dotnet test Flux.E2E --no-build \
      --filter "FullyQualifiedName~LiveConfirmationTests|FullyQualifiedName~Flux.E2E.ScaleOut" --logger trx --results-directory "$results/Flux.E2E.Postgres" \
      -v quiet --nologo || status=$?
  else
    echo "Could not start PostgreSQL and Redis for the PostgreSQL run."
    .ci/postgres stop
    status=1
  fi
  # The benchmarks must not rot: each runs in its smoke size (figures printed, not judged; docs/performance.md).
  smoke_started=$SECONDS
  if dotnet run --project bench/Flux.Bench --no-build -- smoke; then smoke=passed; else smoke=failed; status=1; fi
  echo "Benchmarks (smoke): $smoke in $((SECONDS - smoke_started)) s"
else
  status=$?
fi

passed=0
failed=0
for trx in "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

case "${smoke:-}" in
  passed) passed=$((passed + 1)) ;;
  failed) failed=$((failed + 1)) ;;
esac

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failed test: the build or a test host failed."
  failed=1
fi

echo "Tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
