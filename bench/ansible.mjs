#!/usr/bin/env node
// Ansible benchmark (npm run bench:ansible), on simulated LPARs:
//   1. per-task time under ansible-playbook of altdisk.aix.facts against ansible.builtin.command: lspv
//      on the same simulated host (local connection, pipelining), and their ratio;
//   2. the wall time of the phased example (playbook-examples/clone-update-phased.yml) on the four
//      simulated LPARs of its inventory, from `npm run sim:hosts` state.
// Per-task time = (median wall time of a play of N tasks - median of the empty play) / N.
// Usage: node bench/ansible.mjs [--runs 5] [--tasks 10] [--json bench/results/ansible-latest.json]
// Needs the build (npm run build) and Ansible (scripts/provision.sh).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const aixsim = path.join(root, 'dist/simulator/aixsim.cjs');
const examples = path.join(root, 'playbook-examples');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const RUNS = Number(option('runs', '5'));
const TASKS = Number(option('tasks', '10'));
const JSON_OUT = option('json', path.join(root, 'bench/results/ansible-latest.json'));

for (const [what, file] of [['the simulator bundle', aixsim], ['the collection', path.join(root, 'dist/ansible_collections/altdisk/aix/plugins/modules/facts.js')]]) {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${what} is not built (${file}): run npm run build first`);
    process.exit(2);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-'));
const scratch = path.join(work, 'ansible');

function ansibleEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('ANSIBLE_') || k.startsWith('ALTDISK_SIM_')) delete env[k];
  return {
    ...env,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
    ANSIBLE_LOCAL_TEMP: path.join(scratch, 'local'),
    ANSIBLE_ASYNC_DIR: path.join(scratch, 'async'),
    ANSIBLE_COLLECTIONS_PATH: path.join(root, 'dist'),
    ...extra,
  };
}

/** Run a command, fail loudly, return the wall time in ms. */
function timed(file, args, env, cwd = root) {
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { env, cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`bench: ${file} ${args.join(' ')} failed (rc ${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function play(name, tasks) {
  const file = path.join(work, `${name}.yml`);
  const lines = ['- name: Bench', '  hosts: lpar01', '  gather_facts: false', '  environment:', `    ALTDISK_SIM_HOST: ${host}`, '  tasks:'];
  for (let i = 0; i < tasks.length; i++) lines.push(`    - name: Task ${i + 1}`, ...tasks[i].map((l) => `      ${l}`));
  if (tasks.length === 0) lines.push('    - name: Nothing', '      ansible.builtin.meta: noop');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// 1. One simulated host, local connection with pipelining (what the examples use for simulated LPARs).
const host = path.join(work, 'lpar01');
timed(process.execPath, [aixsim, 'init', host, '--hostname', 'lpar01'], process.env);
const inventory = path.join(work, 'inventory.yml');
fs.writeFileSync(
  inventory,
  JSON.stringify({
    all: {
      hosts: {
        lpar01: { ansible_connection: 'local', ansible_node_interpreter: process.execPath, ansible_python_interpreter: 'auto_silent', ansible_pipelining: true },
      },
    },
  }),
);
const plays = {
  empty: play('empty', []),
  facts: play('facts', Array.from({ length: TASKS }, () => ['altdisk.aix.facts:'])),
  lspv: play('lspv', Array.from({ length: TASKS }, () => ['ansible.builtin.command:', `  argv: [${path.join(host, 'bin/lspv')}]`, 'changed_when: false'])),
};
const samples = { empty: [], facts: [], lspv: [] };
const env = ansibleEnv();
const callsLog = path.join(host, 'calls.log');
const calls = () => fs.readFileSync(callsLog, 'utf8').split('\n').filter(Boolean).length;
const callsBefore = calls();
timed('ansible-playbook', ['-i', inventory, plays.facts], env); // warm-up (caches, compiled Python)
const commandsPerFacts = (calls() - callsBefore) / TASKS;
for (let run = 0; run < RUNS; run++) {
  for (const name of ['empty', 'facts', 'lspv']) samples[name].push(timed('ansible-playbook', ['-i', inventory, plays[name]], env));
}
const perTask = (name) => (median(samples[name]) - median(samples.empty)) / TASKS;
const factsMs = perTask('facts');
const lspvMs = perTask('lspv');

// 2. The phased example on the four simulated LPARs of its inventory.
const simRoot = path.join(work, 'sim');
const exampleEnv = ansibleEnv({ ALTDISK_SIM_ROOT: simRoot });
delete exampleEnv.ANSIBLE_COLLECTIONS_PATH; // the examples find the collection next to them
const setupMs = timed('ansible-playbook', ['-i', path.join(examples, 'inventory.yml'), path.join(examples, 'sim-hosts.yml')], exampleEnv);
const phasedMs = timed('ansible-playbook', ['-i', path.join(examples, 'inventory.yml'), path.join(examples, 'clone-update-phased.yml')], exampleEnv);
const phasedAgainMs = timed('ansible-playbook', ['-i', path.join(examples, 'inventory.yml'), path.join(examples, 'clone-update-phased.yml')], exampleEnv);

const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', loadavg: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version },
  runs: RUNS,
  tasks_per_play: TASKS,
  empty_play_ms: Math.round(median(samples.empty)),
  facts_per_task_ms: Math.round(factsMs),
  command_lspv_per_task_ms: Math.round(lspvMs),
  facts_to_command_ratio: Number((factsMs / lspvMs).toFixed(2)),
  simulated_commands_per_facts_task: commandsPerFacts,
  sim_hosts_setup_ms: Math.round(setupMs),
  phased_example_ms: Math.round(phasedMs),
  phased_example_rerun_ms: Math.round(phasedAgainMs),
};

const rows = [
  ['empty play (median)', `${result.empty_play_ms} ms`],
  [`altdisk.aix.facts, per task (${TASKS} tasks x ${RUNS} runs)`, `${result.facts_per_task_ms} ms`],
  ['ansible.builtin.command: lspv, per task', `${result.command_lspv_per_task_ms} ms`],
  ['ratio facts / command lspv', `${result.facts_to_command_ratio}`],
  ['npm run sim:hosts (4 LPARs)', `${(setupMs / 1000).toFixed(1)} s`],
  ['clone-update-phased.yml, 4 LPARs (2 updated)', `${(phasedMs / 1000).toFixed(1)} s`],
  ['clone-update-phased.yml again (changed=0)', `${(phasedAgainMs / 1000).toFixed(1)} s`],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`altdisk Ansible bench: ${result.machine.cpus} CPUs, load ${result.machine.loadavg.join(' ')}, node ${process.version}`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
console.log(`  (altdisk.aix.facts runs ${commandsPerFacts} simulated AIX commands per task, each a Node process; the lspv task runs one.)`);
fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
console.log(`  written to ${path.relative(root, JSON_OUT)}`);
fs.rmSync(work, { recursive: true, force: true });
