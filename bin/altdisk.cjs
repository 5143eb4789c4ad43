#!/usr/bin/env node
// npm's bin entry for `npx altdisk`: the CLI is a bundle built by `npm run build` (npm ci runs it).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'altdisk.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`altdisk: ${bundle} is missing; build it with: npm run build\n`);
  process.exit(1);
}
require(bundle);
