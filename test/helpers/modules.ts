import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aixsim, newHost, ROOT, tmpDir, type SimHost } from './sim.js';

// Runs the BUNDLED modules (dist/modules/<name>.js) the three ways Ansible and people hand them
// arguments (JSON on stdin, a WANT_JSON args file, key=value words), against a simulated host
// chosen with ALTDISK_SIM_HOST, and checks the one protocol promise every answer must keep:
// exactly one JSON object on one line of stdout, ASCII only.

export const MODULE_NAMES = ['clone', 'mksysb_install', 'phase', 'cleanup', 'bootlist', 'facts'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

export const SIM_ENV = 'ALTDISK_SIM_HOST';

export function moduleBundle(name: ModuleName): string {
  return path.join(ROOT, 'dist', 'modules', `${name}.js`);
}

export type ModuleJson = Record<string, unknown>;

export interface ModuleAnswer {
  json: ModuleJson;
  stdout: string;
  stderr: string;
  rc: number;
  ms: number;
}

export type ArgsVia = 'stdin' | 'args-file' | 'argv';

export interface ModuleRunOptions {
  /** How the arguments reach the module (default: JSON on stdin). */
  via?: ArgsVia;
  /** ALTDISK_SIM_HOST; null runs the module without it (and without any inherited value). */
  simDir?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Send exactly this text on stdin (instead of the arguments as JSON). */
  stdinText?: string;
  /** Exactly these argv words after the bundle path (instead of building them from the arguments). */
  argvWords?: string[];
  /** Leave stdout unread for a while, so a large answer fills the pipe before anybody drains it. */
  slowReader?: boolean;
  timeoutMs?: number;
}

/** One JSON object on exactly one line, nothing before or after it, no byte outside ASCII. */
export function oneJsonLine(stdout: string, what = 'the module'): ModuleJson {
  const nonAscii = [...stdout].findIndex((c) => c.charCodeAt(0) > 0x7e || (c.charCodeAt(0) < 0x20 && c !== '\n'));
  assert.equal(nonAscii, -1, `${what}: stdout has a raw character outside printable ASCII at ${nonAscii}: ${JSON.stringify(stdout.slice(Math.max(0, nonAscii - 40), nonAscii + 40))}`);
  assert.ok(stdout.endsWith('\n'), `${what}: stdout must end with a newline; got ${stdout.length} bytes ending ${JSON.stringify(stdout.slice(-80))}`);
  const lines = stdout.slice(0, -1).split('\n');
  assert.equal(lines.length, 1, `${what}: stdout must be exactly one line, got ${lines.length}: ${JSON.stringify(stdout.slice(0, 400))}`);
  let value: unknown;
  try {
    value = JSON.parse(lines[0]!);
  } catch (e) {
    assert.fail(`${what}: stdout is not JSON (${(e as Error).message}): ${JSON.stringify(stdout.slice(0, 400))}`);
  }
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${what}: the answer must be a JSON object, got ${lines[0]!.slice(0, 200)}`);
  return value as ModuleJson;
}

/** key=value words as an admin types them: lists joined with commas, mappings as JSON. */
export function keyValueWords(args: Record<string, unknown>): string[] {
  return Object.entries(args).map(([k, v]) => {
    if (typeof v === 'string') return `${k}=${v}`;
    if (Array.isArray(v) && v.every((e) => typeof e === 'string')) return `${k}=${v.join(',')}`;
    if (typeof v === 'number' || typeof v === 'boolean') return `${k}=${String(v)}`;
    return `${k}=${JSON.stringify(v)}`;
  });
}

function moduleEnv(opts: ModuleRunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  delete env[SIM_ENV];
  if (opts.simDir) env[SIM_ENV] = opts.simDir;
  return env;
}

/** Run a bundled module; resolves with its parsed answer (after asserting the one-JSON-line protocol). */
export async function runModuleBundle(name: ModuleName, args: Record<string, unknown> | null, opts: ModuleRunOptions = {}): Promise<ModuleAnswer> {
  const via = opts.via ?? 'stdin';
  let argv: string[] = [];
  let stdinText = opts.stdinText ?? '';
  let argsFile: string | null = null;
  if (opts.argvWords) argv = opts.argvWords;
  else if (args !== null && via === 'argv') argv = keyValueWords(args);
  else if (args !== null && via === 'args-file') {
    argsFile = path.join(tmpDir('altdisk-args-'), 'args');
    fs.writeFileSync(argsFile, JSON.stringify(args));
    argv = [argsFile];
  } else if (args !== null && opts.stdinText === undefined) stdinText = JSON.stringify(args);

  const started = Date.now();
  try {
    const r = await spawnCollect(process.execPath, [moduleBundle(name), ...argv], moduleEnv(opts), stdinText, opts);
    const json = oneJsonLine(r.stdout, `${name} (rc ${r.rc}, stderr ${JSON.stringify(r.stderr.slice(-300))})`);
    return { json, stdout: r.stdout, stderr: r.stderr, rc: r.rc, ms: Date.now() - started };
  } finally {
    if (argsFile) fs.rmSync(path.dirname(argsFile), { recursive: true, force: true });
  }
}

/** A bundled module started against a simulated host, its pipes open: for tests that watch it run. */
export function spawnModule(name: ModuleName, simDir: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [moduleBundle(name)], { env: moduleEnv({ simDir, env }), stdio: ['pipe', 'pipe', 'pipe'] });
}

interface Collected {
  stdout: string;
  stderr: string;
  rc: number;
}

function spawnCollect(file: string, argv: string[], env: NodeJS.ProcessEnv, stdinText: string, opts: ModuleRunOptions): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`module ${argv[0]} did not finish within ${opts.timeoutMs ?? 60_000} ms`));
    }, opts.timeoutMs ?? 60_000);
    if (opts.slowReader) {
      // Nobody reads for a while: the child's writes back up in the pipe (64 KiB on Linux).
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 700);
    }
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(err).toString('utf8'), rc: code ?? (signal ? 128 : -1) });
    });
    child.stdin.on('error', () => undefined); // a module may exit before reading all of stdin
    child.stdin.end(stdinText);
  });
}

// ---- the simulator's call log: what ran on the host

export interface CallEntry {
  time: string;
  argv: string[];
  rc: number;
  ms: number;
  pid: number;
}

const QUERY_COMMANDS = new Set(['lspv', 'lsvg', 'lslv', 'getlvodm', 'getconf', 'bootinfo', 'oslevel', 'lslpp', 'lsmksysb', 'lsdev', 'lsattr', 'lqueryvg', 'ps']);

/**
 * A call that only reads: the query commands; bootlist only as `bootlist [-m mode] -o`; mount with
 * no argument (it lists); alt_rootvg_op only as `-q` (which disk holds the boot image, asked by
 * facts for a multi-disk alternate rootvg).
 */
export function isReadOnlyCall(argv: readonly string[]): boolean {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return false;
  if (QUERY_COMMANDS.has(cmd)) return true;
  if (cmd === 'mount') return rest.length === 0;
  if (cmd === 'bootlist') {
    const words = [...rest];
    const m = words.indexOf('-m');
    if (m >= 0) words.splice(m, 2);
    return words.length === 1 && words[0] === '-o';
  }
  if (cmd === 'alt_rootvg_op') return rest[0] === '-q';
  return false;
}

// ---- a simulated host driven through the modules

export interface ModuleHost extends SimHost {
  /** Run a bundled module against this host. */
  module(name: ModuleName, args: Record<string, unknown>, opts?: ModuleRunOptions): Promise<ModuleAnswer>;
  /** The same in check mode (and diff mode when asked). */
  check(name: ModuleName, args: Record<string, unknown>, diff?: boolean): Promise<ModuleAnswer>;
  /** A mark in the call log: calls made after it are callsSince(mark). */
  mark(): number;
  callsSince(mark: number): CallEntry[];
  /** argv of every call since the mark that is not a read-only query. */
  mutatingSince(mark: number): string[][];
  /** The raw lspv line of a disk, as AIX prints it. */
  lspvLine(disk: string): string;
  /** aixsim <sub> <dir> ...args, asserting it succeeds. */
  sim(sub: string, ...args: string[]): string;
  /** A folder beside the host (not inside it), removed with the host: scripts, images, args files. */
  scratch(): string;
  /** A small shell script in scratch() with this mode (0o755 for an executable one); its path. */
  scratchFile(name: string, mode?: number): string;
}

export function newModuleHost(...initOptions: string[]): ModuleHost {
  const h = newHost(...initOptions);
  const calls = (): CallEntry[] => h.calls();
  const scratch = (): string => {
    const dir = path.join(path.dirname(h.dir), 'scratch');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  return {
    ...h,
    module: (name, args, opts = {}) => runModuleBundle(name, args, { ...opts, simDir: h.dir }),
    check: (name, args, diff = false) => runModuleBundle(name, { ...args, _ansible_check_mode: true, ...(diff ? { _ansible_diff: true } : {}) }, { simDir: h.dir }),
    mark: () => calls().length,
    callsSince: (mark) => calls().slice(mark),
    mutatingSince: (mark) =>
      calls()
        .slice(mark)
        .filter((c) => !isReadOnlyCall(c.argv))
        .map((c) => c.argv),
    lspvLine: (disk) => {
      const r = h.run('lspv');
      assert.equal(r.rc, 0, r.stderr);
      const line = r.stdout.split('\n').find((l) => l.split(/\s+/)[0] === disk);
      assert.ok(line !== undefined, `lspv lists no ${disk}:\n${r.stdout}`);
      return line;
    },
    scratch,
    scratchFile: (name, mode = 0o644) => {
      const file = path.join(scratch(), name);
      fs.writeFileSync(file, '#!/bin/sh\n');
      fs.chmodSync(file, mode);
      return file;
    },
    sim: (sub, ...args) => {
      const r = aixsim([sub, h.dir, ...args]);
      assert.equal(r.rc, 0, `aixsim ${sub} ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    },
  };
}

/** A fresh host for the body, removed afterwards whatever happens. */
export async function withModuleHost(initOptions: string[], body: (h: ModuleHost) => Promise<void>): Promise<void> {
  const h = newModuleHost(...initOptions);
  try {
    await body(h);
  } finally {
    h.cleanup();
  }
}

/** Typed reads of an answer's keys (the answer is untyped JSON). */
export function msgOf(a: ModuleAnswer): string {
  assert.equal(typeof a.json.msg, 'string', `no msg in ${JSON.stringify(a.json).slice(0, 400)}`);
  return a.json.msg as string;
}

/** Assert a successful answer: exit 0, no failed key. */
export function assertOk(a: ModuleAnswer, what = 'the module'): void {
  assert.equal(a.json.failed, undefined, `${what} failed: ${JSON.stringify(a.json.msg)}`);
  assert.equal(a.rc, 0, `${what}: exit code ${a.rc} for a success`);
}

/** Assert a failed answer: exit 1, failed: true, changed a boolean, a msg. */
export function assertFailed(a: ModuleAnswer, what = 'the module'): string {
  assert.equal(a.json.failed, true, `${what} should have failed: ${JSON.stringify(a.json).slice(0, 600)}`);
  assert.equal(a.rc, 1, `${what}: exit code ${a.rc} for a failure`);
  return msgOf(a);
}

/** Run `fn` over items with at most `limit` in flight, in order of the items. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
