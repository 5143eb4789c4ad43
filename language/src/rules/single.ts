import type { RawFinding, RawFix } from '../findings.js';
import type { FileModel, Span, TaskModel } from '../playbook/model.js';
import { FS_MODULES, LV_MODULES, VG_MODULES } from '../playbook/modules.js';
import { isTemplate } from '../playbook/values.js';
import { optionValue, type AltdiskTask } from '../validate/schema.js';
import type { TaskEffect } from './effects.js';
import { parseFlags, type Invocation } from './commands.js';
import { moduleEquivalent, operationOf, type AltCommand } from './alt-commands.js';
import { hazard, insertAfterEntryEdit, removeEntryEdit, replaceModuleEdit } from './emit.js';

// Rules about one task on its own: what its command lines or options do, whatever comes before or after.

const ALT_VGS = new Set(['altinst_rootvg', 'old_rootvg']);

/** LVM commands that name a volume group, logical volume or file system: the flag of the name, and the flags that take a value. */
const NAMING: Record<string, { letter: string; withArg: string }> = {
  mkvg: { letter: 'y', withArg: 'dtvPsVyLM' },
  mklv: { letter: 'y', withArg: 'abcdeLmorstTuvwxyYSUGP' },
  importvg: { letter: 'y', withArg: 'VyL' },
  chlv: { letter: 'n', withArg: 'abdeLnoprstuvwxUGP' },
  crfs: { letter: 'm', withArg: 'vgdmaApuI' },
};
const VRM = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;

function operand(inv: Invocation, withArg = ''): { text: string; span: Span } | null {
  const f = parseFlags(inv.words, withArg, '');
  return f.operands[0] ?? null;
}

/** The command text of the task is exactly this invocation (so the whole task can be rewritten). */
function replaceable(task: TaskModel, inv: Invocation): boolean {
  return inv.whole && !task.keywords.has('args') && !task.args.some((a) => a.key === 'argv' || a.key === 'chdir' || a.key === 'creates' || a.key === 'removes' || a.key === 'stdin');
}

function cleanupFix(file: FileModel, task: TaskModel, vg: string, safe: boolean): RawFix[] {
  const edit = replaceModuleEdit(file, task, 'cleanup', vg === 'altinst_rootvg' ? [] : [['volume_group', vg]]);
  return edit ? [{ title: `Use altdisk.aix.cleanup${vg === 'altinst_rootvg' ? '' : ` (volume_group: ${vg})`} (alt_rootvg_op -X)`, edits: [edit], safe }] : [];
}

function lvmCommandRules(e: TaskEffect, inv: Invocation, out: RawFinding[]): void {
  const { task, file } = e;
  if (inv.program === 'exportvg' || inv.program === 'reducevg') {
    const vg = operand(inv);
    if (!vg || !ALT_VGS.has(vg.text)) return;
    const disks = parseFlags(inv.words, '', '').operands.length > 1;
    out.push(
      hazard(
        'ALTDISK001',
        inv.span,
        `${inv.program} ${vg.text}: the logical volumes of ${vg.text} have the names and mount points of the running rootvg's (hd4 is /, hd2 is /usr), so LVM cleanups by hand can delete the running system's definitions; remove it with alt_rootvg_op -X (altdisk.aix.cleanup)`,
        task,
        cleanupFix(file, task, vg.text, replaceable(task, inv) && inv.program === 'exportvg' && !disks),
      ),
    );
  }
  if (inv.program === 'varyonvg') {
    const vg = operand(inv, 'Mk');
    if (!vg || !ALT_VGS.has(vg.text)) return;
    out.push(
      hazard(
        'ALTDISK002',
        inv.span,
        `varyonvg ${vg.text}: IBM says never vary on ${vg.text}; it shows no logical volumes once varied on (they are not in the ODM) and can then neither boot nor go through phase 3. To reach its files, wake it up with alt_rootvg_op -W -d <disk> and put it back to sleep with alt_rootvg_op -S`,
        task,
      ),
    );
  }
  const naming = NAMING[inv.program];
  if (naming) {
    const f = parseFlags(inv.words, naming.withArg, '');
    const name = f.flags.find((x) => x.letter === naming.letter)?.value;
    if (!name) return;
    const leaf = name.text.slice(name.text.lastIndexOf('/') + 1);
    if (!/^alt/.test(leaf)) return;
    const what = inv.program === 'crfs' ? 'file system' : inv.program === 'mkvg' || inv.program === 'importvg' ? 'volume group' : 'logical volume';
    out.push(hazard('ALTDISK012', name.span, `${inv.program}: the ${what} ${name.text} starts with "alt", the prefix alt_disk operations create and remove (altinst_rootvg, alt_hd4, /alt_inst): they may alter or remove it. Choose another name`, task));
  }
  if (inv.program === 'bootinfo') {
    const flag = inv.words[1]?.text;
    const disk = inv.words[2]?.text;
    const map: Record<string, string | null> = {
      '-s': disk ? `getconf DISK_SIZE /dev/${disk.replace(/^\/dev\//, '')}` : null,
      '-b': 'getconf BOOT_DEVICE',
      '-K': 'getconf KERNEL_BITMODE',
      '-y': 'getconf HARDWARE_BITMODE',
    };
    const replacement = flag !== undefined ? map[flag] ?? null : null;
    const literal = file.text.slice(inv.span[0], inv.span[1]) === inv.words.map((w) => w.text).join(' ');
    const exact = replacement && inv.words.length === (flag === '-s' ? 3 : 2) && literal;
    out.push(
      hazard(
        'ALTDISK017',
        inv.span,
        `bootinfo is deprecated for scripts${replacement ? `: use ${replacement}` : '; use getconf (DISK_SIZE /dev/<disk>, BOOT_DEVICE, KERNEL_BITMODE)'}`,
        task,
        exact ? [{ title: `Use ${replacement}`, edits: [{ span: inv.span, newText: replacement }], safe: true }] : [],
      ),
    );
  }
}

function altCommandRules(e: TaskEffect, c: AltCommand, out: RawFinding[]): void {
  const { task, file } = e;
  const inv = c.inv;
  const op = operationOf(c);
  const d = c.value('d');
  // alt_disk_install -d hdiskN: the old syntax's -d is the mksysb image.
  if (c.program === 'alt_disk_install' && !c.has('C') && d && /^(\/dev\/)?hdisk(power)?\d+$/.test(d.text) && op?.op === 'mksysb') {
    const targets = [d.text.replace(/^\/dev\//, ''), ...c.flags.operands.map((o) => o.text).filter((t) => /^hdisk/.test(t))];
    const edit = replaceModuleEdit(file, task, 'clone', [['targets', targets]]);
    out.push(
      hazard(
        'ALTDISK004',
        d.span,
        `alt_disk_install -d ${d.text}: in alt_disk_install, -d names the mksysb image (a tape or a file) and the target disks come last; to clone rootvg to ${d.text} write alt_disk_install -C ${d.text} (or altdisk.aix.clone with targets)`,
        task,
        edit ? [{ title: `Clone rootvg to ${targets.join(' ')} with altdisk.aix.clone`, edits: [edit], safe: false }] : [],
      ),
    );
    return;
  }
  if (op && (op.op === 'clone' || op.op === 'mksysb') && c.has('B') && c.has('r')) {
    out.push(hazard('ALTDISK005', inv.span, `${c.program} -B -r: AIX refuses -B (keep the boot list) with -r (reboot): the reboot would not start the new disk. Drop one of them`, task));
  }
  if (op && (op.op === 'clone' || op.op === 'mksysb') && c.has('O') && !c.has('c')) {
    out.push(hazard('ALTDISK015', inv.span, `${c.program} -O without -c: after the device reset the first boot of the new rootvg stops to ask for the console; give -c /dev/vty0 (or the console of the LPAR that boots it)`, task));
  }
  if (op && (op.op === 'clone' || op.op === 'mksysb') && c.has('r') && !c.has('B') && ['all', '3', '23'].includes(op.phase)) {
    out.push(hazard('ALTDISK016', inv.span, `${c.program} -r reboots the host at the end of the task: Ansible loses the connection before the task ends and reports it failed. Reboot in a task of its own (ansible.builtin.reboot)`, task));
  }
  const level = c.value('L');
  if (level && (c.program === 'alt_disk_mksysb' || c.program === 'alt_disk_install') && !VRM.test(level.text) && !isTemplate(level.text)) {
    const vrm = toVrm(level.text);
    const literal = file.text.slice(level.span[0], level.span[1]) === level.text;
    out.push(
      hazard(
        'ALTDISK011',
        level.span,
        `-L ${level.text} is not a V.R.M level${vrm ? ` (${level.text} is ${vrm})` : ' such as 7.3.2'}: it names the boot image and must equal the image's level`,
        task,
        vrm && literal ? [{ title: `Write -L ${vrm}`, edits: [{ span: level.span, newText: vrm }], safe: true }] : [],
      ),
    );
  }
  const eq = moduleEquivalent(c);
  if (eq) {
    const edit = replaceModuleEdit(file, task, eq.module, eq.options);
    const safe = eq.unmapped.length === 0 && replaceable(task, inv);
    out.push(
      hazard(
        'ALTDISK003',
        inv.span,
        `${c.program} run as a command line: altdisk.aix.${eq.module} runs the same command after checking the targets, the levels and any existing alternate rootvg, answers changed only when it changes something, and supports check mode${eq.unmapped.length ? ` (no option for ${eq.unmapped.join(' ')})` : ''}`,
        task,
        edit ? [{ title: `Use altdisk.aix.${eq.module}`, edits: [edit], safe }] : [],
      ),
    );
  }
}

/** 7300-02-01-2346 -> 7.3.2; 7.3.2.0 -> 7.3.2 (the way the planner reads an image's level). */
export function toVrm(level: string): string | null {
  const tl = /^(\d)(\d)00-(\d{2})/.exec(level);
  if (tl) return `${tl[1]}.${tl[2]}.${Number(tl[3])}`;
  const v = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.\d+$/.exec(level);
  return v ? `${v[1]}.${v[2]}.${v[3]}` : null;
}

function lvmModuleRules(e: TaskEffect, out: RawFinding[]): void {
  const { task, file } = e;
  const ref = task.module?.ref;
  if (!ref || ref.kind !== 'other') return;
  const arg = (k: string) => task.args.find((a) => a.key === k);
  const state = arg('state');
  const stateValue = typeof state?.value === 'string' ? state.value : 'present';
  const vgMod = VG_MODULES[ref.name];
  if (vgMod) {
    const vg = arg(vgMod.vg);
    if (!vg || typeof vg.value !== 'string') return;
    if (ALT_VGS.has(vg.value) && stateValue === 'absent') {
      const pvs = arg(vgMod.pvs);
      out.push(
        hazard(
          'ALTDISK001',
          vg.valueSpan,
          `${ref.written} state: absent on ${vg.value}: it ${pvs ? 'reduces' : 'exports'} the volume group by hand, while its logical volumes carry the names and mount points of the running rootvg's; remove it with alt_rootvg_op -X (altdisk.aix.cleanup)`,
          task,
          cleanupFix(file, task, vg.value, !pvs && !task.keywords.has('args')),
        ),
      );
    } else if (ALT_VGS.has(vg.value) && stateValue === 'varyon') {
      out.push(hazard('ALTDISK002', vg.valueSpan, `${ref.written} state: varyon on ${vg.value}: IBM says never vary on ${vg.value} (its logical volumes are not in the ODM); wake it up with alt_rootvg_op -W if you need its files`, task));
    } else if (/^alt/.test(vg.value) && stateValue === 'present') {
      out.push(hazard('ALTDISK012', vg.valueSpan, `the volume group ${vg.value} starts with "alt", the prefix alt_disk operations create and remove: they may alter or remove it. Choose another name`, task));
    }
    return;
  }
  const lvMod = LV_MODULES[ref.name];
  const fsMod = FS_MODULES[ref.name];
  const named = lvMod ? arg(lvMod.lv) : fsMod ? arg(fsMod.fs) : undefined;
  if (named && typeof named.value === 'string' && stateValue !== 'absent') {
    const leaf = named.value.slice(named.value.lastIndexOf('/') + 1);
    if (/^alt/.test(leaf)) {
      out.push(hazard('ALTDISK012', named.valueSpan, `the ${lvMod ? 'logical volume' : 'file system'} ${named.value} starts with "alt", the prefix alt_disk operations create and remove (alt_hd4, /alt_inst): they may alter or remove it. Choose another name`, task));
    }
  }
}

function optionRules(e: TaskEffect, t: AltdiskTask, out: RawFinding[]): void {
  const { task, file } = e;
  const entry = (k: string) => t.entries.get(k);
  const span = (k: string): Span => {
    const en = entry(k)!;
    return [en.keySpan[0], en.valueSpan[1]];
  };
  const removeFix = (k: string, title: string): RawFix[] => {
    const edit = removeEntryEdit(file, entry(k)!);
    return edit ? [{ title, edits: [edit], safe: false }] : [];
  };
  const bootlist = optionValue(t, 'bootlist');
  const reboot = optionValue(t, 'reboot');
  const makesDisk = t.module === 'clone' || t.module === 'mksysb_install' || t.module === 'phase';
  if (makesDisk && entry('bootlist') && entry('reboot') && bootlist === false && reboot === true) {
    out.push(
      hazard(
        'ALTDISK005',
        span('bootlist'),
        'bootlist: false (-B) with reboot: true (-r): AIX refuses the pair, and the reboot would start the old rootvg since the boot list stays on it',
        task,
        [...removeFix('reboot', 'Remove reboot: true (reboot later, once the boot list is right)'), ...removeFix('bootlist', 'Remove bootlist: false (the new disk boots next)')],
        'bootlist',
      ),
    );
  } else if (makesDisk && entry('reboot') && reboot === true && ['all', '3', '23'].includes(String(optionValue(t, 'phase')))) {
    out.push(
      hazard(
        'ALTDISK016',
        span('reboot'),
        'reboot: true reboots the host at the end of the task: Ansible loses the connection before the module answers, reports the task failed and stops the play. Reboot in a task of its own (ansible.builtin.reboot), after checking the boot list',
        task,
        removeFix('reboot', 'Remove reboot: true'),
        'reboot',
      ),
    );
  }
  if ((t.module === 'clone' || t.module === 'mksysb_install') && entry('force') && optionValue(t, 'force') === true) {
    out.push(
      hazard(
        'ALTDISK006',
        span('force'),
        'force: true removes an existing altinst_rootvg (alt_rootvg_op -X) before cloning, also a complete one that may be the fallback of an earlier update or one on other disks. Without force the task stops and says what is there; remove it on purpose with altdisk.aix.cleanup',
        task,
        removeFix('force', 'Remove force: true'),
        'force',
      ),
    );
  }
  if ((t.module === 'clone' || t.module === 'mksysb_install') && entry('device_reset') && optionValue(t, 'device_reset') === true && !entry('console')) {
    const edit = insertAfterEntryEdit(file, entry('device_reset')!, 'console: /dev/vty0');
    out.push(
      hazard(
        'ALTDISK015',
        span('device_reset'),
        'device_reset: true (-O) without console (-c): the first boot of the new rootvg stops and asks which device is the console; give console (e.g. /dev/vty0 on an LPAR)',
        task,
        edit ? [{ title: 'Add console: /dev/vty0', edits: [edit], safe: false }] : [],
        'device_reset',
      ),
    );
  }
  if (t.module === 'mksysb_install') {
    const lv = entry('mksysb_level');
    if (lv && typeof lv.value !== 'object' && !lv.templated && !VRM.test(String(lv.value))) {
      const vrm = toVrm(String(lv.value));
      out.push(
        hazard(
          'ALTDISK011',
          lv.valueSpan,
          `mksysb_level: ${JSON.stringify(String(lv.value))} is not a V.R.M level${vrm ? ` (it is ${vrm})` : ' such as 7.3.2'}: with the platform it names the boot image, and it must equal the image's level`,
          task,
          vrm ? [{ title: `Write mksysb_level: ${vrm}`, edits: [{ span: lv.valueSpan, newText: vrm }], safe: true }] : [],
          'mksysb_level',
        ),
      );
    }
    const src = entry('source');
    if (src && typeof src.value === 'string' && /^\/dev\/r?hdisk(power)?\d+$/.test(src.value)) {
      out.push(hazard('ALTDISK004', src.valueSpan, `source: ${src.value} is a disk, not a mksysb image: give the image file or a tape device (/dev/rmt0); the disks to install on go in targets`, task, [], 'source'));
    }
  }
  if (t.module === 'bootlist') {
    for (const k of ['normal', 'both']) {
      const en = entry(k);
      if (!en || en.templated || !Array.isArray(en.value) || en.value.length !== 1) continue;
      const only = en.value[0];
      const device = typeof only === 'string' ? only : only && typeof only === 'object' ? (only as Record<string, unknown>).device : undefined;
      if (typeof device !== 'string' || !/^hdisk/.test(device)) continue;
      out.push(hazard('ALTDISK020', en.valueSpan, `${k}: ${device} alone leaves the firmware nothing to fall back to when ${device} does not boot; list the current rootvg disk after it`, task, [], k));
    }
  }
}

export function singleTaskRules(e: TaskEffect, out: RawFinding[]): void {
  for (const inv of e.invocations) lvmCommandRules(e, inv, out);
  for (const c of e.altCommands) altCommandRules(e, c, out);
  lvmModuleRules(e, out);
  if (e.view) optionRules(e, e.view, out);
}
