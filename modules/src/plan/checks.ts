import type { DiskFacts, HostFacts } from '../facts/types.js';
import type { PathProbe } from '../runtime/probe.js';
import type { Plan } from './types.js';
import { ModuleFailure } from '../runtime/failure.js';

// Checks shared by the planners. Each failure says what is wrong on this host and what to do;
// all of them run before any command that changes the host.

export function fail(msg: string, extra: Record<string, unknown> = {}): never {
  throw new ModuleFailure(msg, extra);
}

export function sameDisks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}

export function levelText(f: HostFacts): string {
  return f.oslevel.sp ?? f.oslevel.tl ?? f.oslevel.base;
}

/** Which command generation to use: the modern split commands from AIX 5.3, alt_disk_install below. */
export function useLegacy(f: HostFacts, command: string, modernName: string): boolean {
  if (command === 'alt_disk_install') return true;
  if (command === modernName && f.generation === 'legacy') {
    fail(`command: ${modernName} does not exist below AIX 5.3 (this host runs ${levelText(f)}); use command: auto or alt_disk_install`);
  }
  return f.generation === 'legacy';
}

export function requireFileset(f: HostFacts, which: 'rte' | 'bootImages', forWhat: string): void {
  const name = which === 'rte' ? 'bos.alt_disk_install.rte' : 'bos.alt_disk_install.boot_images';
  const level = which === 'rte' ? f.altDiskFilesets.rte : f.altDiskFilesets.bootImages;
  if (level === null) {
    fail(`${name} is not installed on this host (lslpp: 0504-132), and ${forWhat} needs it. Install it from the AIX base media at the running level (${levelText(f)}), e.g. installp -acgXd <media> ${name}`);
  }
}

/** The disks named in an option, each known to lspv. */
export function knownDisks(f: HostFacts, names: readonly string[], option: string): DiskFacts[] {
  return names.map((n) => {
    const d = f.disks.find((x) => x.name === n);
    if (!d) fail(`${option}: ${n} does not exist on this host (lspv lists ${f.disks.map((x) => x.name).join(', ') || 'no disks'})`);
    return d;
  });
}

export interface PathRule {
  option: string;
  value: string | undefined;
  /** file: must be a readable file; dir: a directory; source: a file or a device; dir_or_device. */
  kind: 'file' | 'dir' | 'source' | 'dir_or_device';
  executable?: boolean;
}

/**
 * Every named file is there and usable. In check mode a file that does not exist yet is a
 * warning (an earlier task of the same run, a copy or a template, may create it: class 5); the
 * warnings are returned for the plan.
 */
export function checkPaths(rules: PathRule[], probe: PathProbe, checkMode = false): string[] {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const r of rules) {
    if (!r.value) continue;
    const p = probe(r.value);
    if (!p.exists) {
      if (checkMode) {
        warnings.push(`check mode: ${r.option}: ${r.value} does not exist yet; this prediction assumes that an earlier task of this run (a copy or template task) creates it. A real run fails unless one does.`);
      } else errors.push(`${r.option}: ${r.value} does not exist`);
      continue;
    }
    const ok =
      r.kind === 'file' ? p.kind === 'file' : r.kind === 'dir' ? p.kind === 'directory' : r.kind === 'source' ? p.kind === 'file' || p.kind === 'device' : p.kind === 'directory' || p.kind === 'device';
    const want = { file: 'a file', dir: 'a directory', source: 'a file or a tape device', dir_or_device: 'a directory or a device' }[r.kind];
    if (!ok) errors.push(`${r.option}: ${r.value} is not ${want}`);
    else if (!p.readable) errors.push(`${r.option}: ${r.value} is not readable`);
    else if (r.executable && !p.executable) errors.push(`${r.option}: ${r.value} is not executable (AIX requires it; chmod +x ${r.value})`);
  }
  if (errors.length) fail(errors.join('; '));
  return warnings;
}

/** The plan with more warnings in front of its own. */
export function withWarnings(plan: Plan, warnings: string[]): Plan {
  return warnings.length ? { ...plan, warnings: [...warnings, ...plan.warnings] } : plan;
}

/** Size needed for one copy of rootvg (a mirror is cloned as a single copy). */
export function rootvgNeed(f: HostFacts): { usedMb: number; totalMb: number } {
  const r = f.rootvg;
  const copies = Math.max(1, r.copies);
  return { usedMb: Math.ceil((r.usedPps / copies) * r.ppSizeMb), totalMb: Math.ceil((r.totalPps / copies) * r.ppSizeMb) };
}

export function describeAltinst(f: HostFacts): string {
  const a = f.altRootvg;
  const where = a.disks.length ? ` on ${a.disks.join(' ')}` : '';
  switch (a.state) {
    case 'phase1':
      return a.variedOn
        ? `an unfinished altinst_rootvg${where} (phase 1 done, /alt_inst still mounted)`
        : `an unfinished altinst_rootvg${where} (phase 1 done, varied off by a reboot since; phase 2 or 3 mounts it again)`;
    case 'incomplete':
      return `a half-made altinst_rootvg${where} (${a.problem ?? 'its copy did not finish'}), which cannot boot`;
    case 'in-progress':
      return `an altinst_rootvg${where} that an alternate-disk command is working on now (${a.problem ?? 'in progress'})`;
    case 'awake':
      return `a woken-up altinst_rootvg${where} (alt_rootvg_op -W, /alt_inst mounted)`;
    case 'complete':
      return `a complete altinst_rootvg${where}`;
    case 'varied-on-by-hand':
      return `an altinst_rootvg${where} that was varied on by hand (varyonvg; AIX says never to do that)`;
    default:
      return 'no altinst_rootvg';
  }
}

/** An alternate-disk operation is running: nothing may be planned on top of it, and nothing is advised but waiting. */
export function refuseWhileInProgress(f: HostFacts, what: string): void {
  const op = f.operations[0];
  if (!op) return;
  fail(`an alternate-disk operation is in progress on this host: ${op.command} (pid ${op.pid}${op.by === 'altdisk' ? ', an altdisk task' : ''}). Nothing was run; run ${what} again when that operation has finished (altdisk.aix.facts shows when).`, {
    altinst_state: f.altRootvg.state,
    in_progress: op,
  });
}

/** Each target must be free now, or be freed by this task (force); a precise reason otherwise. */
export function requireFreeTargets(f: HostFacts, targets: readonly string[], freeing: readonly string[]): DiskFacts[] {
  const disks = knownDisks(f, targets, 'targets');
  for (const d of disks) {
    if (d.free || freeing.includes(d.name)) continue;
    if (d.unavailable) fail(`targets: ${d.name} cannot be used: ${d.unavailable}. Check the disk (lsdev -Cc disk shows it Defined when it is gone) or choose another one.`);
    if (d.vg === 'old_rootvg') {
      fail(`targets: ${d.name} holds old_rootvg, the former rootvg you can still boot back to. Remove it first if you no longer need it (altdisk.aix.cleanup with volume_group: old_rootvg); force never removes it.`);
    }
    if (d.vg) fail(`targets: ${d.name} is in volume group ${d.vg} (AIX would refuse with 0505-126: target disk ${d.name} has a volume group assigned to it). Choose a disk that lspv shows with None.`);
    if (d.exportedVg) {
      fail(`targets: ${d.name} shows None in lspv, but its VGDA still lists the logical volumes ${d.exportedVg.lvs.slice(0, 6).join(', ')}${d.exportedVg.lvs.length > 6 ? ', ...' : ''} (lqueryvg -p ${d.name} -L): an exported volume group, whose data the clone would overwrite. Import it (importvg) if it is needed, or clear it (chpv -C ${d.name}) if it is not, then run again.`);
    }
    fail(`targets: ${d.name} shows None in lspv but the ODM still places it in a volume group (getlvodm -j); clear it (chpv -C ${d.name}) or choose another disk`);
  }
  return disks;
}

/** Named targets that hold a rootvg copy lspv does not show (AIX 4.3): allowed, never silently. */
export function rootvgCopyWarnings(disks: readonly DiskFacts[]): string[] {
  return disks
    .filter((d) => d.rootvgCopy)
    .map((d) => `targets: ${d.name} shows no volume group, but holds a rootvg copy (lqueryvg -p ${d.name} -L lists hd5): on AIX 4.3 that is how the former rootvg you could boot back to looks; it is overwritten.`);
}

/** How to change a complete alternate rootvg on this host: wake-up exists from AIX 5.3 on. */
export function changeCompleteAdvice(f: HostFacts, disk: string): string {
  const again = 'or start again (force: true on altdisk.aix.clone or altdisk.aix.mksysb_install removes it first)';
  return f.generation === 'legacy' ? `remove it (alt_disk_install -X) and start again; force: true on altdisk.aix.clone or altdisk.aix.mksysb_install does that` : `wake it up (alt_rootvg_op -W -d ${disk}) and customize it, ${again}`;
}
