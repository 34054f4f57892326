#!/usr/bin/env bash
# `npm run dev`: a contributor's n8n editor in one command. Brings Node 24 if the system Node is
# older, installs the lockfile when node_modules is missing or older than it, installs the real n8n
# app once (scripts/n8nApp/setup.sh), then scripts/dev/main.ts starts the sandbox and the editor with
# this package installed as n8n installs community packages. Options: scripts/dev/options.ts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec scripts/node24.sh bash -c '
  set -euo pipefail
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing dependencies (npm ci)…" >&2
    npm ci --ignore-scripts --no-audit --no-fund >&2
  fi
  bash scripts/n8nApp/setup.sh >/dev/null
  exec node --import tsx scripts/dev/main.ts "$@"
' dev "$@"
