#!/usr/bin/env node
// Language engine benchmark (npm run bench): figures and ratios, nothing asserted.
//   1. full analysis (analyze) of a generated 5,000-task playbook against yaml.parseDocument of the
//      same text alone, the floor (goal: at most 1.5x);
//   2. re-analysis of a 200-line playbook after a one-character edit, as the editor does on every
//      keystroke (goal: at most 5 ms);
//   3. `altdisk lint playbook-examples/` against `ansible-lint` on the same files, wall time of the
//      processes (goal: at least 20x faster).
// Usage: node bench/language.mjs [--runs 7] [--edits 300] [--lint-runs 3] [--json bench/results/language-latest.json]
// Needs the build (npm run build: dist/language/engine.mjs, dist/cli/altdisk.cjs) and ansible-lint (scripts/provision.sh).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engineFile = path.join(root, 'dist/language/engine.mjs');
const cli = path.join(root, 'dist/cli/altdisk.cjs');
const examples = path.join(root, 'playbook-examples');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const RUNS = Math.max(1, Number(option('runs', '7')));
const EDITS = Math.max(10, Number(option('edits', '300')));
const LINT_RUNS = Math.max(1, Number(option('lint-runs', '3')));
const resultsDir = path.join(root, 'bench/results');
const JSON_OUT = option('json', path.join(resultsDir, 'language-latest.json'));

for (const f of [engineFile, cli]) {
  if (!fs.existsSync(f)) {
    console.error(`bench: ${path.relative(root, f)} is not built: run npm run build first`);
    process.exit(2);
  }
}
const engine = await import(pathToFileURL(engineFile).href);

// --- the generated playbook: plays of 50 tasks, the mix of a real alternate-disk repository ---
const TASKS = [
  (i) => `    - name: Gather the alternate-disk facts ${i}\n      altdisk.aix.facts:\n`,
  (i) => `    - name: Clone rootvg ${i}\n      altdisk.aix.clone:\n        targets: [hdisk${1 + (i % 3)}]\n        phase: "1"\n      async: "{{ altdisk_async_timeout }}"\n      poll: 60\n      when: ansible_facts.altdisk.altinst.state == 'none'\n`,
  (i) => `    - name: Install the updates ${i}\n      altdisk.aix.phase:\n        phase: "2"\n        bundle: update_all\n        images_location: "{{ altdisk_lpp_source }}"\n        script: /usr/local/bin/post_${i}.sh\n`,
  (i) => `    - name: Finish ${i}\n      altdisk.aix.phase:\n        phase: "3"\n        bootlist: false\n`,
  (i) => `    - name: Boot list ${i}\n      altdisk.aix.bootlist:\n        normal: [hdisk1, hdisk0]\n      register: bl_${i}\n`,
  (i) => `    - name: Show ${i}\n      ansible.builtin.debug:\n        msg: "{{ ansible_facts.altdisk.oslevel.sp }} on {{ inventory_hostname }} ({{ ${i} }})"\n`,
  (i) => `    - name: Disk size ${i}\n      ansible.builtin.command: bootinfo -s hdisk${i % 4}\n      register: size_${i}\n      changed_when: false\n`,
  (i) => `    - name: Check ${i}\n      ansible.builtin.assert:\n        that:\n          - ansible_facts.altdisk.health | length == 0\n        fail_msg: "{{ ansible_facts.altdisk.health | join(' ') }}"\n`,
  (i) => `    - name: Copy the script ${i}\n      ansible.builtin.copy:\n        src: files/post.sh\n        dest: /usr/local/bin/post_${i}.sh\n        mode: "0755"\n`,
  (i) => `    - name: Remove the clone by hand ${i}\n      ansible.builtin.shell: |\n        lspv\n        exportvg altinst_rootvg\n`,
];

function generate(total, perPlay) {
  let out = '---\n';
  for (let n = 0; n < total; n += perPlay) {
    out += `- name: Play ${n / perPlay}\n  hosts: aix\n  gather_facts: false\n  tasks:\n`;
    for (let i = n; i < Math.min(total, n + perPlay); i++) out += TASKS[i % TASKS.length](i);
  }
  return out;
}

// Wall time and CPU time (all threads of the process: the parallel garbage collector too) of one call,
// from a clean heap when the part runs with --expose-gc. On a shared machine the CPU time is the
// steadier figure; both are reported.
function time(fn, clean = true) {
  if (clean) globalThis.gc?.();
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const r = fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cu = process.cpuUsage(c);
  return { ms, cpu: (cu.user + cu.system) / 1000, r };
}

// Each measurement runs in a process of its own: a fresh heap, so that one part's garbage is not
// collected during another's timings. The floor and the analysis alternate within their process.
const PART = option('part', null);
if (PART === 'full') {
  const big = generate(5000, 50);
  const bigDoc = { uri: '/bench/site.yml', text: big };
  const runs = { floor: [], floor11: [], full: [] };
  let findings = 0;
  parseDocument(big);
  engine.analyze(bigDoc);
  for (let i = 0; i < RUNS; i++) {
    runs.floor.push(time(() => parseDocument(big)));
    runs.floor11.push(time(() => parseDocument(big, { version: '1.1', lineCounter: new LineCounter() })));
    const t = time(() => engine.analyze(bigDoc));
    findings = t.r.findings.length;
    t.r = null;
    runs.full.push(t);
  }
  const fig = (k) => ({ wall: median(runs[k].map((x) => x.ms)), cpu: median(runs[k].map((x) => x.cpu)) });
  process.stdout.write(JSON.stringify({ lines: big.split('\n').length, floor: fig('floor'), floor11: fig('floor11'), full: fig('full'), findings }));
  process.exit(0);
}
if (PART === 'edit') {
  // The phased example, grown to 200 lines with more tasks; its task files are read from the disk.
  const phased = fs.readFileSync(path.join(examples, 'clone-update-phased.yml'), 'utf8');
  let editText = phased;
  for (let i = 0; editText.split('\n').length < 200; i++) editText += TASKS[i % 8](i);
  editText = editText.split('\n').slice(0, 200).join('\n') + '\n';
  const editPath = path.join(examples, 'bench-edit.yml');
  const ws = {
    readFile(p) {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  const anchor = editText.indexOf('images_location: "{{ altdisk_lpp_source }}"') + 'images_location: "{{ altdisk_'.length;
  const edits = [];
  for (let i = 0; i < 30; i++) engine.analyze({ uri: editPath, text: editText }, ws);
  for (let i = 0; i < EDITS; i++) {
    // A keystroke inside a value: a new text each time, analysed from scratch (includes followed).
    const text = `${editText.slice(0, anchor)}${'abcdefghij'[i % 10]}${editText.slice(anchor)}`;
    edits.push(time(() => engine.analyze({ uri: editPath, text }, ws), false));
  }
  const wall = edits.map((e) => e.ms).sort((a, b) => a - b);
  const cpu = edits.map((e) => e.cpu).sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ lines: editText.split('\n').length, median: median(wall), p95: wall[Math.floor(wall.length * 0.95)], max: wall[wall.length - 1], cpuMedian: median(cpu) }));
  process.exit(0);
}

function part(name) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--part', name, '--runs', String(RUNS), '--edits', String(EDITS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench part ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const fullR = part('full');
const editR = part('edit');
const floor = fullR.floor;
const floor11 = fullR.floor11;
const full = fullR.full;
const bigFindings = fullR.findings;
const bigLines = fullR.lines;
const editMedian = editR.median;
const editP95 = editR.p95;
const editMax = editR.max;

// --- altdisk lint vs ansible-lint on playbook-examples/ ---
function wall(cmd, args, opts) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, rc: r.status, out: `${r.stdout}${r.stderr}`, error: r.error };
}
const lintRuns = [];
for (let i = 0; i < LINT_RUNS + 1; i++) lintRuns.push(wall(process.execPath, [cli, 'lint', 'playbook-examples/'], { cwd: root }));
const ours = median(lintRuns.slice(1).map((r) => r.ms));
let theirs = null;
let ansibleLintVersion = null;
const lintEnv = { ...process.env, ANSIBLE_COLLECTIONS_PATH: path.join(root, 'dist'), NO_COLOR: '1' };
const probe = wall('ansible-lint', ['--version'], { env: lintEnv });
if (probe.error || probe.rc !== 0) {
  console.error('bench: ansible-lint is not installed (scripts/provision.sh installs it): the lint comparison is left out');
} else {
  // eslint-disable-next-line no-control-regex -- strips the colour codes ansible-lint --version prints anyway
  ansibleLintVersion = probe.out.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].trim();
  const runs = [];
  for (let i = 0; i < LINT_RUNS; i++) runs.push(wall('ansible-lint', ['--nocolor', '--offline'], { cwd: examples, env: lintEnv }));
  theirs = median(runs.map((r) => r.ms));
}

const num = (x, d = 1) => (x === null ? 'n/a' : x.toFixed(d));
const verdict = (ok) => (ok ? 'goal met' : 'GOAL MISSED');
console.log(`altdisk language engine benchmark: node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`engine bundle: ${fs.statSync(engineFile).size} bytes (platform-neutral ESM)\n`);
console.log(`1. full analysis of a generated ${bigLines}-line, 5,000-task playbook (${RUNS} runs, median, alternating):`);
console.log(`                                            wall ms    CPU ms`);
console.log(`   yaml.parseDocument alone (the floor)   ${num(floor.wall).padStart(9)} ${num(floor.cpu).padStart(9)}`);
console.log(`   same, YAML 1.1 + LineCounter (as read) ${num(floor11.wall).padStart(9)} ${num(floor11.cpu).padStart(9)}`);
console.log(`   analyze (${bigFindings} findings)              ${num(full.wall).padStart(9)} ${num(full.cpu).padStart(9)}`);
const ratio = full.cpu / floor.cpu;
const wallRatio = full.wall / floor.wall;
console.log(`   ratio to the floor: ${num(ratio, 2)}x in CPU time (goal <= 1.5x: ${verdict(ratio <= 1.5)}), ${num(wallRatio, 2)}x in wall time\n`);
console.log(`2. re-analysis after a one-character edit in a 200-line playbook (${EDITS} edits, includes followed):`);
console.log(`   wall: median ${num(editMedian, 2)} ms, p95 ${num(editP95, 2)} ms, max ${num(editMax, 2)} ms (goal <= 5 ms: ${verdict(editMedian <= 5)}); CPU median ${num(editR.cpuMedian, 2)} ms\n`);
console.log(`3. playbook-examples/ (${LINT_RUNS} runs, median wall time of the process):`);
console.log(`   altdisk lint   ${num(ours, 0)} ms`);
console.log(`   ansible-lint   ${num(theirs, 0)} ms${ansibleLintVersion ? ` (${ansibleLintVersion})` : ''}`);
const speedup = theirs === null ? null : theirs / ours;
console.log(`   altdisk lint is ${num(speedup, 1)}x faster (goal >= 20x: ${speedup === null ? 'not measured' : verdict(speedup >= 20)})`);

const result = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  load: os.loadavg(),
  engineBytes: fs.statSync(engineFile).size,
  fullAnalysis: { tasks: 5000, lines: bigLines, floor, floorYaml11: floor11, analyze: full, ratioCpu: ratio, ratioWall: wallRatio, findings: bigFindings },
  edit: { lines: editR.lines, edits: EDITS, medianMs: editMedian, p95Ms: editP95, maxMs: editMax, cpuMedianMs: editR.cpuMedian },
  lint: { altdiskLintMs: ours, ansibleLintMs: theirs, ansibleLint: ansibleLintVersion, speedup },
};
fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
if (path.resolve(JSON_OUT) === path.join(resultsDir, 'language-latest.json')) {
  fs.writeFileSync(path.join(resultsDir, `language-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2) + '\n');
}
console.log(`\nresults: ${path.relative(root, JSON_OUT)}`);
