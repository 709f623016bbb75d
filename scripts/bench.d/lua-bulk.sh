#!/usr/bin/env bash
# The ecs module at scale (issue 5): bulk at the quota, unthrottled DescribeImages, iterating 10,000 images,
# each against the official Python SDK (alibabacloud-ecs20140526) in the same run. Prints figures, asserts nothing.
# Usage: scripts/bench.d/lua-bulk.sh [ECSH [ECSH_BENCH]]   (default: the release binaries; scripts/bench builds them)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ecsh=${1:-$root/.build/release/ecsh}
ecsh_bench=${2:-$root/.build/release/ecsh-bench}
work="$root/.build/bench"
mkdir -p "$work"
if [ ! -x "$work/venv/bin/python" ]; then python3 -m venv "$work/venv" >&2; fi
if ! "$work/venv/bin/python" -c 'import alibabacloud_ecs20140526' 2>/dev/null; then
  "$work/venv/bin/pip" install -q "alibabacloud-ecs20140526==7.11.8" >&2 \
    || { echo "lua-bulk: could not install the Python ECS SDK; skipped" >&2; exit 0; }
fi
exec "$work/venv/bin/python" "$root/scripts/bench.d/lua_bulk.py" "$ecsh" "$work" "$ecsh_bench"
