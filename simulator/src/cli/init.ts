import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildHost } from '../state/build.js';
import { builtinProfile, type DiskSpec, type ProfileSpec } from '../state/profiles.js';
import { writeState } from '../state/store.js';
import { availableCommands } from '../commands/registry.js';
import { installHostPrograms } from './host-programs.js';
import { checkKnown, flag, opt, optAll, parseCli } from './args.js';
import { generationOf } from '../state/profiles.js';
import { loadTwinPlan } from '../twin/load.js';
import { replayTwin } from '../twin/replay.js';

export const SPEEDS: Record<string, number> = { instant: 0, demo: 0.02, realistic: 1 };

export function parseSpeed(v: string | undefined): number {
  if (v === undefined) return 0;
  if (v in SPEEDS) return SPEEDS[v]!;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`aixsim: --speed takes instant, demo, realistic or a factor >= 0, not "${v}"`);
  return n;
}

function loadProfile(ref: string): ProfileSpec {
  if (ref.endsWith('.json') || fs.existsSync(ref)) {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(fs.readFileSync(ref, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`aixsim: cannot read profile ${ref}: ${(e as Error).message}`);
    }
    const base = typeof raw.base === 'string' ? builtinProfile(raw.base) : null;
    const merged = { ...(base ?? {}), ...raw } as Partial<ProfileSpec> & { base?: string };
    delete merged.base;
    if (!merged.name) merged.name = path.basename(ref, '.json');
    for (const key of ['hostname', 'level', 'disks', 'rootvg'] as const) {
      if (merged[key] === undefined) throw new Error(`aixsim: profile ${ref} lacks "${key}" (or name a built-in "base")`);
    }
    const rootDisks = merged.rootvg!.disks;
    return {
      platform: 'chrp',
      hardwareBits: 64,
      kernelBits: 64,
      realMemoryKb: 8388608,
      datavgs: [],
      altDisk: { rte: 'running', bootImages: 'running' },
      nimClient: false,
      bootlist: rootDisks.slice(0, 1),
      ...merged,
    } as ProfileSpec;
  }
  return builtinProfile(ref);
}

function parseDisk(spec: string): DiskSpec {
  const m = /^(hdisk\d+):(\d+)(?::(none|auto|[0-9a-fA-F]{16}))?$/.exec(spec);
  if (!m) throw new Error(`aixsim: --disk takes NAME:SIZE_MB[:none|auto|PVID], e.g. hdisk5:81920 or hdisk6:20480:none, not "${spec}"`);
  return { name: m[1]!, sizeMb: Number(m[2]), pvid: m[3] ?? 'auto' };
}

export function applyOptions(profile: ProfileSpec, a: ReturnType<typeof parseCli>): ProfileSpec {
  const p: ProfileSpec = structuredClone(profile);
  const level = opt(a, 'level');
  if (level) {
    if (generationOf(level) !== generationOf(p.level)) {
      throw new Error(`aixsim: --level ${level} changes the command generation of profile ${p.name}; pick a matching profile`);
    }
    p.level = level;
  }
  const hostname = opt(a, 'hostname');
  if (hostname) p.hostname = hostname;
  for (const d of optAll(a, 'disk').map(parseDisk)) {
    const i = p.disks.findIndex((x) => x.name === d.name);
    if (i >= 0) p.disks[i] = { ...p.disks[i]!, ...d };
    else p.disks.push(d);
  }
  if (flag(a, 'mirrored')) {
    const second = p.disks.find((d) => !p.rootvg.disks.includes(d.name) && !p.datavgs.some((v) => v.disks.includes(d.name)));
    if (!second) throw new Error('aixsim: --mirrored needs a free disk to mirror rootvg onto');
    p.rootvg = { ...p.rootvg, disks: [p.rootvg.disks[0]!, second.name], copies: 2 };
    p.bootlist = [p.rootvg.disks[0]!, second.name];
  }
  for (const f of optAll(a, 'no-fileset')) {
    if (f === 'rte' || f === 'bos.alt_disk_install.rte') p.altDisk.rte = null;
    else if (f === 'boot_images' || f === 'bos.alt_disk_install.boot_images') p.altDisk.bootImages = null;
    else throw new Error(`aixsim: --no-fileset takes rte or boot_images, not "${f}"`);
  }
  const rte = opt(a, 'rte-level');
  if (rte) p.altDisk.rte = rte;
  const bi = opt(a, 'boot-images-level');
  if (bi) p.altDisk.bootImages = bi;
  return p;
}

/** Create a host in `dir`; `program` is the simulator bundle its commands link to (this one by default). */
export function createHost(dir: string, profile: ProfileSpec, speed: number, force: boolean, program: string = __filename): void {
  const abs = path.resolve(dir);
  if (fs.existsSync(path.join(abs, 'state.json'))) {
    if (!force) throw new Error(`aixsim: ${abs} already holds a simulated host; add --force to replace it`);
    for (const sub of ['state.json', 'state.lock', 'bin', 'lib', 'fs', 'root', 'alt_inst', 'run', 'calls.log', 'console.log']) {
      fs.rmSync(path.join(abs, sub), { recursive: true, force: true });
    }
  }
  const { state, files } = buildHost(profile, speed);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(abs, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  installHostPrograms(abs, program, availableCommands(state.generation));
  // <dir>/root is "/" of the running system: the modules read /etc/filesystems through it.
  const running = state.images[state.vgdas[state.booted.vgid]!.imageId!]!;
  fs.symlinkSync(running.fsDir, path.join(abs, 'root'));
  writeState(abs, state);
  fs.writeFileSync(path.join(abs, 'calls.log'), '');
}

/** `aixsim init` without its message: also what tests call in-process (with the bundle as `program`). */
export function initHost(argv: string[], program: string = __filename): { dir: string; profile: ProfileSpec; twin: { from: string; notes: string[] } | null } {
  const a = parseCli(argv, ['mirrored', 'force']);
  checkKnown(a, ['profile', 'speed', 'level', 'hostname', 'mirrored', 'disk', 'no-fileset', 'rte-level', 'boot-images-level', 'force', 'from-facts'], 'init');
  const dir = a.positional[0];
  if (!dir || a.positional.length > 1) throw new Error('aixsim init: give exactly one folder: aixsim init <dir> [--profile NAME]');
  // A twin of a real host: its facts make the profile, and AIX commands replayed on it the rest.
  const from = opt(a, 'from-facts');
  const twin = from ? loadTwinPlan(from, opt(a, 'hostname')) : null;
  const profile = applyOptions(twin ? twin.profile : loadProfile(opt(a, 'profile') ?? 'aix73'), a);
  createHost(dir, profile, parseSpeed(opt(a, 'speed')), flag(a, 'force'), program);
  if (twin) replayTwin(path.resolve(dir), twin.steps);
  return { dir: path.resolve(dir), profile, twin: twin && from ? { from, notes: twin.notes } : null };
}

export function init(argv: string[]): number {
  const { dir: abs, profile, twin } = initHost(argv);
  const level = profile.level;
  process.stdout.write(
    [
      `Simulated AIX host "${profile.hostname}" (profile ${profile.name}, level ${level}) created in ${abs}`,
      '',
      `  From a shell:         export PATH=${abs}/bin:$PATH     (then: lspv, lsvg rootvg, bootlist -m normal -o, ...)`,
      `  For the altdisk modules: export ALTDISK_SIM_HOST=${abs}`,
      '',
      `  Boot it again:        aixsim reboot ${abs}`,
      `  Inject a failure:     aixsim fault ${abs} phase1-space`,
      ...(twin ? ['', `A twin built from ${twin.from}${twin.notes.length ? '; where it differs:' : ''}`, ...twin.notes.map((n) => `  - ${n}`)] : []),
      '',
    ].join('\n'),
  );
  return 0;
}
