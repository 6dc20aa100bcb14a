#!/bin/sh
# Migrates (under PostgreSQL's advisory lock, so api and worker may start together), then runs.
set -e
case "${1:-api}" in
  api)    node dist/apps/cli/src/main.js db:migrate && exec node dist/apps/api/src/main.js ;;
  worker) node dist/apps/cli/src/main.js db:migrate && exec node dist/apps/worker/src/main.js ;;
  cli)    shift; exec node dist/apps/cli/src/main.js "$@" ;;
  *)      exec "$@" ;;
esac
