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
passed=0
failed=0
flaky=()
still_failing=()

# The names of the tests a TRX file reports with the given outcome, one per line (theory cases with their arguments).
tests_with_outcome() {
  grep -o "<UnitTestResult [^>]*testName=\"[^\"]*\"[^>]*outcome=\"$2\"" "$1" 2>/dev/null | sed 's/.*testName="\([^"]*\)".*/\1/'
}

# Runs one suite: dotnet test PROJECT with FILTER into its own results folder (NAME), counts what it reports, and sends
# a few failed tests (at most 5; more means something is broken, not unlucky) through once more on their own. A test
# that fails and then passes counts as passed and is named below as flaky; one that fails twice counts as failed.
run_suite() {
  local name=$1 project=$2 filter=$3
  dotnet test "$project" --no-build --filter "$filter" --logger trx --results-directory "$results/$name" -v quiet --nologo
  local code=$? trx
  trx=$(ls "$results/$name"/*.trx 2>/dev/null | head -1)
  if [ -z "$trx" ]; then
    echo "$name: no results (dotnet test exited with $code): the build or the test host failed."
    status=1; failed=$((failed + 1)); return
  fi
  local counters p f
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  mapfile -t failures < <(tests_with_outcome "$trx" Failed)
  if [ "${#failures[@]}" -eq 0 ]; then
    if [ "$code" -ne 0 ]; then echo "$name: dotnet test exited with $code without a failed test."; status=1; failed=$((failed + 1)); fi
    return
  fi
  if [ "${#failures[@]}" -gt 5 ]; then
    still_failing+=("${failures[@]/#/$name: }"); failed=$((failed + ${f:-${#failures[@]}})); status=1; return
  fi
  local methods=() test
  for test in "${failures[@]}"; do methods+=("FullyQualifiedName=${test%%(*}"); done
  local retry_filter
  retry_filter="($filter)&($(IFS='|'; echo "${methods[*]}"))"
  echo "$name: ${#failures[@]} failed; running them once more..."
  dotnet test "$project" --no-build --filter "$retry_filter" --logger trx --results-directory "$results/$name.retry" -v quiet --nologo
  local retried
  retried=$(tests_with_outcome "$(ls "$results/$name.retry"/*.trx 2>/dev/null | head -1)" Passed)
  for test in "${failures[@]}"; do
    if grep -qxF -- "$test" <<<"$retried"; then
      flaky+=("$name: $test"); passed=$((passed + 1))
    else
      still_failing+=("$name: $test"); failed=$((failed + 1)); status=1
    fi
  done
}

if dotnet build Flux.Dashboard.sln -v quiet --nologo; then
  # One results folder per run, so no two TRX files can collide. Tests that need a PostgreSQL server whatever Flux runs
  # on (db copy) wait for the PostgreSQL run.
  run_suite Flux.Dashboard.Tests Flux.Dashboard.Tests "Engine!=Postgres"
  run_suite Flux.E2E Flux.E2E "Engine!=Postgres"
  # The same suite on PostgreSQL, less the tests of SQLite's own machinery; each Flux gets a database of its own. The
  # scale-out tests (several Flux processes on one database) share a Redis server too.
  if postgres=$(.ci/postgres start) && redis=$(.ci/redis start); then
    trap '.ci/postgres stop; .ci/redis stop' EXIT
    export FLUX_TEST_DATABASE=postgres FLUX_TEST_POSTGRES="$postgres" FLUX_TEST_REDIS="$redis"
    run_suite Flux.Dashboard.Tests.Postgres Flux.Dashboard.Tests "Engine!=Sqlite"
    # Two browser flows on PostgreSQL: a simulated payment confirms the order live in the merchant's two tabs, and, with
    # three Flux processes on the database and Redis, an order made on one and paid on another turns confirmed live on
    # the dashboard the third serves.
    run_suite Flux.E2E.Postgres Flux.E2E "FullyQualifiedName~LiveConfirmationTests|FullyQualifiedName~Flux.E2E.ScaleOut"
    unset FLUX_TEST_DATABASE FLUX_TEST_POSTGRES FLUX_TEST_REDIS
  else
    echo "Could not start PostgreSQL and Redis for the PostgreSQL run."
    .ci/postgres stop
    status=1; failed=$((failed + 1))
  fi
  # The benchmarks must not rot: each runs in its smoke size (figures printed, not judged; docs/performance.md).
  smoke_started=$SECONDS
  if dotnet run --project bench/Flux.Bench --no-build -- smoke; then
    passed=$((passed + 1)); smoke=passed
  else
    failed=$((failed + 1)); smoke=failed; status=1
  fi
  echo "Benchmarks (smoke): $smoke in $((SECONDS - smoke_started)) s"
else
  echo "The build failed."
  status=1; failed=1
fi

# Named last, where a CI log that keeps only its tail still shows them.
for test in "${flaky[@]}"; do echo "Flaky (failed, then passed when run again): $test"; done
for test in "${still_failing[@]}"; do echo "Failed: $test"; done
echo "Tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
