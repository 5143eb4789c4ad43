import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aixsim, ROOT, tmpDir, type Run } from './sim.js';

// Drives the real Ansible tools (ansible-playbook, ansible-doc, ansible-galaxy, ansible-lint) the way
// an admin runs them, against simulated LPARs made by playbook-examples/sim-hosts.yml.

export const EXAMPLES = path.join(ROOT, 'playbook-examples');
export const INVENTORY = path.join(EXAMPLES, 'inventory.yml');
export const COLLECTION = path.join(ROOT, 'dist', 'ansible_collections', 'altdisk', 'aix');
export const MODULE_NAMES = ['bootlist', 'cleanup', 'clone', 'facts', 'mksysb_install', 'phase'] as const;

/** The LPARs of playbook-examples/inventory.yml. */
export const FRESH_HOSTS = ['lpar01', 'lpar02'] as const;
export const UPDATED_HOSTS = ['lpar03', 'lpar04'] as const;
export const ALL_HOSTS = [...FRESH_HOSTS, ...UPDATED_HOSTS];

/** Output without colours, in the default callback, with the scratch files of Ansible in `scratch`. */
export function ansibleEnv(scratch: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('ANSIBLE_') || k === 'ALTDISK_SIM_ROOT' || k === 'ALTDISK_SIM_HOST') delete env[k];
  return {
    ...env,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    ANSIBLE_STDOUT_CALLBACK: 'default',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
    ANSIBLE_HOST_KEY_CHECKING: '0',
    ANSIBLE_LOCAL_TEMP: path.join(scratch, 'ansible-local'),
    ANSIBLE_ASYNC_DIR: path.join(scratch, 'ansible-async'),
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(scratch, 'cp'),
    PYTHONUNBUFFERED: '1',
    ...extra,
  };
}

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kill the command after this long (default 10 minutes). */
  timeoutMs?: number;
  input?: string;
}

/** Run a program (argv, no shell) to completion. */
export function runCommand(file: string, args: string[], options: CommandOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(file, args, { env: options.env ?? process.env, cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      stderr += `\n[test: killed after ${options.timeoutMs ?? 600_000} ms]`;
      p.kill('SIGKILL');
    }, options.timeoutMs ?? 600_000);
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, rc: code ?? -1 });
    });
    p.stdin.end(options.input ?? '');
  });
}

export interface HostRecap {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
}

/** The PLAY RECAP lines of ansible-playbook's output, per host. */
export function recap(stdout: string): Record<string, HostRecap> {
  const out: Record<string, HostRecap> = {};
  const at = stdout.lastIndexOf('PLAY RECAP');
  if (at < 0) return out;
  for (const line of stdout.slice(at).split('\n').slice(1)) {
    const m = /^(\S+)\s+:\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const counts: Record<string, number> = {};
    for (const kv of m[2]!.trim().split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k && v !== undefined) counts[k] = Number(v);
    }
    out[m[1]!] = {
      ok: counts.ok ?? 0,
      changed: counts.changed ?? 0,
      unreachable: counts.unreachable ?? 0,
      failed: counts.failed ?? 0,
      skipped: counts.skipped ?? 0,
      rescued: counts.rescued ?? 0,
      ignored: counts.ignored ?? 0,
    };
  }
  return out;
}

/** Everything a failed assertion needs to explain itself. */
export function explain(r: Run, tail = 6000): string {
  return `rc ${r.rc}\n--- stdout (end)\n${r.stdout.slice(-tail)}\n--- stderr (end)\n${r.stderr.slice(-3000)}`;
}

/**
 * A set of simulated LPARs (an ALTDISK_SIM_ROOT folder), and the Ansible scratch space of the runs
 * against it.
 */
export interface SimFleet {
  root: string;
  scratch: string;
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** state.json of each simulated LPAR, as text. */
  states(hosts?: readonly string[]): Record<string, string>;
  /** The folder of one simulated LPAR. */
  host(name: string): string;
  /**
   * ansible-playbook from the project root with the examples' inventory (plus `inventories`);
   * `playbookFile` is relative to playbook-examples/ (or absolute).
   */
  playbook(playbookFile: string, args?: string[], inventories?: string[], env?: NodeJS.ProcessEnv): Promise<Run>;
  cleanup(): void;
}

function fleetAt(root: string, scratch: string): SimFleet {
  const env = (extra: NodeJS.ProcessEnv = {}) => ansibleEnv(scratch, { ALTDISK_SIM_ROOT: root, ...extra });
  return {
    root,
    scratch,
    env,
    host: (name) => path.join(root, name),
    states: (hosts = ALL_HOSTS) => Object.fromEntries(hosts.map((h) => [h, fs.readFileSync(path.join(root, h, 'state.json'), 'utf8')])),
    playbook: (playbookFile, args = [], inventories = [], extraEnv = {}) =>
      runCommand(
        'ansible-playbook',
        ['-i', INVENTORY, ...inventories.flatMap((i) => ['-i', i]), path.resolve(EXAMPLES, playbookFile), ...args],
        { env: env(extraEnv) },
      ),
    cleanup: () => {
      // root is <tmpDir>/sim: remove the temporary folder around it.
      fs.rmSync(path.dirname(root), { recursive: true, force: true });
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Create the simulated LPARs of the examples the documented way: `npm run sim:hosts` (sim-hosts.yml). */
export async function createFleet(): Promise<SimFleet> {
  const fleet = fleetAt(path.join(tmpDir('altdisk-fleet-'), 'sim'), tmpDir('altdisk-ansible-'));
  const r = await runCommand('npm', ['run', '--silent', 'sim:hosts'], { env: fleet.env() });
  if (r.rc !== 0) throw new Error(`npm run sim:hosts failed:\n${explain(r)}`);
  for (const h of ALL_HOSTS) {
    if (!fs.existsSync(path.join(fleet.host(h), 'state.json'))) throw new Error(`npm run sim:hosts made no ${h} in ${fleet.root}:\n${explain(r)}`);
  }
  return fleet;
}

/** Simulated LPARs made directly with aixsim init (no lpp_source, no mksysb): quick, for protocol tests. */
export function bareFleet(hosts: readonly string[]): SimFleet {
  const fleet = fleetAt(path.join(tmpDir('altdisk-fleet-'), 'sim'), tmpDir('altdisk-ansible-'));
  fs.mkdirSync(fleet.root, { recursive: true });
  for (const h of hosts) {
    const r = aixsim(['init', fleet.host(h), '--hostname', h]);
    if (r.rc !== 0) throw new Error(`aixsim init ${h}: ${r.stderr}`);
    // Where group_vars/aixsim.yml says the LPAR's node is (sim-hosts.yml makes the same link).
    const node = path.join(fleet.root, 'stage', h, 'bin', 'node');
    fs.mkdirSync(path.dirname(node), { recursive: true });
    fs.symlinkSync(process.execPath, node);
  }
  return fleet;
}

/** A copy of a fleet (the simulated hosts are relocatable folders): cheaper than creating one. */
export function copyFleet(template: SimFleet): SimFleet {
  const root = path.join(tmpDir('altdisk-fleet-'), 'sim');
  fs.cpSync(template.root, root, { recursive: true, verbatimSymlinks: true });
  return fleetAt(root, tmpDir('altdisk-ansible-'));
}

/** The unified diffs ansible-playbook --diff prints (each up to the task's status line). */
export function diffBlocks(stdout: string): string[] {
  const blocks: string[] = [];
  const lines = stdout.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('--- before')) continue;
    const block: string[] = [];
    for (let j = i; j < lines.length && !/^(changed|ok|skipping|fatal|failed):/.test(lines[j]!); j++) block.push(lines[j]!);
    blocks.push(block.join('\n'));
  }
  return blocks;
}

/** The Python that runs Ansible (the shebang of ansible-playbook): it can import the ansible package. */
export function ansiblePython(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const file = path.join(dir || '.', 'ansible-playbook');
    if (!fs.existsSync(file)) continue;
    const first = fs.readFileSync(file, 'utf8').split('\n')[0] ?? '';
    const words = first.replace(/^#!\s*/, '').trim().split(/\s+/);
    return path.basename(words[0] ?? '') === 'env' ? (words[1] ?? 'python3') : (words[0] ?? 'python3');
  }
  throw new Error('ansible-playbook is not on PATH (install Ansible: scripts/provision.sh)');
}
