#!/usr/bin/env node
// The VS Code extension's figures: the .vsix size (goal: under 1.5 MB), its activation in a real VS
// Code (code-server, provisioned by scripts/provision.sh), and the time from opening a generated
// 5,000-task playbook to its diagnostics shown, against the language engine's own analysis of the same
// text in plain Node (the floor). Results land in bench/results/extension-latest.json.
// Usage: node bench/extension.mjs [--runs 3] [--tasks 5000]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', '3'));
const TASKS = Number(option('tasks', '5000'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. The .vsix.
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'specs', 'simulator', 'modules', 'collection', 'extension', 'extension-tests'], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'scripts/package-extension.mjs'), '--no-build', '--quiet'], { stdio: 'inherit' });
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'extension/package.json'), 'utf8'));
const vsix = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
const vsixKb = fs.statSync(vsix).size / 1024;
const bundleKb = fs.statSync(path.join(root, 'dist/extension/extension.cjs')).size / 1024;

// 2. A generated playbook: TASKS altdisk and command tasks in one play, hazards among them.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-ext-'));
const wsDir = path.join(scratch, 'ws');
fs.mkdirSync(wsDir);
const lines = ['---', '- name: Generated fleet update', '  hosts: aix', '  gather_facts: false', '  tasks:'];
for (let i = 0; i < TASKS; i++) {
  const kind = i % 4;
  lines.push(`    - name: Task ${i}`);
  if (kind === 0) lines.push('      altdisk.aix.clone:', `        targets: [hdisk${1 + (i % 3)}]`, '        phase: "1"');
  else if (kind === 1) lines.push('      altdisk.aix.phase:', '        phase: "3"', `        targets: [hdisk${1 + (i % 3)}]`);
  else if (kind === 2) lines.push('      altdisk.aix.bootlist:', '        normal: [hdisk1, hdisk0]');
  else if (i % 100 === 3) lines.push('      ansible.builtin.command: exportvg altinst_rootvg');
  else lines.push('      ansible.builtin.command: lspv');
}
const text = lines.join('\n') + '\n';
const files = Array.from({ length: RUNS }, (_, i) => path.join(wsDir, `big-${i + 1}.yml`));
for (const f of files) fs.writeFileSync(f, text);
const file = files[0];

// 3. The floor: the engine alone in this Node.
const engineFile = path.join(scratch, 'engine.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'language/src/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: engineFile, logLevel: 'error' });
const engine = createRequire(import.meta.url)(engineFile);
const engineMs = [];
let engineFindings = 0;
for (let i = 0; i < RUNS + 1; i++) {
  const t = performance.now();
  engineFindings = engine.analyze({ uri: file, text }).findings.length;
  if (i > 0) engineMs.push(performance.now() - t);
}

// 4. The real VS Code: the harness of the tests, bundled for this script.
const harnessFile = path.join(root, 'dist/bench/extension-harness.mjs');
await esbuild.build({
  stdin: {
    contents: "export { startCodeServer } from './test/extension/harness/code-server.ts'; export { runExtensionHostSuite } from './test/extension/harness/extension-host.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: harnessFile, logLevel: 'error',
  banner: { js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));" },
});
const { startCodeServer, runExtensionHostSuite } = await import(pathToFileURL(harnessFile).href);
const server = await startCodeServer({ settings: { 'altdisk.diagnostics.delay': 0 } });
const figures = {};
try {
  const result = await runExtensionHostSuite(server, {
    folder: wsDir,
    extensionDevelopmentPath: path.join(root, 'dist/extension'),
    extensionTestsPath: path.join(root, 'dist/extension-tests/bench.cjs'),
    env: { ALTDISK_BENCH_FILES: files.join(',') },
    timeoutMs: 600_000,
  });
  for (const l of result.log) {
    const m = /^BENCH (.*)$/.exec(l);
    if (!m) continue;
    const { what, value } = JSON.parse(m[1]);
    (figures[what] ??= []).push(value);
  }
  if (result.code !== 0) throw new Error(`the bench in the extension host failed (${result.code}):\n${result.log.join('\n')}`);
} finally {
  await server.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}

const open = figures.openToDiagnosticsMs ?? [];
const openMs = median(open.map((o) => o.ms));
const out = {
  at: new Date().toISOString(),
  vsix: { file: path.relative(root, vsix), kb: Math.round(vsixKb), goalKb: 1536, extensionBundleKb: Math.round(bundleKb) },
  activation: { activateMs: figures.activateMs?.[0], activateFunctionMs: figures.activateFunctionMs?.[0] },
  bigPlaybook: {
    tasks: TASKS,
    lines: open[0]?.lines,
    diagnostics: open[0]?.diagnostics,
    openToDiagnosticsMs: open.map((o) => Math.round(o.ms)),
    medianOpenToDiagnosticsMs: Math.round(openMs),
    engineInExtensionHostMs: open.map((o) => Math.round(o.engineMs ?? NaN)),
    editToDiagnosticsMs: (figures.editToDiagnosticsMs ?? []).map((x) => Math.round(x.ms)),
    editEngineMs: (figures.editToDiagnosticsMs ?? []).map((x) => Math.round(x.engineMs ?? NaN)),
    engineAloneMs: engineMs.map((x) => Math.round(x)),
    engineFindings,
    ratioEditorToEngine: Number((openMs / median(engineMs)).toFixed(2)),
  },
};
console.log(`.vsix                       ${out.vsix.kb} KB (goal < ${out.vsix.goalKb} KB; extension bundle ${out.vsix.extensionBundleKb} KB)`);
console.log(`activation                  ${out.activation.activateMs?.toFixed(1)} ms (activate() itself ${out.activation.activateFunctionMs?.toFixed(1)} ms)`);
console.log(`open ${TASKS}-task playbook → diagnostics shown: median ${out.bigPlaybook.medianOpenToDiagnosticsMs} ms (runs ${out.bigPlaybook.openToDiagnosticsMs.join(', ')}), ${out.bigPlaybook.diagnostics} diagnostics`);
console.log(`  engine alone (plain Node): median ${Math.round(median(engineMs))} ms, ${engineFindings} findings; editor/engine ${out.bigPlaybook.ratioEditorToEngine}×`);
console.log(`  of which the engine's analysis in the extension host: ${out.bigPlaybook.engineInExtensionHostMs.join(', ')} ms`);
console.log(`one-character edit → diagnostics: ${out.bigPlaybook.editToDiagnosticsMs.join(', ')} ms (engine ${out.bigPlaybook.editEngineMs.join(', ')} ms)`);
const resultsDir = path.join(root, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'extension-latest.json'), JSON.stringify(out, null, 2) + '\n');
