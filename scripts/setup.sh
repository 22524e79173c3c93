#!/usr/bin/env bash
# Installs everything the app and the tests need on a machine that has only Node and npm:
# pnpm 10, the workspace's dependencies (better-sqlite3 compiles from source if needed)
# for the end-to-end tests, Debian's Chromium; for the export tests, Poppler (pdftoppm, pdftotext);
# for the store contract tests, Debian's PostgreSQL (its binaries only: the tests start their own
# throwaway cluster on loopback, see test/helpers/postgresCluster.ts); for the multi-instance tests,
# Debian's redis-server (the tests start their own, see test/helpers/redisServer.ts) and Debian's
# HAProxy (the tests start deploy/haproxy.cfg themselves, see test/helpers/haproxy.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version | grep -q '^10\.'; then
  npm i -g pnpm@10
fi
if [ "${SKIP_CHROMIUM:-}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the end-to-end tests: install it and set CHROMIUM_PATH." >&2
  fi
fi
if [ "${SKIP_POPPLER:-}" != 1 ] && ! command -v pdftoppm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "Poppler (pdftoppm, pdftotext, pdffonts) is needed for the export tests: install poppler-utils." >&2
  fi
fi
if [ "${SKIP_POSTGRES:-}" != 1 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    # Debian's package also creates and starts a cluster on port 5432; the tests never use it.
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is needed for the store tests: install its server binaries (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin." >&2
  fi
fi
if [ "${SKIP_REDIS:-}" != 1 ] && ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    # The multi-instance tests start their own throwaway redis-server on a free port.
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq redis-server >/dev/null
  else
    echo "Redis is needed for the multi-instance tests: install redis-server (they skip without it)." >&2
  fi
fi
if [ "${SKIP_HAPROXY:-}" != 1 ] && ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    # The multi-instance fault tests run deploy/haproxy.cfg in front of their instances. The
    # package's own service (port-less default configuration) is never used.
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq haproxy >/dev/null
  else
    echo "HAProxy is needed for the multi-instance fault tests: install haproxy (they skip without it)." >&2
  fi
fi
pnpm install --frozen-lockfile
