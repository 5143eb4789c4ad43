import type { FileModel, TaskModel } from '../playbook/model.js';
import type { AltdiskTask } from '../validate/schema.js';
import { optionValue } from '../validate/schema.js';
import { COMMAND_MODULES, isRebootModule } from '../playbook/modules.js';
import { invocations, parseFlags, type Invocation } from './commands.js';
import { operationOf, parseAltCommand, type AltCommand } from './alt-commands.js';

// What a task does to the alternate disk, the boot list and the system, whether it is written as an
// altdisk module task or as a command line: what the sequence rules reason about.

export const INSTALLP_OPTIONS = ['bundle', 'fix_bundle', 'fixes', 'filesets', 'installp_flags', 'images_location'];

export interface TaskEffect {
  task: TaskModel;
  file: FileModel;
  view: AltdiskTask | null;
  invocations: Invocation[];
  altCommands: AltCommand[];
  /** A clone or mksysb install that starts a new altinst_rootvg (phase 1, 12 or all). */
  newAltinst: { kind: 'clone' | 'mksysb'; phase: string; bootlist: boolean | undefined; reboot: boolean } | null;
  /** Phases 2/3 on an existing altinst_rootvg (phase module, clone/mksysb with 2, 3, 23). */
  continues: { phase: string; bootlist: boolean | undefined; reboot: boolean; installp: string[] } | null;
  /** Removes altinst_rootvg. */
  cleansAltinst: boolean;
  /** Reboots the host: a reboot task or command ('explicit'), or reboot: true / -r at the end of an alt-disk task ('implicit'). */
  reboot: 'explicit' | 'implicit' | null;
  /** Sets the normal boot list (the bootlist module with normal/both, bootlist -m normal <devices>). */
  setsBootlist: boolean;
  /** Reads or sets the boot list, or decides by it (the facts, a condition about it). */
  checksBootlist: boolean;
  wakes: boolean;
  sleeps: boolean;
  /** Takes part in alternate-disk work at all. */
  altdisk: boolean;
}

function literalBool(t: AltdiskTask, name: string): boolean | undefined {
  const v = optionValue(t, name);
  return typeof v === 'boolean' ? v : undefined;
}

function literalString(t: AltdiskTask, name: string): string | undefined {
  const v = optionValue(t, name);
  return typeof v === 'string' ? v : undefined;
}

export function effectOf(task: TaskModel, file: FileModel, view: AltdiskTask | null): TaskEffect {
  const e: TaskEffect = {
    task,
    file,
    view,
    invocations: [],
    altCommands: [],
    newAltinst: null,
    continues: null,
    cleansAltinst: false,
    reboot: null,
    setsBootlist: false,
    checksBootlist: false,
    wakes: false,
    sleeps: false,
    altdisk: false,
  };
  const ref = task.module?.ref;
  if (view) {
    e.altdisk = true;
    const phase = literalString(view, 'phase');
    const bootlist = literalBool(view, 'bootlist');
    const reboot = literalBool(view, 'reboot') === true;
    if (view.module === 'clone' || view.module === 'mksysb_install') {
      const kind = view.module === 'clone' ? 'clone' : 'mksysb';
      if (phase === '2' || phase === '3' || phase === '23') {
        e.continues = { phase, bootlist, reboot, installp: INSTALLP_OPTIONS.filter((o) => view.entries.has(o)) };
      } else if (phase !== undefined) e.newAltinst = { kind, phase, bootlist, reboot };
    } else if (view.module === 'phase' && phase !== undefined) {
      e.continues = { phase, bootlist, reboot, installp: INSTALLP_OPTIONS.filter((o) => view.entries.has(o)) };
    } else if (view.module === 'cleanup') {
      e.cleansAltinst = !view.templated.has('volume_group') && literalString(view, 'volume_group') === 'altinst_rootvg';
    } else if (view.module === 'bootlist') {
      e.checksBootlist = true;
      e.setsBootlist = view.entries.has('normal') || view.entries.has('both');
    } else if (view.module === 'facts') e.checksBootlist = true;
    const ends3 = (e.newAltinst && e.newAltinst.phase === 'all') || (e.continues && e.continues.phase !== '2');
    if (reboot && ends3) e.reboot = 'implicit';
  }
  if (ref && ref.kind === 'other' && COMMAND_MODULES.has(ref.name) && task.free) {
    e.invocations = invocations(task.free, ref.name === 'command' || ref.name === 'shell');
    for (const inv of e.invocations) {
      if (inv.program === 'shutdown' && inv.words.some((w) => /^-[A-Za-z]*r/.test(w.text))) e.reboot = 'explicit';
      if (inv.program === 'reboot') e.reboot = 'explicit';
      if (inv.program === 'bootlist') {
        e.checksBootlist = true;
        e.altdisk = true;
        const f = parseFlags(inv.words, 'mfi', 'orv');
        if (f.flags.some((x) => x.letter === 'm' && x.value?.text === 'normal') && f.operands.length > 0) e.setsBootlist = true;
      }
      const alt = parseAltCommand(inv);
      if (!alt) continue;
      e.altCommands.push(alt);
      e.altdisk = true;
      const op = operationOf(alt);
      if (!op) continue;
      if (op.op === 'clone' || op.op === 'mksysb') {
        if (op.phase === '2' || op.phase === '3' || op.phase === '23') e.continues = { phase: op.phase, bootlist: !op.noBootlist, reboot: op.reboot, installp: [] };
        else e.newAltinst = { kind: op.op, phase: op.phase, bootlist: !op.noBootlist, reboot: op.reboot };
        if (op.reboot && op.phase !== '1' && op.phase !== '12' && op.phase !== '2') e.reboot = 'implicit';
      } else if (op.op === 'cleanup') e.cleansAltinst = e.cleansAltinst || op.vg === 'altinst_rootvg';
      else if (op.op === 'wake') e.wakes = true;
      else if (op.op === 'sleep') e.sleeps = true;
    }
  }
  if (ref && isRebootModule(ref)) e.reboot = 'explicit';
  // A condition or assertion about the boot list is a check of it.
  for (const k of ['when', 'that', 'failed_when']) {
    const p = task.keywords.get(k);
    if (p && /bootlist|boot_list/i.test(file.text.slice((p.value as { range?: number[] })?.range?.[0] ?? 0, (p.value as { range?: number[] })?.range?.[1] ?? 0))) e.checksBootlist = true;
  }
  if (ref && ref.kind === 'other' && (ref.name === 'assert' || ref.name === 'fail') && task.args.some((a) => /bootlist|boot_list/i.test(JSON.stringify(a.value)))) e.checksBootlist = true;
  return e;
}
