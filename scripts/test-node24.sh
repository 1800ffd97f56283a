#!/usr/bin/env bash
# Runs the unit, API and database tests (not the browser tests) on Node 24, the current LTS, from a copy of the checkout
# with its own `npm ci`, so the Node 20 node_modules are left alone. Node 24 comes from the npm registry.
#
# better-sqlite3 12 (the last line that runs on Node 20) is compiled from source against the headers of Node 24.18.1,
# not those of the Node that runs it: from 24.19.0 on, Node's headers make an addon's ObjectWrap remove a cleanup hook
# when it is freed, and better-sqlite3 12 frees prepared statements after that is allowed, so the process aborts with
# "Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook (Node.js issue 65446). Built against 24.18.1
# headers, the same addon runs cleanly on 24.21.0 (the ABI is the same, 137).
set -euo pipefail

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
NODE24_HEADERS_VERSION="${NODE24_HEADERS_VERSION:-24.18.1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/creak"
arch="$(node -p 'process.arch')"
npm_cli="$(readlink -f "$(command -v npm)")"

# The `node` package's own install script only installs node-<os>-<arch>; installing that package directly needs no script.
fetch_node() {
  local version="$1" dir="$cache/node-$1"
  if [ ! -x "$dir/node_modules/node-linux-$arch/bin/node" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$version" >&2
  fi
  echo "$dir/node_modules/node-linux-$arch"
}
node24="$(fetch_node "$NODE24_VERSION")"
headers="$(fetch_node "$NODE24_HEADERS_VERSION")"
echo "test-node24: Node $("$node24/bin/node" --version), better-sqlite3 built against Node $NODE24_HEADERS_VERSION headers"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/creak"
tar -C "$root" --exclude=./node_modules --exclude=./.git --exclude=./data -cf - . | tar -C "$work/creak" -xf -
# The tests that read the shared clinical contract look for it beside the checkout.
if [ -d "$root/../shared" ]; then ln -s "$(cd "$root/../shared" && pwd)" "$work/shared"; fi

cd "$work/creak"
export PATH="$node24/bin:$PATH"
npm_config_nodedir="$headers" npm_config_build_from_source=true "$node24/bin/node" "$npm_cli" ci --no-audit --no-fund
node -e 'const D = require("better-sqlite3"); new D(":memory:").prepare("select 1").get(); console.log(`test-node24: better-sqlite3 loads on ${process.version}`)'
node scripts/run-tests.mjs --no-browser
