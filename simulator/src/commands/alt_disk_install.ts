import type { CommandContext } from '../runtime/context.js';
import type { ParsedArgs } from '../runtime/getopt.js';
import { has, value } from '../runtime/getopt.js';
import { usageError } from './usage.js';
import { getoptPermuting, parsePhases } from '../altdisk/args.js';
import { ERR, USAGE_ERR } from '../altdisk/texts.js';
import { altDiskCopy } from './alt_disk_copy.js';
import { altDiskMksysb } from './alt_disk_mksysb.js';
import { altRootvgOp } from './alt_rootvg_op.js';

// alt_disk_install has two lives [V §2]: on AIX 4.3 it is the only command, with exactly the seed's
// syntax (-d is the mksysb DEVICE, -C clones, targets are positional, -X alone cleans up); on 5.3+
// it is a wrapper that hands the same syntax to alt_disk_copy / alt_disk_mksysb / alt_rootvg_op
// (mapping of §2.3), adding no function of its own.

/** [V §2.1] AIX 4.3 Commands Reference. */
export const LEGACY_USAGE = [
  'Usage: alt_disk_install -d device || -C [-i image.data] [-s script ] [-R resolv_conf ] [-D] [-B] [-V] [-r] [-pplatform ] [-Lmksysb_level ] [-bbundle_name ] [-I installp_flags ] [-l images_location ] [-f fix_bundle ] [-Ffixes ] [-e exclude_list ] [-w filesets ] [-n] [-P phase ] target_disks...',
  '       alt_disk_install -X',
];

/** [V §2.1] AIX 7.1/7.2/7.3 wrapper syntax. */
export const WRAPPER_USAGE = [
  'Usage: alt_disk_install { -d device | -C} [ -i image.data] [ -s script ] [ -R resolv_conf] [ -D] [ -B] [ -V] [ -r] [ -O ]',
  '[ -p platform ] [ -L mksysb_level ]',
  '[ -b bundle_name ] [ -I installp_flags ]',
  '[ -l images_location ] [ -f fix_bundle ]',
  '[ -F fixes ] [ -e exclude_list ] [ -w filesets ]',
  '[ -n] [ -P phase_option ] target_disks...',
  '       alt_disk_install -X [ volume_group]',
  '       alt_disk_install -q disk',
  '       alt_disk_install -S',
  '       alt_disk_install -v new_volume_group_name disk',
  '       alt_disk_install -W disk',
];

const LEGACY_SPEC = 'd:Ci:s:R:DBVrp:L:b:I:l:f:F:e:w:nP:X';
const WRAPPER_SPEC = 'd:Ci:s:R:DBVrOp:L:b:I:l:f:F:e:w:nP:Xq:Sv:W:';
/** [V seed] "The following flags are only valid for use when cloning the rootvg (-C)". */
const CLONE_ONLY = ['b', 'e', 'f', 'F', 'I', 'l', 'w'];
/** [V seed] -p/-L: "only valid for mksysb installs (-d flag)". */
const MKSYSB_ONLY = ['p', 'L'];
const NEED_L = ['b', 'f', 'F', 'w', 'I'];

function passThrough(p: ParsedArgs, drop: string[]): string[] {
  return p.flags.filter((f) => !drop.includes(f.flag)).flatMap((f) => (f.value === null ? [`-${f.flag}`] : [`-${f.flag}`, f.value]));
}

/** Usage rules common to both lives of the install form (-C / -d device). Returns an error text or null. */
function installFormProblem(prog: string, p: ParsedArgs): string | null {
  const clone = has(p, 'C');
  if (clone === (value(p, 'd') !== null)) return clone ? USAGE_ERR.dAndC(prog) : null;
  if (p.operands.length === 0) return USAGE_ERR.noTargets(prog);
  if (has(p, 'B') && has(p, 'r')) return USAGE_ERR.bWithR(prog);
  for (const f of clone ? MKSYSB_ONLY : CLONE_ONLY) if (has(p, f)) return clone ? USAGE_ERR.mksysbOnly(prog, f) : USAGE_ERR.cloneOnly(prog, f);
  for (const f of NEED_L) if (has(p, f) && !has(p, 'l')) return USAGE_ERR.needsL(prog, f);
  if (!parsePhases(value(p, 'P'))) return ERR.badPhase(prog, value(p, 'P')!);
  return null;
}

function installForm(ctx: CommandContext, p: ParsedArgs, usage: string[], legacy: boolean): number {
  const prog = ctx.name;
  if (!has(p, 'C') && value(p, 'd') === null) {
    ctx.err(`${prog}: One of the -d or -C flags is required.`); // [U]
    return usageError(ctx, null, usage);
  }
  const problem = installFormProblem(prog, p);
  if (problem) {
    ctx.err(problem);
    return usageError(ctx, null, usage);
  }
  const targets = p.operands.join(' ');
  const logAs = legacy ? { name: ctx.name, args: ctx.args } : undefined;
  if (has(p, 'C')) {
    const args = ['-d', targets, ...passThrough(p, ['C', 'd'])];
    return altDiskCopy({ ...ctx, name: legacy ? prog : 'alt_disk_copy', args }, logAs);
  }
  const args = ['-m', value(p, 'd')!, '-d', targets, ...passThrough(p, ['C', 'd'])];
  return altDiskMksysb({ ...ctx, name: legacy ? prog : 'alt_disk_mksysb', args }, logAs);
}

function legacyForm(ctx: CommandContext): number {
  let p;
  try {
    p = getoptPermuting(ctx.args, LEGACY_SPEC);
  } catch (e) {
    return usageError(ctx, e, LEGACY_USAGE);
  }
  if (has(p, 'X')) {
    if (p.flags.length > 1 || p.operands.length > 0) return usageError(ctx, null, LEGACY_USAGE);
    return altRootvgOp({ ...ctx, args: ['-X'] });
  }
  return installForm(ctx, p, LEGACY_USAGE, true);
}

function wrapperForm(ctx: CommandContext): number {
  let p;
  try {
    p = getoptPermuting(ctx.args, WRAPPER_SPEC);
  } catch (e) {
    return usageError(ctx, e, WRAPPER_USAGE);
  }
  const op = (args: string[]) => altRootvgOp({ ...ctx, name: 'alt_rootvg_op', args: [...args, ...(has(p, 'D') ? ['-D'] : [])] });
  const only = (flag: string, operands: number) => p.flags.every((f) => f.flag === flag || f.flag === 'D') && p.operands.length <= operands;
  if (has(p, 'X')) return only('X', 1) ? op(['-X', ...p.operands]) : usageError(ctx, null, WRAPPER_USAGE);
  if (has(p, 'q')) return only('q', 0) ? op(['-q', '-d', value(p, 'q')!]) : usageError(ctx, null, WRAPPER_USAGE);
  if (has(p, 'S')) return only('S', 0) ? op(['-S']) : usageError(ctx, null, WRAPPER_USAGE);
  if (has(p, 'W')) return only('W', 0) ? op(['-W', '-d', value(p, 'W')!]) : usageError(ctx, null, WRAPPER_USAGE);
  if (has(p, 'v')) return only('v', 1) && p.operands.length === 1 ? op(['-v', value(p, 'v')!, '-d', p.operands[0]!]) : usageError(ctx, null, WRAPPER_USAGE);
  return installForm(ctx, p, WRAPPER_USAGE, false);
}

export function altDiskInstall(ctx: CommandContext): number {
  return ctx.state().generation === 'legacy' ? legacyForm(ctx) : wrapperForm(ctx);
}
