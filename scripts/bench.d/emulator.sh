#!/usr/bin/env bash
# Emulator throughput: ecsh-bench drives `ecsh serve --rate off` with 32 signed connections,
# DescribeImages PageSize=10 then ModifyImageAttribute, in memory and with --data (SQLite).
# Usage: emulator.sh ECSH ECSH_BENCH [SECONDS]   (SECONDS per phase, default 10)
set -euo pipefail
ecsh=$1 bench=$2 seconds=${3:-${ECSH_BENCH_SECONDS:-10}}
work=$(mktemp -d "${TMPDIR:-/tmp}/ecsh-bench-emulator.XXXXXX")
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

run() {  # run LABEL [serve options...]
  local label=$1; shift
  "$ecsh" serve --port 0 --rate off "$@" > "$work/serve.out" &
  server=$!
  for _ in $(seq 100); do grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  local url
  url=$(sed -n 's/^listening on //p' "$work/serve.out")
  [ -n "$url" ] || { echo "bench: ecsh serve did not start" >&2; exit 1; }
  "$bench" emulator "$url" "$seconds" 32 "$label"
  kill -TERM "$server"; wait "$server" || true; server=""
}

run "in memory"
run "--data" --data "$work/emulator.sqlite"
