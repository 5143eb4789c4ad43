#!/usr/bin/env node
// CLI benchmark (npm run bench -- or node bench/cli.mjs), on 20 simulated AIX hosts behind one
// real sshd on 127.0.0.1 (each host's SSH session gets its ALTDISK_SIM_HOST from the inventory's
// ansible_ssh_extra_args -o SetEnv=..., which sshd accepts: so the very same inventory serves
// altdisk and Ansible's ad hoc command, which has no `environment:`):
//   1. altdisk run facts --forks 20   against   ansible all -m altdisk.aix.facts -f 20   (target: at most half)
//   2. altdisk run facts --forks 20   against   --forks 1
//   3. the CLI's start-up (altdisk --version) against node -e 0
// Every figure is the median of --runs runs (default 3; 15 for start-up), each starting cold (new
// SSH master connections). Results land in bench/results/cli-latest.json.
// Usage: node bench/cli.mjs [--runs 3] [--hosts 20] [--json FILE]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const RUNS = Number(option('runs', '3'));
const HOSTS = Number(option('hosts', '20'));
const JSON_OUT = option('json', path.join(root, 'bench/results/cli-latest.json'));
const cli = path.join(root, 'dist/cli/altdisk.cjs');
const aixsim = path.join(root, 'dist/simulator/aixsim.cjs');
for (const f of [cli, aixsim, path.join(root, 'dist/ansible_collections/altdisk/aix/plugins/modules/facts.js')]) {
  if (!fs.existsSync(f)) {
    console.error(`bench: ${f} is not built: run npm run build first`);
    process.exit(2);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-cli-'));
// The test suite's sshd helper, bundled for this script (one source for the sshd set-up).
const helper = path.join(work, 'sshd.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'test/helpers/sshd.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: helper,
  logLevel: 'warning',
  banner: { js: `const __dirname = ${JSON.stringify(path.join(root, 'test/helpers'))}; import { createRequire as __cr } from 'node:module'; const require = __cr(${JSON.stringify(path.join(root, 'package.json'))});` },
});
const { startSshd } = await import(pathToFileURL(helper).href);

const names = Array.from({ length: HOSTS }, (_, i) => `lpar${String(i + 1).padStart(2, '0')}`);
const hostDir = (n) => path.join(work, 'hosts', n);
fs.mkdirSync(path.join(work, 'hosts'));
const r = spawnSync(process.execPath, [aixsim, 'init', hostDir(names[0]), '--hostname', names[0]], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(r.stderr);
for (const n of names.slice(1)) fs.cpSync(hostDir(names[0]), hostDir(n), { recursive: true, verbatimSymlinks: true });

const sshd = await startSshd({ extraConfig: () => ['MaxStartups 200:30:400', 'AcceptEnv ALTDISK_SIM_HOST'] });
const known = path.join(work, 'known_hosts');
const hostKey = fs.readFileSync(path.join(sshd.dir, 'host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
fs.writeFileSync(known, sshd.ports.map((p) => `[127.0.0.1]:${p} ${hostKey}`).join('\n') + '\n');
const sshConfig = path.join(work, 'ssh_config');
fs.writeFileSync(sshConfig, `Host *\n  IdentityFile ${sshd.clientKey}\n  IdentitiesOnly yes\n  UserKnownHostsFile ${known}\n  GlobalKnownHostsFile /dev/null\n`);
const inventory = path.join(work, 'inventory.yml');
fs.writeFileSync(
  inventory,
  JSON.stringify({
    all: {
      vars: { ansible_host: '127.0.0.1', ansible_port: sshd.port, ansible_user: sshd.user, ansible_ssh_common_args: `-F ${sshConfig}`, ansible_pipelining: true, ansible_node_interpreter: process.execPath },
      // Ansible's control path is a hash of host, port and user: the same for all these hosts, which
      // would then share one master connection (and stall at sshd's MaxSessions): one each, as altdisk has.
      hosts: Object.fromEntries(names.map((n) => [n, { ansible_ssh_extra_args: `-o SetEnv=ALTDISK_SIM_HOST=${hostDir(n)}`, ansible_control_path: `%(directory)s/${n}` }])),
    },
  }),
);

// Asynchronous on purpose: this process must keep reading sshd's log while the tools run (a
// blocked reader fills the pipe and sshd stops answering).
function timed(file, args, env = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // Through bash, whose `times` then says how much CPU the tool and the processes it waited for
    // (its ssh clients) used here, on the controller: the remote side (sshd's children) is not in it.
    const child = spawn('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bench', file, ...args], { env: { ...process.env, ...env }, cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        console.error(`bench: ${path.basename(file)} ${args.join(' ')} failed (rc ${code}):\n${stdout.slice(-3000)}\n${stderr.slice(-2000)}`);
        process.exit(1);
      }
      const t = stderr.trim().split('\n').slice(-1)[0].match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
      const cpuMs = t ? Math.round((Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4])) * 1000) : null;
      resolve({ ms, stdout, cpuMs });
    });
  });
}

let cp = 0;
const ansibleEnv = () => {
  const env = {};
  for (const k of Object.keys(process.env)) if (k.startsWith('ANSIBLE_')) env[k] = undefined;
  return {
    ...env,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_TIMEOUT: CONNECT_TIMEOUT,
    ANSIBLE_COLLECTIONS_PATH: path.join(root, 'dist'),
    ANSIBLE_LOCAL_TEMP: path.join(work, 'ansible-tmp'),
    // A new folder each run: every run opens its own SSH masters, as altdisk's do.
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(work, `cp${++cp}`),
  };
};

// A generous connection timeout for both tools: on a loaded machine sshd is slow to answer.
const CONNECT_TIMEOUT = '60';
const cpu = { altdisk: [], ansible: [] };
const altdiskRun = async (forks) => {
  const r = await timed(process.execPath, [cli, 'run', 'facts', '-i', inventory, '--forks', String(forks), '--inventory-reader', 'builtin', '--connect-timeout', CONNECT_TIMEOUT]);
  if (forks === 20) cpu.altdisk.push(r.cpuMs);
  return r.ms;
};
const altdiskRunAnsibleInventory = async () => (await timed(process.execPath, [cli, 'run', 'facts', '-i', inventory, '--forks', '20', '--inventory-reader', 'ansible', '--connect-timeout', CONNECT_TIMEOUT])).ms;
const ansibleRun = async () => {
  const { ms, stdout, cpuMs } = await timed('ansible', ['all', '-i', inventory, '-m', 'altdisk.aix.facts', '-f', '20'], ansibleEnv());
  cpu.ansible.push(cpuMs);
  const ok = (stdout.match(/\| SUCCESS =>/g) ?? []).length;
  if (ok !== HOSTS) {
    console.error(`bench: ansible answered for ${ok} of ${HOSTS} hosts:\n${stdout.slice(-2000)}`);
    process.exit(1);
  }
  return ms;
};

const series = async (fn, n) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
};
try {
  // Warm the page cache and sshd once for both tools.
  await altdiskRun(20);
  await ansibleRun();
  const a20 = await series(() => altdiskRun(20), RUNS);
  const ans = await series(ansibleRun, RUNS);
  const aInv = await series(altdiskRunAnsibleInventory, RUNS);
  const a1 = await series(() => altdiskRun(1), Math.max(1, Math.min(RUNS, 2)));
  const start = await series(async () => (await timed(process.execPath, [cli, '--version'])).ms, 15);
  const bare = await series(async () => (await timed(process.execPath, ['-e', '0'])).ms, 15);
  const m = (xs) => Math.round(median(xs));
  const figures = {
    hosts: HOSTS,
    runs: RUNS,
    altdisk_forks20_ms: m(a20),
    ansible_f20_ms: m(ans),
    altdisk_vs_ansible: +(median(a20) / median(ans)).toFixed(2),
    altdisk_controller_cpu_ms: m(cpu.altdisk),
    ansible_controller_cpu_ms: m(cpu.ansible),
    controller_cpu_altdisk_vs_ansible: +(median(cpu.altdisk) / median(cpu.ansible)).toFixed(2),
    altdisk_forks20_with_ansible_inventory_ms: m(aInv),
    altdisk_forks1_ms: m(a1),
    forks20_vs_forks1: +(median(a20) / median(a1)).toFixed(2),
    cli_startup_ms: m(start),
    node_e0_ms: m(bare),
    cli_startup_vs_node: +(median(start) / median(bare)).toFixed(2),
    loadavg: os.loadavg().map((x) => +x.toFixed(1)),
    cpus: os.cpus().length,
  };
  console.log(`${HOSTS} simulated hosts behind one sshd, median of ${RUNS} runs (load ${figures.loadavg.join(' ')} on ${figures.cpus} CPUs)`);
  console.log(`  altdisk run facts --forks 20            ${figures.altdisk_forks20_ms} ms`);
  console.log(`  ansible -m altdisk.aix.facts -f 20      ${figures.ansible_f20_ms} ms`);
  console.log(`  ratio altdisk / ansible                 ${figures.altdisk_vs_ansible}   (target <= 0.5)`);
  console.log(`  controller CPU: altdisk ${figures.altdisk_controller_cpu_ms} ms, ansible ${figures.ansible_controller_cpu_ms} ms, ratio ${figures.controller_cpu_altdisk_vs_ansible}`);
  console.log(`  altdisk, inventory via ansible-inventory ${figures.altdisk_forks20_with_ansible_inventory_ms} ms`);
  console.log(`  altdisk run facts --forks 1             ${figures.altdisk_forks1_ms} ms`);
  console.log(`  ratio --forks 20 / --forks 1            ${figures.forks20_vs_forks1}`);
  console.log(`  altdisk --version (start-up)            ${figures.cli_startup_ms} ms`);
  console.log(`  node -e 0                               ${figures.node_e0_ms} ms`);
  console.log(`  ratio start-up / node -e 0              ${figures.cli_startup_vs_node}`);
  fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
  fs.writeFileSync(JSON_OUT, JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2) + '\n');
} finally {
  await sshd.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
