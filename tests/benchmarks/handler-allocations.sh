#!/usr/bin/env bash
# Time and allocations of the function's in-process work per invocation (parse, build,
# serialize, log), with BenchmarkDotNet's MemoryDiagnoser and an in-memory Glue client.
# Runs under JIT, as BenchmarkDotNet does by default; the allocations are those of the
# same code under AOT. Extra arguments go to BenchmarkDotNet, for example --job short.
# Reports land in artifacts/bench/bdn/results/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=lib/isolate-env.sh
source tests/benchmarks/lib/isolate-env.sh

dotnet build tests/GlueTaskRunLambda.Benchmarks/GlueTaskRunLambda.Benchmarks.csproj -c Release \
  --artifacts-path artifacts/bench/obj/benchmarks -nologo -v q >&2
dotnet artifacts/bench/obj/benchmarks/bin/GlueTaskRunLambda.Benchmarks/release/GlueTaskRunLambda.Benchmarks.dll \
  --filter '*' --artifacts artifacts/bench/bdn "$@"
