#!/usr/bin/env node
// Simulated command benchmark (npm run bench): what one simulated AIX command costs, against the
// start-up floor `node -e 0`, run the way other people's code runs it (exec of <host>/bin/<name>).
//   own        <host>/bin/<name> -> ../lib/commands/<name>.cjs, the command's own small executable (now)
//   multicall  <host>/bin/<name> -> ../lib/aixsim.cjs, the whole simulator (the layout before; AIXSIM_LINK=multicall)
//   before     with --before FILE: a host made by FILE, the aixsim.cjs of an earlier build (e.g. main's)
// Every round runs every variant once, in a fresh random order (the machine is shared and noisy);
// wall figures are medians, CPU figures (user+sys of the child, from this process's reaped-children
// times in /proc/self/stat, 10 ms ticks) are means over the runs. Then, unless --no-suite, the
// simulator test suite once per layout: wall and CPU of the whole run (every process it starts).
// Figures only: nothing is asserted but that both layouts answer alike.
// Usage: node bench/sim-command.mjs [--runs 40] [--no-suite] [--before OLD/dist/simulator/aixsim.cjs]
//                                   [--json bench/results/sim-command-latest.json]
// Needs the build (npm run build).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const aixsim = path.join(root, 'dist/simulator/aixsim.cjs');
const suiteDir = path.join(root, 'dist/test/simulator');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const RUNS = Math.max(3, Number(option('runs', '40')));
const SUITE = !process.argv.includes('--no-suite');
const resultsDir = path.join(root, 'bench/results');
const JSON_OUT = option('json', path.join(resultsDir, 'sim-command-latest.json'));
const BEFORE = option('before', null);

for (const file of [aixsim, path.join(root, 'dist/simulator/commands/lspv.cjs'), ...(SUITE ? [suiteDir] : []), ...(BEFORE ? [path.resolve(BEFORE)] : [])]) {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${path.relative(root, file)} is not built: run npm run build first`);
    process.exit(2);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-sim-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

const LAYOUTS = [
  { key: 'own', title: 'own executable (now)', program: aixsim },
  { key: 'multicall', title: 'multicall aixsim.cjs', program: aixsim },
  ...(BEFORE ? [{ key: 'before', title: 'before (--before)', program: path.resolve(BEFORE) }] : []),
];

function init(layout, name, ...options) {
  const dir = path.join(work, `${layout.key}-${name}`);
  const env = { ...process.env, AIXSIM_LINK: layout.key };
  const r = spawnSync(process.execPath, [layout.program, 'init', dir, '--speed', 'instant', ...options], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`aixsim init ${dir}: ${r.stderr}`);
  return dir;
}

const manyDisks = Array.from({ length: 251 }, (_, i) => ['--disk', `hdisk${i + 5}:20480`]).flat();
const hosts = Object.fromEntries(LAYOUTS.map((l) => [l.key, { default: init(l, 'default'), disks256: init(l, '256', ...manyDisks) }]));
for (const [layout, byHost] of Object.entries(hosts)) {
  const target = fs.readlinkSync(path.join(byHost.default, 'bin', 'lspv'));
  if (layout === 'own' ? !target.includes('commands/') : layout === 'multicall' && target !== '../lib/aixsim.cjs') throw new Error(`bench: ${layout} host links lspv to ${target}`);
}

const COMMANDS = [
  { label: 'lspv', host: 'default', argv: ['lspv'] },
  { label: 'lsvg rootvg', host: 'default', argv: ['lsvg', 'rootvg'] },
  { label: 'bootlist -m normal -o', host: 'default', argv: ['bootlist', '-m', 'normal', '-o'] },
  { label: 'getconf DISK_SIZE /dev/hdisk1', host: 'default', argv: ['getconf', 'DISK_SIZE', '/dev/hdisk1'] },
  { label: 'lslpp -lc bos.rte', host: 'default', argv: ['lslpp', '-lc', 'bos.rte'] },
  { label: 'lspv (256 disks)', host: 'disks256', argv: ['lspv'] },
  { label: 'alt_disk_copy (usage)', host: 'default', argv: ['alt_disk_copy'] },
];

/** Time this process's reaped children have used so far (user+sys), in ms; null without /proc. */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

function timed(file, args, env) {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  if (r.error) throw r.error;
  return { ms, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, rc: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The variants: the floor, then each command through each layout. All layouts must answer alike.
const variants = [{ key: 'floor', label: 'node -e 0', file: process.execPath, args: ['-e', '0'] }];
for (const c of COMMANDS) {
  const answers = {};
  for (const { key } of LAYOUTS) {
    const file = path.join(hosts[key][c.host], 'bin', c.argv[0]);
    variants.push({ key: `${c.label}|${key}`, label: c.label, layout: key, file, args: c.argv.slice(1) });
    const r = timed(file, c.argv.slice(1), process.env);
    answers[key] = JSON.stringify({ rc: r.rc, stdout: r.stdout, stderr: r.stderr });
  }
  if (new Set(Object.values(answers)).size !== 1) {
    throw new Error(`bench: ${c.label} answers differently in the layouts:\n${JSON.stringify(answers, null, 1)}`);
  }
}

const samples = new Map(variants.map((v) => [v.key, { ms: [], cpu: [] }]));
for (let round = 0; round <= RUNS; round++) {
  const order = [...variants].sort(() => Math.random() - 0.5);
  for (const v of order) {
    const r = timed(v.file, v.args, process.env);
    if (round === 0) continue; // warm-up: page cache, first mkdir of run/
    samples.get(v.key).ms.push(r.ms);
    if (r.cpuMs !== null) samples.get(v.key).cpu.push(r.cpuMs);
  }
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const stats = (key) => {
  const s = samples.get(key);
  return { wallMsMedian: median(s.ms), cpuMsMean: mean(s.cpu) };
};
const floor = stats('floor');
const ratio = (x, base) => (x === null || base === null ? null : Math.round((x / base) * 100) / 100);
const rows = COMMANDS.map((c) => ({
  command: c.label,
  ...Object.fromEntries(
    LAYOUTS.map(({ key }) => {
      const s = stats(`${c.label}|${key}`);
      return [key, { ...s, wallRatio: ratio(s.wallMsMedian, floor.wallMsMedian), cpuRatio: ratio(s.cpuMsMean, floor.cpuMsMean) }];
    }),
  ),
}));

// The simulator suite once per layout (AIXSIM_LINK reaches the tests' in-process `aixsim init`).
const suite = [];
if (SUITE) {
  for (const layout of ['own', 'multicall']) {
    process.stdout.write(`running the simulator suite with ${layout} links (this build)...\n`);
    const cpu0 = childrenCpuMs();
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=dot', suiteDir], {
      encoding: 'utf8',
      env: { ...process.env, AIXSIM_LINK: layout },
      maxBuffer: 64 * 1024 * 1024,
    });
    const cpu1 = childrenCpuMs();
    suite.push({ layout, rc: r.status, wallS: (Date.now() - t0) / 1000, cpuS: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / 1000 });
  }
}

// ---- report

const pad = (s, n) => String(s).padEnd(n);
const num = (x, digits = 0) => (x === null || x === undefined ? '-' : x.toFixed(digits));
console.log(`simulated command benchmark: ${RUNS} interleaved rounds, node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`floor (node -e 0): ${num(floor.wallMsMedian, 1)} ms wall (median), ${num(floor.cpuMsMean, 1)} ms CPU (mean)`);
if (BEFORE) console.log(`before: hosts made by ${path.resolve(BEFORE)}`);
console.log('');
console.log('wall: median ms and its ratio to the floor; CPU: mean ms (user+sys) and its ratio to the floor');
console.log(`${pad('', 32)}${LAYOUTS.map((l) => pad(l.title, 34)).join('')}`);
console.log(`${pad('command', 32)}${LAYOUTS.map(() => `${pad('wall', 9)}${pad('x', 8)}${pad('CPU', 9)}${pad('x', 8)}`).join('')}`);
for (const r of rows) {
  const cells = LAYOUTS.map(({ key }) => `${pad(num(r[key].wallMsMedian, 1), 9)}${pad(num(r[key].wallRatio, 2), 8)}${pad(num(r[key].cpuMsMean, 1), 9)}${pad(num(r[key].cpuRatio, 2), 8)}`);
  console.log(`${pad(r.command, 32)}${cells.join('')}`);
}
if (suite.length) {
  console.log(`\nsimulator suite (${path.relative(root, suiteDir)}), whole run:`);
  for (const s of suite) console.log(`  ${pad(s.layout, 10)} ${s.rc === 0 ? 'passed' : `FAILED (exit ${s.rc})`}  wall ${num(s.wallS, 1)} s  CPU ${num(s.cpuS, 1)} s`);
  const [own, multi] = suite;
  if (own.cpuS !== null && multi.cpuS !== null) console.log(`  CPU own/multicall: ${num(own.cpuS / multi.cpuS, 2)}`);
}

const sizes = ['dist/simulator/aixsim.cjs', ...COMMANDS.map((c) => `dist/simulator/commands/${c.argv[0]}.cjs`)]
  .filter((f, i, all) => all.indexOf(f) === i)
  .map((f) => ({ file: f, bytes: fs.statSync(path.join(root, f)).size }));
console.log(`\n${pad('bundle', 44)}bytes`);
for (const s of sizes) console.log(`${pad(s.file, 44)}${s.bytes}`);

const result = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), runs: RUNS, floor, rows, suite, sizes };
fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
console.log(`\nresults: ${path.relative(root, JSON_OUT)}`);
if (suite.some((s) => s.rc !== 0)) process.exit(1);
