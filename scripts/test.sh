#!/usr/bin/env bash
# Runs every test: publishes the Native AOT bootstrap (failing on any trim or AOT
# warning), runs the .NET tests (which start that binary against the local Glue
# endpoint), then the wait-loop checks under infra/ with Node. Ends with one summary
# line, "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/publish.sh

dotnet_log="$(mktemp)"
trap 'rm -f "$dotnet_log"' EXIT
set +e
dotnet test GlueTaskRunLambda.sln -nologo 2>&1 | tee "$dotnet_log"
dotnet_status=${PIPESTATUS[0]}
set -e

summary="$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$dotnet_log" | tail -n 1)"
dotnet_failed="$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")"
dotnet_passed="$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")"
if [[ -z "$summary" ]]; then
  echo "dotnet test printed no summary line" >&2
  dotnet_failed=1
  dotnet_passed=0
fi

node_passed=0
node_failed=0
node_status=0
if [[ -f infra/package.json ]]; then
  node_log="$(mktemp)"
  set +e
  (cd infra && npm ci --no-audit --no-fund >/dev/null && npm test) 2>&1 | tee "$node_log"
  node_status=${PIPESTATUS[0]}
  set -e
  node_passed="$(sed -nE 's/^(ℹ|#) pass ([0-9]+)$/\2/p' "$node_log" | tail -n 1)"
  node_failed="$(sed -nE 's/^(ℹ|#) fail ([0-9]+)$/\2/p' "$node_log" | tail -n 1)"
  node_passed="${node_passed:-0}"
  node_failed="${node_failed:-0}"
  if [[ "$node_status" -ne 0 && "$node_failed" -eq 0 ]]; then
    node_failed=1
  fi
  rm -f "$node_log"
fi

echo "$((dotnet_passed + node_passed)) passed, $((dotnet_failed + node_failed)) failed"
if [[ "$dotnet_status" -ne 0 || "$node_status" -ne 0 ]]; then
  exit 1
fi
