#!/usr/bin/env bash
# Publishes the function as a Native AOT bootstrap for linux-x64 (or the runtime
# identifier in $1) into artifacts/bootstrap-<rid>/, and fails on any trim or AOT
# warning, so a warning can never reach a deployed binary unnoticed.
set -euo pipefail
cd "$(dirname "$0")/.."

rid="${1:-linux-x64}"
out="artifacts/bootstrap-${rid}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

if ! dotnet publish src/GlueTaskRunLambda/GlueTaskRunLambda.csproj -c Release -r "$rid" -o "$out" \
    -p:TreatWarningsAsErrors=true -nologo >"$log" 2>&1; then
  cat "$log"
  echo "publish failed for $rid" >&2
  exit 1
fi

if grep -E "warning (IL|CS|CA)[0-9]+" "$log"; then
  echo "publish for $rid produced the warnings above; fix them" >&2
  exit 1
fi

echo "published $out/bootstrap ($(du -h "$out/bootstrap" | cut -f1))"
