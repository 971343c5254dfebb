#!/usr/bin/env bash
# Where the AOT bootstrap's cold start goes. The script samples RUNS local invokes
# against local-glue with perf at 20 kHz, with call graphs. A local invoke (bootstrap
# EVENT_FILE) has the same start-up and Glue call as a Runtime API cold start. It prints
# the average share of CPU time by library and for the frames that dominate start-up. bootstrap.dbg beside the binary
# gives perf the managed symbols. Needs perf (Debian's linux-perf); build first with
# tests/benchmarks/build.sh. Usage: tests/benchmarks/startup-profile.sh [RUNS]   (default 30)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=lib/isolate-env.sh
source tests/benchmarks/lib/isolate-env.sh

runs="${1:-30}"
bootstrap=artifacts/bench/aot/bootstrap
if ! command -v perf >/dev/null 2>&1; then
  echo "perf is missing: install it with apt-get install -y linux-perf" >&2
  exit 1
fi

work="$(mktemp -d)"
ready="$work/ready"
dotnet artifacts/local-glue/local-glue.dll --port 0 >"$ready" 2>/dev/null &
glue_pid=$!
trap 'kill "$glue_pid" 2>/dev/null || true; wait "$glue_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^local-glue listening on \(http[^ ]*\).*/\1/p' "$ready")"
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { echo "local-glue did not report its address within 10 seconds" >&2; exit 1; }
export AWS_ENDPOINT_URL_GLUE="$url"
export HOME="$work" TZ=:UTC AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128
echo '{"TransformId":"tfm-00000000000000000000000000000001","TaskRunId":"tsk-0000000000000000000000000000000b"}' >"$work/event.json"

# Warm local-glue and the page cache first.
for _ in 1 2 3; do "$bootstrap" "$work/event.json" >/dev/null 2>&1; done

for i in $(seq 1 "$runs"); do
  perf record -q -F 20000 -g -o "$work/perf-$i.data" "$bootstrap" "$work/event.json" >/dev/null 2>&1
  perf report -i "$work/perf-$i.data" --no-children --sort dso --stdio -g none 2>/dev/null >"$work/dso-$i.txt"
  perf report -i "$work/perf-$i.data" --children --sort symbol --stdio -g none 2>/dev/null >"$work/sym-$i.txt"
done

/usr/bin/python3 - "$work" "$runs" <<'PY'
import pathlib
import re
import statistics
import sys

work, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
# Inclusive frames worth naming, by what they do at start-up.
FRAMES = [
    ("image rehydration before Main (grows with the binary)", "StartupCodeHelpers__RehydrateData"),
    ("GlueClientFactory.Create (SDK config, before the first event)", "GlueClientFactory__Create"),
    ("the Glue call through the SDK pipeline, first time", "GlueServiceClient__GetMLTaskRunAsync_d__7__MoveNext"),
    ("  SigV4 signing, incl. loading OpenSSL", "AWSSDK_Core_Amazon_Runtime_Internal_Signer__InvokeAsync_d__1_1<System___Canon>__MoveNext"),
    ("  SDK credential profile files (~/.aws, absent)", "CredentialProfileStoreChain__TryGetProfile"),
    ("generic virtual method lookups (type loader)", "TypeLoaderEnvironment__ResolveGenericVirtualMethodTarget"),
    ("System.Text.Json metadata set-up, first use per type", "JsonSerializerOptions__GetTypeInfoInternal"),
    ("  of which attribute reflection for polymorphism", "JsonPolymorphismOptions__CreateFromAttributeDeclarations"),
    ("JavaScriptEncoder set-up", "DefaultJavaScriptEncoder___cctor"),
    ("dynamic loader: relocations and dlopen (libssl, libcrypto)", "ld-linux"),
]

def percent_lines(path):
    for line in path.read_text().splitlines():
        match = re.match(r"^\s+([\d.]+)%\s+(?:([\d.]+)%\s+)?(.*)$", line)
        if match:
            yield float(match.group(1)), match.group(3)

def samples(path):
    match = re.search(r"# Samples: (\d+)", path.read_text())
    return int(match.group(1)) if match else 0

# A run with almost no samples means perf lost the process, and it would dilute every share.
sampled_runs = [i for i in range(1, runs + 1) if samples(work / f"sym-{i}.txt") >= 100]
if len(sampled_runs) < runs:
    print(f"NOTE: {runs - len(sampled_runs)} of {runs} runs had fewer than 100 samples and are left out.")
runs = len(sampled_runs)
cpu_ms = [samples(work / f"sym-{i}.txt") / 20 for i in sampled_runs]
dso_share = {}
for i in sampled_runs:
    for value, name in percent_lines(work / f"dso-{i}.txt"):
        dso_share.setdefault(name.strip(), []).append(value)
frame_share = {label: [] for label, _ in FRAMES}
for i in sampled_runs:
    lines = list(percent_lines(work / f"sym-{i}.txt"))
    dsos = {name.strip(): value for value, name in percent_lines(work / f"dso-{i}.txt")}
    for label, needle in FRAMES:
        if needle == "ld-linux":
            frame_share[label].append(sum(v for k, v in dsos.items() if k.startswith("ld-linux")))
        else:
            frame_share[label].append(max((v for v, name in lines if needle in name), default=0.0))

print(f"{runs} local invokes of the AOT bootstrap; CPU time per run (all threads): "
      f"median {statistics.median(cpu_ms):.1f} ms, min {min(cpu_ms):.1f}, max {max(cpu_ms):.1f}\n")
print("| library | share of CPU samples |")
print("|---|---|")
for name, values in sorted(dso_share.items(), key=lambda item: -sum(item[1])):
    share = sum(values) / runs
    if share >= 0.5:
        print(f"| {name} | {share:.1f}% |")
print()
print("Frames are inclusive and overlap: the first Glue call contains the signing and part of")
print("the type-loader and JSON rows.\n")
print("| frame (inclusive) | share of CPU samples | about ms |")
print("|---|---|---|")
median_cpu = statistics.median(cpu_ms)
for label, _ in FRAMES:
    share = sum(frame_share[label]) / runs
    print(f"| {label} | {share:.1f}% | {share * median_cpu / 100:.1f} |")
PY
