#!/usr/bin/env node
// Commands, serial levels and overhead of each module (npm run bench), issue 12:
//   1. AIX commands each module runs and their serial levels, per module and mode, on the default
//      simulated host and on 64- and 256-disk hosts; "before" from another build of the modules
//      (--before DIR, e.g. the modules of the branch point) or the figures recorded in
//      bench/module-commands-before.json (the modules before issue 12, recorded with --before DIR --record);
//   2. each module's wall time against a bash script running the exact commands the module ran,
//      on aixsim and on "native speed" stubs (tiny bash scripts printing what aixsim printed);
//   3. a no-op task under ansible-playbook at native speed against ansible.builtin.command: /bin/true
//      (skipped, and said, without ansible-playbook or with --no-ansible).
// Serial levels: each command is traced (start and end, by a bash wrapper in the host's bin/); a
// command's level is 1 + the highest level of the commands that had ended when it started.
// Usage: node bench/module-commands.mjs [--runs 3] [--before DIR [--record]] [--only counts] [--no-ansible] [--json FILE]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const aixsim = path.join(root, 'dist/simulator/aixsim.cjs');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
/** --only counts: commands and levels alone (with --before: the slow part, 256-disk hosts on the old modules); --only times: the timed scenarios alone. */
const ONLY = option('only', 'all');
const RUNS = Math.max(1, Number(option('runs', '3')));
const BEFORE_DIR = option('before', null);
const RECORDED = path.join(root, 'bench/module-commands-before.json');
const JSON_OUT = option('json', path.join(root, 'bench/results/module-commands-latest.json'));
const afterDir = path.join(root, 'dist/modules');
if (!fs.existsSync(aixsim) || !fs.existsSync(path.join(afterDir, 'facts.js'))) {
  console.error('bench: run npm run build first');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-cmds-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
let serial = 0;

function sim(...args) {
  const r = spawnSync(process.execPath, [aixsim, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`aixsim ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Extra disks for a host of `n` disks (the default profile has 5: hdisk0-4). */
function diskOptions(n) {
  const out = [];
  for (let i = 5; i < n; i++) out.push('--disk', `hdisk${i}:${20480 + (i % 7) * 10240}:none`);
  return out;
}

const image = path.join(work, 'lpar.mksysb');
function newHost(disks, setup) {
  const dir = path.join(work, `h${++serial}`);
  sim('init', dir, '--speed', 'instant', ...diskOptions(disks));
  const bin = path.join(dir, 'bin');
  if (setup === 'phase1') spawnSync(path.join(bin, 'alt_disk_copy'), ['-d', 'hdisk1', '-P', '1']);
  if (setup === 'cloned') spawnSync(path.join(bin, 'alt_disk_copy'), ['-d', 'hdisk1']);
  if (setup === 'image' && !fs.existsSync(image)) sim('mksysb', dir, image);
  return dir;
}

const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** Replace bin/ with tracing wrappers around the simulated commands (bin.real/). */
function traceHost(dir) {
  const bin = path.join(dir, 'bin');
  const real = path.join(dir, 'bin.real');
  fs.renameSync(bin, real);
  fs.mkdirSync(bin);
  const log = path.join(dir, 'trace');
  fs.mkdirSync(log);
  for (const name of fs.readdirSync(real)) {
    fs.writeFileSync(
      path.join(bin, name),
      `#!/bin/bash\nt0=$EPOCHREALTIME; o=${log}/$$.$t0; "${real}/${name}" "$@" >"$o.out" 2>"$o.err"; rc=$?\n` +
        `printf '%s\\n' "$t0 $EPOCHREALTIME $rc ${name} $*" > "$o.call"; IFS= read -r -d '' x < "$o.out"; printf '%s' "$x"; IFS= read -r -d '' x < "$o.err"; printf '%s' "$x" >&2; exit $rc\n`,
      { mode: 0o755 },
    );
  }
  return log;
}

/** The traced calls in start order, with their outputs and serial levels. */
function traced(log) {
  const calls = fs
    .readdirSync(log)
    .filter((f) => f.endsWith('.call'))
    .map((f) => {
      const [t0, t1, rc, ...argv] = fs.readFileSync(path.join(log, f), 'utf8').trimEnd().split(' ');
      const base = path.join(log, f.slice(0, -5));
      return { start: Number(t0), end: Number(t1), rc: Number(rc), argv, stdout: fs.readFileSync(`${base}.out`, 'utf8'), stderr: fs.readFileSync(`${base}.err`, 'utf8') };
    })
    .sort((a, b) => a.start - b.start);
  for (const c of calls) c.level = 1 + Math.max(0, ...calls.filter((p) => p.end <= c.start).map((p) => p.level ?? 0));
  return calls;
}

/** A bin/ of stubs answering each recorded call (by argv and occurrence) as aixsim did, at native speed. */
function stubBin(calls) {
  const dir = path.join(work, `stubs${++serial}`);
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const byName = new Map();
  calls.forEach((c, i) => {
    fs.writeFileSync(path.join(dir, `${i}.out`), c.stdout);
    fs.writeFileSync(path.join(dir, `${i}.err`), c.stderr);
    const key = c.argv.slice(1).join(' ');
    const m = byName.get(c.argv[0]) ?? new Map();
    m.set(key, [...(m.get(key) ?? []), { i, rc: c.rc }]);
    byName.set(c.argv[0], m);
  });
  for (const [name, m] of byName) {
    const cases = [...m.entries()]
      .map(([key, list], k) => `  ${q(key)}) k=${k}; set -- ${list.map((x) => `${x.i}:${x.rc}`).join(' ')};;`)
      .join('\n');
    fs.writeFileSync(
      path.join(bin, name),
      `#!/bin/bash\ncase "$*" in\n${cases}\n  *) echo "stub ${name}: $* was not recorded" >&2; exit 99;;\nesac\n` +
        `f=${dir}/n.${name}.$k; n=0; [ -f "$f" ] && read -r n < "$f"; echo $((n + 1)) > "$f"\n` +
        `shift $(( n < $# ? n : $# - 1 )); r=\${1%%:*}; IFS= read -r -d '' x < ${dir}/$r.out; printf '%s' "$x"; IFS= read -r -d '' x < ${dir}/$r.err; printf '%s' "$x" >&2; exit \${1##*:}\n`,
      { mode: 0o755 },
    );
  }
  return { dir, bin, reset: () => fs.readdirSync(dir).filter((f) => f.startsWith('n.')).forEach((f) => fs.rmSync(path.join(dir, f))) };
}

/** A host whose bin/ is the stubs, with the files of the simulated host before the run (state.json, so the modules accept it; root/). */
function stubHost(pristine, stubs) {
  const dir = path.join(work, `sh${++serial}`);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(pristine, 'state.json'), path.join(dir, 'state.json'));
  fs.cpSync(path.join(pristine, 'root'), path.join(dir, 'root'), { recursive: true });
  fs.symlinkSync(stubs.bin, path.join(dir, 'bin'));
  stubs.reset();
  return dir;
}

// CPU time (user + system of the process and its children, GNU time) as well as wall time: the
// machines these run on are shared, and CPU time is what load disturbs least.
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function timeMs(file, args, { env = {}, stdin = '' } = {}) {
  const cpuFile = path.join(work, 'cpu');
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, file, ...args]] : [file, args];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { input: stdin, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = GNU_TIME ? fs.readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').reduce((a, b) => a + Number(b) * 1000, 0) : null;
  return { ms, cpuMs: cpu, r };
}

function runModule(modulesDir, name, host, args) {
  return timeMs(process.execPath, [path.join(modulesDir, `${name}.js`)], { env: { ALTDISK_SIM_HOST: host }, stdin: JSON.stringify(args) });
}

/** A bash script running the same commands one after the other (the floor of any wrapper). */
function shellScript(bin, calls) {
  const file = path.join(work, `script${++serial}.sh`);
  fs.writeFileSync(file, `#!/bin/bash\n${calls.map((c) => `${bin}/${c.argv[0]} ${c.argv.slice(1).map(q).join(' ')} >/dev/null 2>&1`).join('\n')}\n`, { mode: 0o755 });
  return file;
}

const SCENARIOS = [
  { module: 'bootlist', mode: 'change', args: { normal: ['hdisk0', 'hdisk1'] } },
  { module: 'bootlist', mode: 'no-op', args: { normal: ['hdisk0'] } },
  { module: 'cleanup', mode: 'change', setup: 'phase1', args: {} },
  { module: 'cleanup', mode: 'no-op', args: {} },
  { module: 'clone', mode: 'change', args: { targets: ['hdisk1'] } },
  { module: 'clone', mode: 'no-op', setup: 'cloned', args: { targets: ['hdisk1'] } },
  { module: 'clone', mode: 'check targets', args: { targets: ['hdisk1'], _ansible_check_mode: true } },
  { module: 'clone', mode: 'check policy', args: { disk_size_policy: 'minimize', _ansible_check_mode: true } },
  { module: 'phase', mode: 'phase 3', setup: 'phase1', args: { phase: '3' } },
  { module: 'mksysb_install', mode: 'check', setup: 'image', args: { source: image, targets: ['hdisk2'], _ansible_check_mode: true } },
  { module: 'facts', mode: 'read', args: {} },
];
const MANY = new Set(['bootlist no-op', 'clone check targets', 'clone check policy', 'facts read']);
const SIZES = [5, 64, 256];

/** Commands and levels of one scenario with one build of the modules, plus the traced calls. */
function countRun(modulesDir, s, disks) {
  const host = newHost(disks, s.setup);
  const pristine = path.join(work, `p${++serial}`);
  fs.cpSync(host, pristine, { recursive: true, verbatimSymlinks: true });
  const log = traceHost(host);
  const { ms, r } = runModule(modulesDir, s.module, host, s.args);
  const answer = JSON.parse(r.stdout.trim().split('\n').pop() || '{}');
  if (answer.failed) throw new Error(`${s.module} ${s.mode} (${disks} disks): ${answer.msg}`);
  const calls = traced(log);
  return { host, pristine, calls, ms, commands: calls.length, levels: Math.max(0, ...calls.map((c) => c.level)) };
}

const key = (s, disks) => `${s.module} ${s.mode} @${disks}`;
const TIMED = new Set(['bootlist change @5', 'bootlist no-op @5', 'cleanup change @5', 'clone change @5', 'clone no-op @5', 'clone check targets @5', 'clone check targets @256', 'facts read @5']);
const countRows = [];
const before = {};
for (const s of SCENARIOS) {
  for (const disks of SIZES) {
    if (disks !== 5 && !MANY.has(`${s.module} ${s.mode}`)) continue;
    if (ONLY === 'times' && !TIMED.has(key(s, disks))) continue;
    const after = countRun(afterDir, s, disks);
    if (BEFORE_DIR) {
      const b = countRun(BEFORE_DIR, s, disks);
      before[key(s, disks)] = { commands: b.commands, levels: b.levels };
    }
    countRows.push({ scenario: key(s, disks), s, disks, after });
  }
}
const recorded = !BEFORE_DIR && fs.existsSync(RECORDED) ? JSON.parse(fs.readFileSync(RECORDED, 'utf8')) : null;
const beforeOf = (k) => before[k] ?? recorded?.[k] ?? null;
if (BEFORE_DIR && flag('record')) fs.writeFileSync(RECORDED, JSON.stringify(before, null, 2) + '\n');

// ---- wall time: module against a shell running its commands, on aixsim and on stubs

const floorRuns = Array.from({ length: RUNS + 1 }, () => timeMs(process.execPath, ['-e', '0'])).slice(1);
const floor = median(floorRuns.map((x) => x.ms));
const floorCpu = GNU_TIME ? median(floorRuns.map((x) => x.cpuMs)) : null;
const timeRows = [];
for (const row of countRows.filter((r) => ONLY !== 'counts' && TIMED.has(r.scenario))) {
  const { s, disks, after } = row;
  const stubs = stubBin(after.calls);
  const samples = { modSim: [], shSim: [], modNative: [], shNative: [], modNativeCpu: [], shNativeCpu: [] };
  for (let i = 0; i <= RUNS; i++) {
    // aixsim: a fresh host for each run (a change changes it), the module then a shell on another fresh host.
    const h1 = newHost(disks, s.setup);
    const m = runModule(afterDir, s.module, h1, s.args);
    const h2 = newHost(disks, s.setup);
    const sh = timeMs('/bin/bash', [shellScript(path.join(h2, 'bin'), after.calls)]);
    const stubbed = stubHost(after.pristine, stubs);
    const mn = runModule(afterDir, s.module, stubbed, s.args);
    const answer = JSON.parse(mn.r.stdout.trim().split('\n').pop() || '{}');
    if (answer.failed) throw new Error(`${row.scenario} on stubs: ${answer.msg}`);
    stubs.reset();
    const shn = timeMs('/bin/bash', [shellScript(stubs.bin, after.calls)]);
    if (i === 0) continue;
    samples.modSim.push(m.ms);
    samples.shSim.push(sh.ms);
    samples.modNative.push(mn.ms);
    samples.shNative.push(shn.ms);
    samples.modNativeCpu.push(mn.cpuMs);
    samples.shNativeCpu.push(shn.cpuMs);
  }
  const med = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  timeRows.push({ scenario: row.scenario, ...med, overheadNative: med.modNative - med.shNative, overheadNativeCpu: GNU_TIME ? med.modNativeCpu - med.shNativeCpu : null });
}

// ---- Ansible: a no-op task at native speed against command: /bin/true
let ansible = null;
const haveAnsible = spawnSync('ansible-playbook', ['--version']).status === 0;
if (!haveAnsible) console.log('ansible-playbook is not installed: the Ansible figures are left out (scripts/provision.sh installs it)');
if (haveAnsible && !flag('no-ansible') && ONLY !== 'counts') ansible = (await import('./lib/ansible-noop.mjs')).noopTaskFigures({ root, work, runs: RUNS, countRows, stubBin, stubHost });

// ---- report
const pad = (s, n) => String(s).padEnd(n);
const f1 = (x) => (x === null || x === undefined ? '-' : x.toFixed(0));
console.log(`altdisk module commands (issue 12): node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${RUNS} runs (median)`);
console.log(`before: ${BEFORE_DIR ?? (recorded ? path.relative(root, RECORDED) : 'not available')}\n`);
console.log(`${pad('scenario', 34)}${pad('commands before→after', 24)}levels before→after`);
for (const r of countRows) {
  const b = beforeOf(r.scenario);
  console.log(`${pad(r.scenario, 34)}${pad(`${b?.commands ?? '-'} → ${r.after.commands}`, 24)}${b?.levels ?? '-'} → ${r.after.levels}`);
}
if (timeRows.length) console.log(`\nnode -e 0: ${f1(floor)} ms wall, ${f1(floorCpu)} ms CPU; goal: module overhead at native speed ≤ node -e 0 + 50 ms`);
if (timeRows.length) console.log(`${pad('scenario', 34)}${pad('module/sh aixsim ms', 22)}${pad('ratio', 8)}${pad('module/sh native ms', 22)}${pad('overhead', 10)}${pad('CPU overhead', 14)}`);
for (const t of timeRows) {
  console.log(
    `${pad(t.scenario, 34)}${pad(`${f1(t.modSim)} / ${f1(t.shSim)}`, 22)}${pad((t.modSim / t.shSim).toFixed(2), 8)}${pad(`${f1(t.modNative)} / ${f1(t.shNative)}`, 22)}${pad(f1(t.overheadNative), 10)}${pad(f1(t.overheadNativeCpu), 14)}`,
  );
}
const t5 = timeRows.find((t) => t.scenario === 'clone check targets @5');
const t256 = timeRows.find((t) => t.scenario === 'clone check targets @256');
if (t5 && t256) console.log(`clone check with explicit targets, 256 disks / 5 disks (aixsim): ${(t256.modSim / t5.modSim).toFixed(2)}x (goal ≤ 2x)`);
if (ansible) console.log(`\nansible per task (native speed): bootlist no-op ${f1(ansible.bootlistMs)} ms, command: /bin/true ${f1(ansible.trueMs)} ms, ratio ${(ansible.bootlistMs / ansible.trueMs).toFixed(2)}`);

fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
fs.writeFileSync(
  JSON_OUT,
  JSON.stringify(
    {
      node: process.version,
      load: os.loadavg(),
      floorMs: floor,
      floorCpuMs: floorCpu,
      counts: countRows.map((r) => ({ scenario: r.scenario, before: beforeOf(r.scenario), commands: r.after.commands, levels: r.after.levels })),
      times: timeRows,
      ansible,
    },
    null,
    2,
  ) + '\n',
);
