#!/usr/bin/env bash
# Makes sure Debian's redis-server and PostgreSQL server are installed for the queue-mode suite
# (`npm run test:queue` starts its own instances of both on free loopback ports; the system
# services are not used). Installs them with apt-get when missing (root, or sudo without a password).
set -euo pipefail
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
  echo "queue mode needs ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root" >&2
  exit 1
fi
echo "[n8n-app] installing ${missing[*]} from Debian's packages" >&2
"${sudo[@]}" apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
