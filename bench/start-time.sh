#!/usr/bin/env bash
# Seconds from `npm start` to a served home page: cold (no dist/, no data directory: the
# first start of a fresh clone after `npm ci`) and warm (the second start). Usage:
#   bash bench/start-time.sh            (uses a throwaway DATA_DIR and port 3989)
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-3989} DATA_DIR=${DATA_DIR:-$(mktemp -d)/var}
measure() {
  local started=$(date +%s.%N)
  setsid npm start --silent >"$DATA_DIR.log" 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$PORT/" 2>/dev/null | grep -q 'Forum Job Cluster'; do
    kill -0 "$pid" 2>/dev/null || { cat "$DATA_DIR.log"; exit 1; }
    sleep 0.1
  done
  local ended=$(date +%s.%N)
  printf '%s start: %.1f s to the home page\n' "$1" "$(echo "$ended - $started" | bc)"
  # npm, its shell and node share the new session's process group: stop them all, and wait.
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/live" 2>/dev/null; do sleep 0.1; done
}
rm -rf dist
measure cold
measure warm
measure warm
