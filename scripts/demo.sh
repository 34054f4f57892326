#!/usr/bin/env bash
# The main job on a fresh machine: brings Node 24 if the system Node is older, installs exactly the
# lockfile when node_modules is missing or older than it, builds, then runs the example workflows of
# examples/main-job/ through the n8n engine against the sandbox (or a real account, see
# scripts/demo/target.ts) and prints the summary. Extra arguments go to the runner (--out DIR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec scripts/node24.sh bash -c '
  set -euo pipefail
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing dependencies (npm ci)…" >&2
    npm ci --ignore-scripts --no-audit --no-fund >&2
  fi
  echo "Building…" >&2
  npm run --silent build >/dev/null
  exec node_modules/.bin/tsx scripts/demo/main.ts "$@"
' demo "$@"
