import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { aixsim, newHost, tmpDir, type Run, type SimHost } from './sim.js';
import type { HostState } from '../../simulator/src/state/types.js';

// Shared by the alternate-disk lifecycle tests: hosts that clean up after themselves, the lspv
// parser IBM's module uses, scratch files (scripts, resolv.conf) and slow commands run in the background.

/** Scratch folders made by scratchFile/scratchDir (also just before withHost, e.g. a profile file),
 *  removed when the test's host is cleaned up. Tests of one file run one after the other. */
const scratch: string[] = [];

export function withHost(options: string[], body: (h: SimHost) => void | Promise<void>): Promise<void> {
  const h = newHost(...options);
  return Promise.resolve()
    .then(() => body(h))
    .finally(() => {
      h.cleanup();
      for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    });
}

/** A scratch folder (not inside the host), removed with the test's host. */
export function scratchDir(prefix = 'altdisk-scratch-'): string {
  const d = tmpDir(prefix);
  scratch.push(d);
  return d;
}

export function hostState(h: SimHost): HostState {
  return JSON.parse(fs.readFileSync(path.join(h.dir, 'state.json'), 'utf8')) as HostState;
}

/** IBM alt_disk.py's lspv regex [V §23]. */
const IBM_LSPV = /^(hdisk\S+)\s+(\S+)\s+(\S+)\s*(\S*)/;

export interface LspvRow {
  name: string;
  pvid: string;
  vg: string;
  state: string;
}

export function lspvRows(h: SimHost): LspvRow[] {
  const r = h.run('lspv');
  if (r.rc !== 0) throw new Error(`lspv failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = IBM_LSPV.exec(l);
      if (!m) throw new Error(`lspv row does not parse: ${l}`);
      return { name: m[1]!, pvid: m[2]!, vg: m[3]!, state: m[4]! };
    });
}

export function lspvRow(h: SimHost, disk: string): LspvRow {
  const row = lspvRows(h).find((r) => r.name === disk);
  if (!row) throw new Error(`lspv has no ${disk}`);
  return row;
}

/** The aixsim CLI against this host. */
export function cli(h: SimHost, sub: string, ...args: string[]): Run {
  return aixsim([sub, h.dir, ...args]);
}

export function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/** A scratch file (not inside the host), executable when asked. */
export function scratchFile(name: string, text: string, executable = false): string {
  const file = path.join(scratchDir(), name);
  fs.writeFileSync(file, text);
  if (executable) fs.chmodSync(file, 0o755);
  return file;
}

/** A file of an OS image by id, e.g. imageFile(h, 'img7', '/etc/resolv.conf'). */
export function imageFile(h: SimHost, imageId: string, aixPath: string): string {
  const s = hostState(h);
  return path.join(h.dir, s.images[imageId]!.fsDir, aixPath.replace(/^\/+/, ''));
}

/** The image carried by the volume group on a disk. */
export function imageOfDisk(h: SimHost, disk: string): string {
  const s = hostState(h);
  const d = s.disks.find((x) => x.name === disk)!;
  return s.vgdas[d.vgid!]!.imageId!;
}

export function altLog(h: SimHost): string {
  return h.file('/var/adm/ras/alt_disk_inst.log');
}

export interface Background {
  /** stdout lines with the milliseconds since start they arrived at. */
  lines: { at: number; text: string }[];
  done: Promise<Run>;
  pid: number;
}

/** Start a host command without waiting; stdout lines are time-stamped as they arrive. */
export function startCommand(h: SimHost, env: NodeJS.ProcessEnv, command: string, ...args: string[]): Background {
  const started = Date.now();
  const p = spawn(path.join(h.dir, 'bin', command), args, { env: { ...process.env, PATH: `${h.dir}/bin:${process.env.PATH}`, ...env } });
  const out: { at: number; text: string }[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  p.stdout.on('data', (d: Buffer) => {
    stdout += d;
    partial += d;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const text of parts) out.push({ at: Date.now() - started, text });
  });
  p.stderr.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<Run>((resolve, reject) => {
    p.on('error', reject);
    p.on('close', (code) => resolve({ stdout, stderr, rc: code ?? -1 }));
  });
  return { lines: out, done, pid: p.pid! };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Poll until `check` is true (or fail after `timeoutMs`). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The logical volumes of the default aix73 rootvg, in VGDA order. */
export const DEFAULT_ROOTVG_LVS = ['hd5', 'hd6', 'hd8', 'hd4', 'hd2', 'hd9var', 'hd3', 'hd1', 'hd10opt', 'hd11admin', 'lg_dumplv', 'livedump'];
/** Its mounted file systems below /, in the order the transcripts create them. */
export const DEFAULT_ROOTVG_MOUNTS = ['/admin', '/home', '/opt', '/tmp', '/usr', '/var', '/var/adm/ras/livedump'];

/** The §7 clone transcript of the default aix73 rootvg onto `disk` (phase 1 + 3, no flags). */
export function cloneTranscript(disk: string): string[] {
  const lvs = DEFAULT_ROOTVG_LVS;
  const mounts = DEFAULT_ROOTVG_MOUNTS;
  return [
    'Calling mkszfile to create new /image.data file.',
    'Checking disk sizes.',
    'Creating cloned rootvg volume group and associated logical volumes.',
    ...lvs.map((lv) => `Creating logical volume alt_${lv}.`),
    'Creating /alt_inst/ file system.',
    ...mounts.map((m) => `Creating /alt_inst${m} file system.`),
    'Generating a list of files',
    'for backup and restore into the alternate file system...',
    'Backing-up the rootvg files and restoring them to the',
    'alternate file system...',
    'Modifying ODM on cloned disk.',
    'Building boot image on cloned disk.',
    'Changing logical volume names in volume group descriptor area.',
    'Fixing LV control blocks...',
    ...[...mounts].reverse().flatMap((m) => [`forced unmount of /alt_inst${m}`, `forced unmount of /alt_inst${m}`]),
    'forced unmount of /alt_inst',
    'forced unmount of /alt_inst',
    'Fixing file system superblocks...',
    `Bootlist is set to the boot disk: ${disk} blv=hd5`,
  ];
}
