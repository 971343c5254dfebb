#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md in order and keeps the output in
# artifacts/bench/results/run-all.log (the JSON of each benchmark lands beside it).
# About 25 minutes on the 2-core build machine, most of it the AOT publishes and
# BenchmarkDotNet. COLD_ROUNDS sets the cold-start rounds (default 40).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=lib/isolate-env.sh
source tests/benchmarks/lib/isolate-env.sh
mkdir -p artifacts/bench/results
log=artifacts/bench/results/run-all.log

{
  echo "== build"
  bash tests/benchmarks/build.sh
  echo "== cold start"
  node tests/benchmarks/cold-start.mjs --rounds "${COLD_ROUNDS:-40}"
  echo "== warm invocations"
  node tests/benchmarks/warm.mjs --variant aot --invocations 10000
  node tests/benchmarks/warm.mjs --variant aot --invocations 10000 --name warm-aot-128mb \
    --env DOTNET_GCHeapHardLimit=6000000
  for variant in floor jit python node; do
    node tests/benchmarks/warm.mjs --variant "$variant" --invocations 2000
  done
  echo "== in-process allocations"
  bash tests/benchmarks/handler-allocations.sh
  echo "== package size"
  bash tests/benchmarks/package-size.sh
  echo "== start-up profile"
  bash tests/benchmarks/startup-profile.sh
  echo "== polling cost"
  /usr/bin/python3 tests/benchmarks/polling-cost.py
} 2>&1 | tee "$log"
