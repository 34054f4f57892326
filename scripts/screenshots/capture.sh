#!/usr/bin/env bash
# Regenerates docs/canvas-*.png: the example workflows on the real n8n editor's canvas, shot with
# Debian's Chromium (apt-get install chromium) through playwright-core, which is installed into the
# gitignored .n8n-app/tools/ (not a dependency of the package; SCREENSHOT_TOOLS=<folder> puts it
# elsewhere). Needs the built package (npm run build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
playwright_version=1.65.1
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null || { echo "install Debian's chromium first (apt-get install chromium)" >&2; exit 1; }
exec scripts/node24.sh bash -c '
  set -euo pipefail
  bash scripts/n8nApp/setup.sh >/dev/null
  tools="${SCREENSHOT_TOOLS:-.n8n-app/tools}"
  if [ "$(node -p "try{require(require(\"path\").resolve(\"$tools\", \"node_modules/playwright-core/package.json\")).version}catch{\"\"}")" != "'"$playwright_version"'" ]; then
    mkdir -p "$tools" && { [ -f "$tools/package.json" ] || echo "{\"private\":true}" > "$tools/package.json"; }
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error playwright-core@'"$playwright_version"'
  fi
  npx tsx scripts/screenshots/capture.ts
'
