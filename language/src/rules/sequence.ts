import type { RawFinding, RawFix } from '../findings.js';
import type { Step } from '../playbook/workspace.js';
import type { TaskEffect } from './effects.js';
import { deleteTaskEdit, hazard, insertBeforeTaskEdit, removeEntryEdit } from './emit.js';
import { inlineValue } from './yaml-text.js';

// Rules about the order of tasks in a play (includes followed, blocks in place, rescue sections
// apart): phases, cleanups, reboots and the boot list. A finding about a task of another file is
// reported on the include (or role) line that brings it into the play.

export interface SequenceStep extends Step {
  effect: TaskEffect;
}

function where(s: SequenceStep): string {
  return s.local ? '' : ` (in ${s.file.path.slice(s.file.path.lastIndexOf('/') + 1)}, line ${s.file.lines.position((s.task.module?.nameSpan ?? s.task.span)[0]).line + 1})`;
}

function describe(s: SequenceStep): string {
  return s.task.name ? `"${s.task.name}"` : `the task at line ${s.file.lines.position(s.task.span[0]).line + 1}`;
}

function includesPhase1(phase: string): boolean {
  return phase === '1' || phase === '12';
}

function targetsOf(e: TaskEffect): string[] | null {
  if (e.view) {
    const en = e.view.entries.get('targets');
    if (!en || en.templated || !Array.isArray(en.value)) return null;
    return en.value.filter((x): x is string => typeof x === 'string');
  }
  return null;
}

export function sequenceRules(steps: SequenceStep[], out: RawFinding[]): void {
  const main = steps.filter((s) => !s.rescue);
  const altdiskPlay = steps.some((s) => s.effect.altdisk);
  let phase1: SequenceStep | null = null;
  let mksysbPhase1: SequenceStep | null = null;
  const st = {
    /** A new rootvg the next reboot is meant to start (the boot list points at it). */
    pendingBoot: null as SequenceStep | null,
    /** A finished clone made with bootlist: false and no boot list set since. */
    unbootable: null as SequenceStep | null,
    lastBootlistChange: -1,
  };
  let lastBootlistCheck = -1;
  let woke: SequenceStep | null = null;
  const openPhase1: SequenceStep[] = [];
  /** A phase 3 finished a new rootvg: the boot list points at it (the next reboot starts it) unless -B. */
  const finished = (s: SequenceStep, bootlist: boolean | undefined, i: number) => {
    if (bootlist !== false) {
      st.pendingBoot = s;
      st.lastBootlistChange = i;
      st.unbootable = null;
    } else st.unbootable = s;
  };

  for (let i = 0; i < main.length; i++) {
    const s = main[i]!;
    const e = s.effect;
    const task = s.anchorTask;
    if (e.continues) {
      if (!phase1 && s.local) {
        out.push(
          hazard(
            'ALTDISK007',
            s.task.module?.nameSpan ?? s.anchor,
            `phase ${e.continues.phase} with no phase 1 before it in this play: it continues whatever altinst_rootvg an earlier run left (and fails when there is none). Run phase 1 (altdisk.aix.clone with phase: "1") earlier in the play, or suppress this where another playbook does phase 1`,
            task,
          ),
        );
      }
      if (e.continues.installp.length && mksysbPhase1) {
        const opt = e.continues.installp[0]!;
        const en = e.view?.entries.get(opt);
        out.push(
          hazard(
            'ALTDISK021',
            s.local && en ? en.keySpan : s.anchor,
            `${e.continues.installp.join(', ')}: the altinst_rootvg of this play comes from a mksysb install (${describe(mksysbPhase1)}), and phase 2 of a mksysb install installs no updates: clone rootvg instead to update the copy, or update after booting it${where(s)}`,
            task,
          ),
        );
      }
      if (e.continues.phase !== '2') {
        openPhase1.length = 0;
        finished(s, e.continues.bootlist, i);
      }
    }
    if (e.newAltinst) {
      if (includesPhase1(e.newAltinst.phase)) {
        phase1 = s;
        openPhase1.push(s);
        if (e.newAltinst.kind === 'mksysb') mksysbPhase1 = s;
      } else {
        phase1 = s;
        mksysbPhase1 = e.newAltinst.kind === 'mksysb' ? s : null;
        finished(s, e.newAltinst.bootlist, i);
      }
    }
    if (e.cleansAltinst) {
      openPhase1.length = 0;
      if (st.pendingBoot && s.local) {
        const del = deleteTaskEdit(s.file, s.task);
        out.push(
          hazard(
            'ALTDISK009',
            s.task.module?.nameSpan ?? s.anchor,
            `this removes altinst_rootvg made by ${describe(st.pendingBoot)} before any reboot into it: the boot list still names its disk, so the next boot finds no rootvg there. Reboot (and check the new level) first, or drop the cleanup`,
            task,
            del ? [{ title: 'Delete this cleanup task', edits: [del], safe: false }] : [],
          ),
        );
      }
      st.pendingBoot = null;
      st.unbootable = null;
    }
    if (e.setsBootlist) {
      st.lastBootlistChange = i;
      lastBootlistCheck = i;
      st.unbootable = null;
    } else if (e.checksBootlist) lastBootlistCheck = i;
    if (e.wakes) woke = s;
    if (e.sleeps) woke = null;

    if (e.reboot === 'explicit') {
      if (st.unbootable) {
        const fixes: RawFix[] = [];
        const bl = st.unbootable.effect.view?.entries.get('bootlist');
        if (bl && st.unbootable.local) {
          const edit = removeEntryEdit(st.unbootable.file, bl);
          if (edit) fixes.push({ title: `Let ${describe(st.unbootable)} set the boot list (remove bootlist: false)`, edits: [edit], safe: false });
        }
        const targets = targetsOf(st.unbootable.effect);
        if (targets?.length && s.local) {
          const edit = insertBeforeTaskEdit(s.file, s.task, ['- name: Boot the new rootvg next', '  altdisk.aix.bootlist:', `    normal: ${inlineValue(targets)}`]);
          if (edit) fixes.push({ title: `Set the boot list to ${targets.join(' ')} before rebooting`, edits: [edit], safe: false });
        }
        out.push(
          hazard(
            'ALTDISK014',
            s.local ? (s.task.module?.nameSpan ?? s.anchor) : s.anchor,
            `this reboot comes after ${describe(st.unbootable)}, made with bootlist: false (-B) and no boot list change since: the host starts the old rootvg again, not the new one${where(s)}`,
            task,
            fixes,
          ),
        );
      } else if (altdiskPlay && !s.guardedByBootlist && !e.checksBootlist && lastBootlistCheck <= st.lastBootlistChange) {
        const edit = s.local
          ? insertBeforeTaskEdit(s.file, s.task, [
              '- name: Read the boot list before rebooting',
              '  altdisk.aix.bootlist:',
              '  register: altdisk_bootlist',
              '',
              '- name: Stop unless the boot list starts with a disk that is there',
              '  ansible.builtin.assert:',
              '    that: altdisk_bootlist.bootlist.normal[0].present | default(false)',
            ])
          : null;
        out.push(
          hazard(
            'ALTDISK013',
            s.local ? (s.task.module?.nameSpan ?? s.anchor) : s.anchor,
            `this reboot starts whatever the normal boot list names first, and nothing checks the boot list ${st.lastBootlistChange >= 0 ? 'after it last changed' : 'before it'}: read it (altdisk.aix.bootlist or altdisk.aix.facts) and decide on it${where(s)}`,
            task,
            edit ? [{ title: 'Check the boot list before rebooting', edits: [edit], safe: false }] : [],
          ),
        );
      }
    }
    if (e.reboot) {
      st.pendingBoot = null;
      st.unbootable = null;
      phase1 = null;
      mksysbPhase1 = null;
    }
  }

  for (const s of openPhase1) {
    if (!s.local) continue;
    const v = s.effect.view;
    const en = v?.entries.get('phase');
    out.push(
      hazard(
        'ALTDISK008',
        en ? [en.keySpan[0], en.valueSpan[1]] : (s.task.module?.nameSpan ?? s.anchor),
        `phase ${s.effect.newAltinst!.phase} with no phase 3 after it in this play: /alt_inst stays mounted and the copy cannot boot until phase 3 runs (altdisk.aix.phase with phase: "3" or "23")`,
        s.anchorTask,
      ),
    );
  }
  if (woke && woke.local) {
    out.push(
      hazard(
        'ALTDISK018',
        woke.effect.altCommands.find((c) => c.has('W'))?.inv.span ?? woke.anchor,
        'the volume group woken up here is not put back to sleep in this play: it cannot boot until alt_rootvg_op -S runs, and the running AIX must be at least at its level (wake-up is not for chroot work)',
        woke.anchorTask,
      ),
    );
  }
}
