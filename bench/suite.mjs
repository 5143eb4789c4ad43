#!/usr/bin/env node
// Test suite benchmark (npm run bench:suite): the whole suite as `npm test` runs it (the same files,
// the same --test-concurrency as scripts/test.sh, without NODE_EXTRA_CA_CERTS), its wall time and the
// CPU it costs: the machine's busy time from /proc/stat (every process, the detached ones too: the
// async-wrapped modules under Ansible, code-server, sshd) and this process's reaped children. The
// issue-8 goal is the whole of `npm test` within 6 minutes on an idle 2-core machine; the figures
// say where the time goes. Run it on an idle machine: the machine's CPU counts everybody's work.
//   --per-file   then each test file alone, ranked by the machine CPU it cost (top 15, --top N)
//   --no-suite   skip the whole-suite run (with --per-file)
// Also the start-up floor `node -e 0` with and without NODE_EXTRA_CA_CERTS when this environment sets it.
// Usage: node bench/suite.mjs [--per-file] [--top N] [--no-suite] [--json bench/results/suite-latest.json]
// Needs the build (npm run build) and what npm test provisions (scripts/provision.sh).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, 'dist/test');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const PER_FILE = process.argv.includes('--per-file');
const SUITE = !process.argv.includes('--no-suite');
const TOP = Number(option('top', '15'));
const JSON_OUT = option('json', path.join(root, 'bench/results/suite-latest.json'));

if (!fs.existsSync(testDir)) {
  console.error('bench: dist/test is not built: run npm run build first');
  process.exit(2);
}
const testScript = fs.readFileSync(path.join(root, 'scripts/test.sh'), 'utf8');
const concurrency = Number(/--test-concurrency=(\d+)/.exec(testScript)?.[1] ?? os.availableParallelism());

const { NODE_EXTRA_CA_CERTS: caBundle, ...suiteEnv } = process.env;

/** Busy and total CPU time of the whole machine so far, in seconds (null without /proc/stat). */
function machineCpu() {
  try {
    const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f.map(Number);
    return { busy: (user + nice + system + irq + softirq + steal) / 100, idle: (idle + iowait) / 100 };
  } catch {
    return null;
  }
}

/** CPU time of this process's reaped children so far, in seconds (null without /proc). */
function childrenCpu() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}

const diff = (a, b, key) => (a === null || b === null ? null : key ? b[key] - a[key] : b - a);

function measured(args, env) {
  const m0 = machineCpu();
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const m1 = machineCpu();
  const c1 = childrenCpu();
  return { rc: r.status, wallS, machineCpuS: diff(m0, m1, 'busy'), childrenCpuS: diff(c0, c1), output: `${r.stdout}${r.stderr}` };
}

function testFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.test.mjs') ? [path.join(dir, e.name)] : []))
    .sort();
}

// ---- the start-up floor, with and without the CA bundle (every simulated command pays it)
const floor = {};
for (const [key, env] of [['without', suiteEnv], ...(caBundle ? [['with', process.env]] : [])]) {
  const cpu = [];
  for (let i = 0; i < 30; i++) {
    const c0 = childrenCpu();
    spawnSync(process.execPath, ['-e', '0'], { env });
    const c1 = childrenCpu();
    if (c0 !== null && c1 !== null) cpu.push((c1 - c0) * 1000);
  }
  floor[key] = cpu.length ? median(cpu) : null;
}

const loadBefore = os.loadavg();
let suite = null;
if (SUITE) {
  process.stdout.write(`running the whole suite (${testFiles(testDir).length} files, --test-concurrency=${concurrency})...\n`);
  const r = measured(['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', testDir], suiteEnv);
  const counts = Object.fromEntries([...r.output.matchAll(/^ℹ (tests|pass|fail|skipped|cancelled) (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  suite = { rc: r.rc, wallS: r.wallS, machineCpuS: r.machineCpuS, childrenCpuS: r.childrenCpuS, counts };
  if (r.rc !== 0) process.stdout.write(r.output.slice(-4000));
}

const files = [];
if (PER_FILE) {
  for (const file of testFiles(testDir)) {
    const rel = path.relative(testDir, file);
    process.stdout.write(`  ${rel}\n`);
    const r = measured(['--test', '--test-reporter=dot', file], suiteEnv);
    files.push({ file: rel, rc: r.rc, wallS: r.wallS, machineCpuS: r.machineCpuS, childrenCpuS: r.childrenCpuS });
  }
}

// ---- report
const num = (x, digits = 1) => (x === null || x === undefined ? '-' : x.toFixed(digits));
const pad = (s, n) => String(s).padEnd(n);
console.log(`\ntest suite benchmark: node ${process.version}, ${os.cpus().length} CPU(s), load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
console.log(`start-up floor, node -e 0 (median CPU): ${num(floor.without)} ms without NODE_EXTRA_CA_CERTS` + (caBundle ? `, ${num(floor.with)} ms with it (${num(floor.with / floor.without, 2)}x)` : ' (this environment does not set it)'));
if (suite) {
  const c = suite.counts;
  console.log(`whole suite: ${suite.rc === 0 ? 'passed' : `FAILED (exit ${suite.rc})`}, ${c.tests ?? '?'} tests, ${c.pass ?? '?'} pass, ${c.fail ?? '?'} fail, ${c.skipped ?? '?'} skipped`);
  console.log(`  wall ${num(suite.wallS)} s; machine CPU ${num(suite.machineCpuS)} s (${num(suite.machineCpuS / suite.wallS / os.cpus().length * 100, 0)}% of ${os.cpus().length} CPUs); reaped children ${num(suite.childrenCpuS)} s`);
}
if (files.length) {
  const ranked = [...files].sort((a, b) => (b.machineCpuS ?? b.childrenCpuS ?? 0) - (a.machineCpuS ?? a.childrenCpuS ?? 0));
  const sum = (k) => files.reduce((s, f) => s + (f[k] ?? 0), 0);
  console.log(`\neach file alone: wall ${num(sum('wallS'))} s, machine CPU ${num(sum('machineCpuS'))} s in all; the ${Math.min(TOP, files.length)} costliest:`);
  console.log(`${pad('file', 48)}${pad('machine CPU s', 15)}${pad('children s', 12)}wall s`);
  for (const f of ranked.slice(0, TOP)) console.log(`${pad(f.file + (f.rc === 0 ? '' : ' FAILED'), 48)}${pad(num(f.machineCpuS), 15)}${pad(num(f.childrenCpuS), 12)}${num(f.wallS)}`);
}

const result = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadBefore, concurrency, floorCpuMs: floor, suite, files };
fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
console.log(`\nresults: ${path.relative(root, JSON_OUT)}`);
if ((suite && suite.rc !== 0) || files.some((f) => f.rc !== 0)) process.exit(1);
