#!/usr/bin/env node
// npm's bin entry for `npx aixsim`: the simulator is a bundle built by `npm run build` (npm ci runs it).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'simulator', 'aixsim.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`aixsim: ${bundle} is missing; build it with: npm run build\n`);
  process.exit(1);
}
require(bundle);
