#!/usr/bin/env node
// npm run package: builds what the VS Code extension ships (module bundles, simulator, collection, the
// extension bundle with the language engine and the runner) and packs dist/extension into
// dist/altdisk-<version>.vsix with @vscode/vsce, offline (--no-dependencies: everything is bundled).
// Prints the file list and the size.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'specs', 'simulator', 'modules', 'collection', 'extension'], { stdio: 'inherit' });

const stage = path.join(root, 'dist/extension');
const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
const out = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
fs.rmSync(out, { force: true });
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: quiet ? 'pipe' : 'inherit' });
if (!quiet) {
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' }).trim().split('\n');
  console.log(`${path.relative(root, out)}: ${files.length} files, ${(fs.statSync(out).size / 1024).toFixed(0)} KB`);
}
