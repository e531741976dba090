#!/usr/bin/env bash
# Runs a command under another Node major version: `scripts/with-node.sh 24 npx vitest run ...`.
# The binary is the npm registry's `node` package, installed once per major into a cache folder
# (SIAGA_NODE_CACHE, default a temporary one), so CI tests the versions it supports on a machine
# whose own Node is older. The project's node_modules are shared: the native parts are N-API.
set -euo pipefail
major="$1"
shift
cache="${SIAGA_NODE_CACHE:-${TMPDIR:-/tmp}/siaga-node}"
prefix="$cache/$major"
if [ ! -x "$prefix/node_modules/.bin/node" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$major" >/dev/null
fi
export PATH="$prefix/node_modules/.bin:$PATH"
echo "node $(node --version): $*" >&2
exec "$@"
