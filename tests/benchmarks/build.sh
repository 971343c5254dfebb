#!/usr/bin/env bash
# Builds what the benchmarks run, into artifacts/bench/ (ignored by git):
#   aot/    the Native AOT bootstrap, published by scripts/publish.sh and copied, so that
#           a publish started elsewhere cannot swap the binary in the middle of a run
#   jit/    the same project published framework-dependent without AOT (dotnet bootstrap.dll)
#   floor/  tests/benchmarks/Floor, an AOT process that only takes events and posts a fixed response
# and local-glue into artifacts/local-glue/, as scripts/local-invoke.sh does. The JIT
# and floor builds use their own intermediate folders, so they never race another build
# of the same project. Installs the Debian and npm packages the comparisons need when
# they are missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=lib/isolate-env.sh
source tests/benchmarks/lib/isolate-env.sh
bench=artifacts/bench

missing=()
dpkg -s python3-boto3 >/dev/null 2>&1 || missing+=(python3-boto3)
dpkg -s python3-matplotlib >/dev/null 2>&1 || missing+=(python3-matplotlib)
command -v zip >/dev/null 2>&1 || missing+=(zip)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "Installing ${missing[*]}..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

echo "Publishing the Native AOT bootstrap..." >&2
bash scripts/publish.sh >&2
mkdir -p "$bench/aot"
cp artifacts/bootstrap-linux-x64/bootstrap artifacts/bootstrap-linux-x64/bootstrap.dbg "$bench/aot/"

echo "Publishing the JIT build..." >&2
rm -rf "$bench/jit"
dotnet publish src/GlueTaskRunLambda/GlueTaskRunLambda.csproj -c Release -p:PublishAot=false \
  --artifacts-path "$bench/obj/jit" -o "$bench/jit" -nologo -v q >&2

echo "Publishing the floor..." >&2
dotnet publish tests/benchmarks/Floor/Floor.csproj -c Release -r linux-x64 \
  --artifacts-path "$bench/obj/floor" -o "$bench/floor" -nologo -v q >&2

echo "Building local-glue..." >&2
dotnet build src/GlueTaskRunLambda.LocalGlue/GlueTaskRunLambda.LocalGlue.csproj -c Release -nologo -v q \
  -o artifacts/local-glue >&2

echo "Installing the Node.js comparison's packages..." >&2
(cd tests/benchmarks && npm ci --no-audit --no-fund >&2)

echo "Built artifacts/bench/{aot,jit,floor} and artifacts/local-glue at $(git rev-parse --short HEAD)" >&2
