import type { HostFacts } from '../facts/types.js';
import type { ParamsOf } from '../schema/types.js';
import type { cloneSpec } from '../specs/clone.js';
import type { PathProbe } from '../runtime/probe.js';
import { REAL_RUN, type Plan, type PlanContext, type PlannedCommand } from './types.js';
import { isCloneCandidate, rootvgSizeNeed, selectDisks } from '../facts/size.js';
import { altDiskCopyArgv, altDiskInstallArgv, phase2Flags, type AltDiskFlags } from './argv.js';
import { checkPaths, describeAltinst, fail, requireFileset, requireFreeTargets, rootvgCopyWarnings, useLegacy, withWarnings } from './checks.js';
import { planContinuation } from './continuation.js';
import { clearHalfMadeCommands, decideExisting, finishFailedBootlist, predictNewAltinst, removeAltinstCommand } from './altinst.js';
import { summarize } from './summary.js';
import { guardBootlist } from './boot-guard.js';

export type CloneParams = ParamsOf<typeof cloneSpec>;

// planClone: from the options and the facts to the exact commands. The order of the checks is the
// contract: everything that can be known before touching the host is checked first, and an existing
// altinst_rootvg is removed (force) only once every other check has passed.

const MODERN_ONLY: [keyof CloneParams, string][] = [
  ['device_reset', '-O'],
  ['console', '-c'],
  ['first_boot_script', '-x'],
  ['skip_bootable_check', '-g'],
  ['convert_jfs', '-T'],
  ['skip_space_check', '-S'],
];

function flagsOf(p: CloneParams, targets: string[]): AltDiskFlags {
  return {
    ...phase2Flags(p),
    targets,
    imageData: p.image_data,
    excludeList: p.exclude_list,
    phase: p.phase,
    console: p.console,
    firstBootScript: p.first_boot_script,
    debug: p.debug,
    noBootlist: !p.bootlist,
    deviceReset: p.device_reset,
    verbose: p.verbose,
    skipBootableCheck: p.skip_bootable_check,
    reboot: p.reboot,
    convertJfs: p.convert_jfs,
    skipSpaceCheck: p.skip_space_check,
  };
}

function checkClonePaths(p: CloneParams, probe: PathProbe, checkMode: boolean): string[] {
  return checkPaths(
    [
      { option: 'image_data', value: p.image_data, kind: 'file' },
      { option: 'script', value: p.script, kind: 'file', executable: true },
      { option: 'resolv_conf', value: p.resolv_conf, kind: 'file' },
      { option: 'exclude_list', value: p.exclude_list, kind: 'file' },
      { option: 'first_boot_script', value: p.first_boot_script, kind: 'file', executable: true },
      { option: 'fix_bundle', value: p.fix_bundle, kind: 'file' },
      { option: 'bundle', value: p.bundle === 'update_all' ? undefined : p.bundle, kind: 'file' },
      { option: 'images_location', value: p.images_location, kind: 'dir_or_device' },
    ],
    probe,
    checkMode,
  );
}

function chooseTargets(p: CloneParams, f: HostFacts, freeing: string[]): string[] {
  if (p.targets) return p.targets;
  const candidates = f.disks.filter((d) => isCloneCandidate(d) || freeing.includes(d.name)).map((d) => ({ name: d.name, sizeMb: d.sizeMb }));
  const copies = f.disks.filter((d) => d.rootvgCopy).map((d) => d.name);
  const pick = selectDisks(p.disk_size_policy!, candidates, rootvgSizeNeed(f.rootvg));
  if (!pick.ok) {
    const left = copies.length ? ` Left out: ${copies.join(', ')}, which show no volume group but hold a rootvg copy (lqueryvg -p <disk> -L lists hd5), the former rootvg you can boot back to; name one in targets to overwrite it.` : '';
    fail(`disk_size_policy ${p.disk_size_policy}: ${pick.reason}${left}`);
  }
  return pick.disks;
}

function checkTargetsFree(p: CloneParams, f: HostFacts, targets: string[], freeing: string[]): string[] {
  const warnings: string[] = [];
  const disks = requireFreeTargets(f, targets, freeing);
  warnings.push(...rootvgCopyWarnings(disks));
  const need = rootvgSizeNeed(f.rootvg);
  const total = disks.reduce((n, d) => n + (d.sizeMb ?? 0), 0);
  if (!p.skip_space_check && disks.every((d) => d.sizeMb !== null)) {
    if (total < need.usedMb) {
      fail(`targets: ${targets.join(' ')} hold ${total} MB, less than the ${need.usedMb} MB of rootvg in use: the clone would fail in phase 1 (0516-404 allocp). Choose larger disks.`);
    }
    if (total < need.totalMb) warnings.push(`targets ${targets.join(' ')} (${total} MB) are smaller than rootvg (${need.totalMb} MB): the clone fits the ${need.usedMb} MB in use but cannot grow to rootvg's full size.`);
  }
  return warnings;
}

export function planClone(p: CloneParams, f: HostFacts, probe: PathProbe, ctx: PlanContext = REAL_RUN): Plan {
  const legacy = useLegacy(f, p.command, 'alt_disk_copy');
  const command = legacy ? 'alt_disk_install' : 'alt_disk_copy';
  if (legacy) {
    const unsupported = MODERN_ONLY.filter(([k]) => p[k] !== undefined && p[k] !== false).map(([k, flag]) => `${String(k)} (${flag})`);
    if (unsupported.length) {
      fail(`${unsupported.join(', ')}: alt_disk_install has no such flag${f.generation === 'legacy' ? ` below AIX 5.3 (this host runs ${f.oslevel.base})` : ' (the 5.3+ wrapper takes only the old flags); use command: alt_disk_copy'}`);
    }
  }
  requireFileset(f, 'rte', `cloning rootvg (${command})`);
  return withWarnings(planCloneOn(p, f, ctx, legacy), checkClonePaths(p, probe, ctx.checkMode));
}

/** The clone once the options are known to be usable on this host. */
function planCloneOn(p: CloneParams, f: HostFacts, ctx: PlanContext, legacy: boolean): Plan {
  const includesPhase1 = p.phase === '1' || p.phase === '12' || p.phase === 'all';
  if (!includesPhase1) {
    return planContinuation(
      { phase: p.phase as '2' | '3' | '23', targets: p.targets, legacy, flags: flagsOf(p, p.targets ?? []) },
      f,
      ctx,
    );
  }

  const existing = decideExisting(f, { targets: p.targets, phase: p.phase, force: p.force, sameOrigin: true, what: 'clone' }, ctx);
  if ('done' in existing) {
    const left = p.phase === 'all' ? finishFailedBootlist(f, (legacy ? altDiskInstallArgv('clone', flagsOf(p, f.altRootvg.disks)) : altDiskCopyArgv(flagsOf(p, f.altRootvg.disks))), p.bootlist) : null;
    if (left) return left;
    existing.done.warnings.push(...bootlistWarning(p, f, p.phase === 'all' && f.altRootvg.state === 'complete'));
    return existing.done;
  }
  const freeing = existing.freeing;
  const commands: PlannedCommand[] = [];
  const warnings: string[] = [];

  const targets = chooseTargets(p, f, freeing);
  warnings.push(...checkTargetsFree(p, f, targets, freeing));
  if (f.rootvg.copies > 1) warnings.push(`rootvg is mirrored (${f.rootvg.copies} copies): the clone on ${targets.join(' ')} is a single copy; mirror it after booting it if you need to.`);

  // Never overwrite or remove what the normal boot list starts: the boot list goes back to the running rootvg first.
  const guard = guardBootlist(f, [...new Set([...freeing, ...targets])], freeing.length ? 'frees or overwrites' : 'overwrites');
  if (guard) commands.push(guard.command);
  if (freeing.length) commands.push(removeAltinstCommand(f, legacy, `force: remove ${describeAltinst(f)} before cloning`), ...clearHalfMadeCommands(f, targets));
  const flags = flagsOf(p, targets);
  const argv = legacy ? altDiskInstallArgv('clone', flags) : altDiskCopyArgv(flags);
  commands.push({ argv, why: `clone rootvg to ${targets.join(' ')}` });

  const now = summarize(f);
  if (guard) now.bootlist.normal = [...guard.list];
  const predicted = predictNewAltinst(now, f, { targets, freeing, phase: p.phase, bootlist: p.bootlist, reboot: p.reboot });
  return {
    commands,
    msg: `${freeing.length ? `altinst_rootvg on ${freeing.join(' ')} removed, then ` : ''}rootvg cloned to ${targets.join(' ')}${p.phase === 'all' ? '' : ` (phase ${p.phase})`}${guard ? `; ${guard.note}` : ''}`,
    warnings,
    predicted,
    result: { targets, cmd: argv, ...(guard ? { bootlist_set_to: guard.list } : {}) },
  };
}

function bootlistWarning(p: CloneParams, f: HostFacts, complete: boolean): string[] {
  const first = f.bootlists.normal[0]?.device ?? null;
  if (!complete || !p.bootlist || f.altRootvg.disks.includes(first ?? '')) return [];
  return [
    `the normal boot list starts with ${first ?? 'nothing'}, not with altinst_rootvg on ${f.altRootvg.disks.join(' ')}: the next reboot does not start the clone. Set it with altdisk.aix.bootlist when you want to boot it.`,
  ];
}
