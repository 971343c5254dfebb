#!/usr/bin/env bash
# Deployment package size: publishes the Native AOT bootstrap for linux-x64 and
# linux-arm64 with scripts/publish.sh and zips the bootstrap alone, as sam build and sam
# deploy package it (the Makefile removes bootstrap.dbg), with zip's default level 6.
# arm64 cross-compiles on x64 with clang and gcc-aarch64-linux-gnu (installed here when
# missing). Writes artifacts/bench/results/package-size.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=lib/isolate-env.sh
source tests/benchmarks/lib/isolate-env.sh

missing=()
command -v zip >/dev/null 2>&1 || missing+=(zip)
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu)
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

out=artifacts/bench/results
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "| architecture | bootstrap bytes | zip bytes | zip MiB |"
echo "|---|---|---|---|"
json="{"
for rid in linux-x64 linux-arm64; do
  bash scripts/publish.sh "$rid" >&2
  mkdir -p "$work/$rid"
  cp "artifacts/bootstrap-$rid/bootstrap" "$work/$rid/bootstrap"
  (cd "$work/$rid" && zip -q -X bootstrap.zip bootstrap)
  binary=$(stat -c %s "$work/$rid/bootstrap")
  zipped=$(stat -c %s "$work/$rid/bootstrap.zip")
  arch="$(file -b "$work/$rid/bootstrap" | cut -d, -f2 | sed 's/^ //')"
  echo "| $rid ($arch) | $binary | $zipped | $(awk -v b="$zipped" 'BEGIN { printf "%.2f", b / 1048576 }') |"
  json+="\"$rid\": {\"bootstrapBytes\": $binary, \"zipBytes\": $zipped},"
done
echo "${json%,}}" >"$out/package-size.json"
