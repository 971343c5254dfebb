#!/usr/bin/env bash
# Runs the function once, outside AWS, against the bundled local Glue endpoint:
# publishes the Native AOT bootstrap if its sources changed, starts local-glue on a
# free 127.0.0.1 port, invokes bootstrap on an event file and prints the status
# document. Usage: scripts/local-invoke.sh [EVENT_FILE]   (default events/local-invoke.json)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

event="${1:-events/local-invoke.json}"
if [[ ! -f "$event" ]]; then
  echo "Event file '$event' not found. Pass a JSON file such as events/local-invoke.json." >&2
  exit 64
fi

bootstrap="artifacts/bootstrap-linux-x64/bootstrap"
if [[ ! -x "$bootstrap" ]] || [[ -n "$(find src/GlueTaskRunLambda -newer "$bootstrap" \
    \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/obj/*' -not -path '*/bin/*' | head -n 1)" ]]; then
  echo "Publishing the Native AOT bootstrap (takes about a minute the first time)..." >&2
  bash scripts/publish.sh >&2
fi

echo "Building local-glue..." >&2
dotnet build src/GlueTaskRunLambda.LocalGlue/GlueTaskRunLambda.LocalGlue.csproj -c Release -nologo -v q \
  -o artifacts/local-glue >/dev/null

ready="$(mktemp)"
glue_log="$(mktemp)"
dotnet artifacts/local-glue/local-glue.dll --port 0 --time-scale "${LOCAL_GLUE_TIME_SCALE:-60}" \
  >"$ready" 2>"$glue_log" &
glue_pid=$!
trap 'kill "$glue_pid" 2>/dev/null || true; wait "$glue_pid" 2>/dev/null || true; rm -f "$ready" "$glue_log"' EXIT

url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^local-glue listening on \(http[^ ]*\).*/\1/p' "$ready")"
  [[ -n "$url" ]] && break
  if ! kill -0 "$glue_pid" 2>/dev/null; then
    cat "$glue_log" >&2
    echo "local-glue exited before it was ready" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "local-glue did not report its address within 10 seconds" >&2
  exit 1
fi
echo "local-glue is listening on $url; invoking bootstrap with $event" >&2

# A CloudTrail event that names no run id (responseElements missing, null or without
# taskRunId) makes the function look for a run started near the event's time.
# local-glue's simulated runs start when first listed, so the event's times move to now.
moved="$(mktemp)"
trap 'kill "$glue_pid" 2>/dev/null || true; wait "$glue_pid" 2>/dev/null || true; rm -f "$ready" "$glue_log" "$moved"' EXIT
if command -v node >/dev/null 2>&1 && node -e '
    const fs = require("fs");
    const event = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const detail = event && event.detail;
    const fromCloudTrail = event && event.source === "aws.glue" && detail && typeof detail === "object";
    const runId = fromCloudTrail && detail.responseElements && detail.responseElements.taskRunId;
    if (!fromCloudTrail || runId) process.exit(1);
    const now = new Date().toISOString();
    detail.eventTime = now;
    if ("time" in event) event.time = now;
    fs.writeFileSync(process.argv[2], JSON.stringify(event));
  ' "$event" "$moved" 2>/dev/null; then
  echo "The event has no run id; its eventTime is set to now so the lookup finds a simulated run." >&2
  event="$moved"
fi

# The fake credentials local-glue accepts; they work nowhere else.
env -u AWS_PROFILE -u AWS_CA_BUNDLE -u AWS_SESSION_TOKEN -u AWS_ENDPOINT_URL -u AWS_LAMBDA_RUNTIME_API \
  AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=AKIDLOCALGLUE00000000 \
  AWS_SECRET_ACCESS_KEY=local-glue-secret-key \
  AWS_ENDPOINT_URL_GLUE="$url" \
  AWS_EC2_METADATA_DISABLED=true \
  "$bootstrap" "$event"
