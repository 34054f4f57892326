#!/usr/bin/env bash
# The whole test suite, on a fresh machine with only the system Node and npm: brings Node 24 if the
# system Node is older, installs exactly the lockfile, builds, lints, scans the packed package and
# runs every jest test (unit, node, end-to-end, sandbox, examples), then the suite against the real
# n8n app (installed once into .n8n-app/, about 5 minutes the first time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# --ignore-scripts: the scanner depends on a package whose preinstall insists on pnpm; nothing we
# use needs an install script (isolated-vm and esbuild ship prebuilt binaries).
exec scripts/node24.sh bash -c '
  set -euo pipefail
  npm ci --ignore-scripts --no-audit --no-fund
  npm run build
  npm run lint
  npm run typecheck
  npm run scan
  npm test
  npm run test:n8n
'
