#!/usr/bin/env node
// Builds everything into dist/: the simulator bundle, the module bundles (with validators compiled
// ahead of time), the CLI, the Ansible collection and the compiled tests.
// Usage: node scripts/build.mjs [target ...]   (targets: simulator modules cli collection tests; default all)
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

async function simulator() {
  await esbuild.build({
    ...nodeBundle,
    entryPoints: ['simulator/src/main.ts'],
    outfile: 'dist/simulator/aixsim.cjs',
    banner: { js: '#!/usr/bin/env node' },
  });
  fs.chmodSync(path.join(dist, 'simulator/aixsim.cjs'), 0o755);
}

// Compiles the module specs into validators (modules/src/generated), JSON Schemas and sidecar docs (dist/).
async function specs() {
  await esbuild.build({
    ...nodeBundle,
    entryPoints: ['modules/src/spec/generate.ts'],
    outfile: 'dist/tools/generate.cjs',
    packages: 'external',
  });
  execFileSync(process.execPath, [path.join(dist, 'tools/generate.cjs'), path.join(root, 'modules/src/generated'), dist], { stdio: 'inherit' });
}

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listTests(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

async function tests() {
  const entries = listTests(path.join(root, 'test'));
  fs.rmSync(path.join(dist, 'test'), { recursive: true, force: true });
  if (entries.length === 0) return;
  await esbuild.build({
    ...nodeBundle,
    format: 'esm',
    packages: 'external',
    entryPoints: entries,
    outdir: 'dist/test',
    outbase: 'test',
    outExtension: { '.js': '.mjs' },
    // Bundled test files keep Node's CommonJS globals available for code shared with the CJS bundles.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    },
  });
}

const TARGETS = { specs, simulator, tests };

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(TARGETS)) {
  const fn = TARGETS[name];
  if (!fn) {
    console.error(`build: unknown target ${name} (known: ${Object.keys(TARGETS).join(', ')})`);
    process.exit(2);
  }
  await fn();
}
