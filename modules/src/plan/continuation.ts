import type { HostFacts } from '../facts/types.js';
import type { Plan } from './types.js';
import { flagValue, hasFlag } from '../facts/parse/alt-disk-log.js';
import { altDiskCopyArgv, altDiskInstallArgv, altDiskMksysbArgv, type AltDiskFlags } from './argv.js';
import { changeCompleteAdvice, describeAltinst, fail, sameDisks } from './checks.js';
import { predictPhase3 } from './altinst.js';
import { summarize } from './summary.js';

// Phase 2 and/or 3 on the altinst_rootvg a phase-1 run left behind (clone, mksysb_install and phase
// all continue this way). The command that made it decides which command continues it: the newest
// alt_disk_inst.log record that mounted it (alt_disk_copy, alt_disk_mksysb -m <image>, alt_disk_install).

export interface Continuation {
  phase: '2' | '3' | '23';
  targets?: string[];
  legacy: boolean;
  /** The mksysb image, when the caller knows it (mksysb_install). */
  source?: string;
  /** Phase-2 options and -B/-r/-V/-D; targets and phase are filled in here. */
  flags: AltDiskFlags;
}

const INSTALLP: (keyof AltDiskFlags)[] = ['bundle', 'fixBundle', 'fixes', 'filesets', 'installpFlags', 'imagesLocation'];

type Origin = { kind: 'clone' } | { kind: 'mksysb'; source: string | null } | { kind: 'unknown' };

function originOf(f: HostFacts): Origin {
  const r = f.altRootvg.madeBy;
  if (!r) return { kind: 'unknown' };
  if (r.program === 'alt_disk_copy') return { kind: 'clone' };
  if (r.program === 'alt_disk_mksysb') return { kind: 'mksysb', source: flagValue(r.words, 'm') };
  if (r.program === 'alt_disk_install') return hasFlag(r.words, 'C') ? { kind: 'clone' } : { kind: 'mksysb', source: flagValue(r.words, 'd') };
  return { kind: 'unknown' };
}

export function planContinuation(c: Continuation, f: HostFacts): Plan {
  const alt = f.altRootvg;
  if (alt.state === 'none') {
    fail(`there is no altinst_rootvg on this host, so phase ${c.phase} has nothing to continue: start with phase 1 (altdisk.aix.clone or altdisk.aix.mksysb_install with phase: "1" or "12")`);
  }
  if (c.targets && !sameDisks(c.targets, alt.disks)) {
    fail(`targets: altinst_rootvg is on ${alt.disks.join(' ')}, not on ${c.targets.join(' ')}`);
  }
  if (alt.state === 'awake') {
    fail(`${describeAltinst(f)} cannot go through phase ${c.phase}: a woken-up volume group is put back to sleep with alt_rootvg_op -S before it can boot`);
  }
  if (alt.state === 'varied-on-by-hand') {
    fail(`${describeAltinst(f)}: its logical volumes are not in the ODM, so no phase can run on it. Remove it (altdisk.aix.cleanup) and clone again.`);
  }
  if (alt.state === 'complete') {
    if (c.phase === '3') {
      return { commands: [], msg: `altinst_rootvg on ${alt.disks.join(' ')} is already complete: phase 3 has nothing to do`, warnings: [], predicted: summarize(f), result: { targets: alt.disks } };
    }
    fail(`altinst_rootvg on ${alt.disks.join(' ')} is complete (phase 3 done): phase 2 can no longer run on it. To change it, ${changeCompleteAdvice(f, alt.bootDisk ?? alt.disks[0]!)}.`);
  }

  const origin = originOf(f);
  const wantsInstallp = INSTALLP.some((k) => c.flags[k] !== undefined);
  const flags: AltDiskFlags = { ...c.flags, targets: alt.disks, phase: c.phase };
  const warnings: string[] = [];
  let argv: string[];
  if (origin.kind === 'mksysb' || c.source) {
    if (wantsInstallp) {
      fail('bundle, fix_bundle, fixes, filesets, installp_flags and images_location apply to clones only: phase 2 of a mksysb install runs the script, resolv_conf and the NIM files');
    }
    const source = c.source ?? (origin.kind === 'mksysb' ? origin.source : null);
    if (!source) {
      fail('cannot tell which mksysb image made altinst_rootvg (its alt_disk_inst.log record names none): continue it with altdisk.aix.mksysb_install giving source and phase');
    }
    flags.source = source;
    argv = c.legacy ? altDiskInstallArgv('mksysb', flags) : altDiskMksysbArgv(flags);
  } else {
    if (origin.kind === 'unknown') {
      warnings.push('/var/adm/ras/alt_disk_inst.log does not say which command made altinst_rootvg: continuing it as a clone');
    }
    argv = c.legacy ? altDiskInstallArgv('clone', flags) : altDiskCopyArgv(flags);
  }
  const predicted = c.phase === '2' ? summarize(f) : predictPhase3(summarize(f), f, !c.flags.noBootlist, c.flags.reboot === true);
  return {
    commands: [{ argv, why: `phase ${c.phase} on altinst_rootvg (${alt.disks.join(' ')})` }],
    msg: `phase ${c.phase} run on altinst_rootvg (${alt.disks.join(' ')})`,
    warnings,
    predicted,
    result: { targets: alt.disks, cmd: argv },
  };
}
