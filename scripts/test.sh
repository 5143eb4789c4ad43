#!/usr/bin/env bash
# The whole test suite, runnable on a fresh Debian machine: provisions what the suites need,
# installs npm packages when the lock file changed, builds, type-checks, lints, then runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision.sh

lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.altdisk-lock ] || [ "$(cat node_modules/.altdisk-lock)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.altdisk-lock
fi

echo "== build"
node scripts/build.mjs
echo "== typecheck"
npx tsc -p tsconfig.json
echo "== lint"
npx eslint --max-warnings 0 .
echo "== tests"
node --test --test-concurrency=3 --test-reporter=spec "$@" dist/test/
