import { snapshot, type CallOutcome, type Truth } from './harness.js';

// The six invariants of issue 8, checked after every step of a model run against the simulator's
// ground truth (aixsim show):
//   1. rootvg is untouched;
//   2. the next reboot starts a complete rootvg, unless the last answer said plainly that it would
//      not and how to fix it; no call that answered success leaves it otherwise;
//   3. the facts agree with the ground truth;
//   4. `changed` is true exactly when the call changed the host;
//   5. every call gives exactly one JSON answer, interrupted ones included (harness.callModule);
//   6. check mode changes nothing.
// Where the facts cannot know (a module killed outright before its AIX command said how far it
// got), they may call a copy half-made that is whole: never the other way round. That allowance
// is the only one, and it needs the facts to name the run that was cut short.

export interface Counters {
  sequences: number;
  steps: number;
  checks: number;
}

export const COUNTERS: Counters = { sequences: 0, steps: 0, checks: 0 };

export class Violation extends Error {}

function fail(invariant: number, what: string): never {
  throw new Violation(`invariant ${invariant}: ${what}`);
}

/** What the model remembers between steps. */
export interface Memory {
  /** The running rootvg, and its digest when the sequence started or it was last booted. */
  rootvg: { vgid: string; digest: string };
  /** The last answers said the next reboot would not start a complete rootvg (and how to fix it). */
  saidBadBoot: boolean;
}

export function memoryOf(t: Truth): Memory {
  return { rootvg: { vgid: t.rootvg.vgid, digest: t.rootvg.digest }, saidBadBoot: !t.nextBoot.ok };
}

/** Invariant 1. A reboot (or a boot from another disk) starts a new baseline. */
export function checkRootvg(m: Memory, after: Truth, rebooted: boolean): void {
  COUNTERS.checks++;
  if (rebooted || after.rootvg.vgid !== m.rootvg.vgid) {
    m.rootvg = { vgid: after.rootvg.vgid, digest: after.rootvg.digest };
    return;
  }
  if (after.rootvg.digest !== m.rootvg.digest) fail(1, `the running rootvg changed (digest ${m.rootvg.digest.slice(0, 12)} -> ${after.rootvg.digest.slice(0, 12)})`);
}

function saysBadBoot(answer: Record<string, unknown> | null): boolean {
  if (!answer) return false;
  const nb = answer.next_boot as { complete_rootvg?: boolean } | undefined;
  if (nb && nb.complete_rootvg === false) return true;
  const text = `${String(answer.msg ?? '')}\n${((answer.warnings as string[] | undefined) ?? []).join('\n')}`;
  return /will not boot|no longer present|bootlist is empty/i.test(text) && /bootlist -m normal/.test(text);
}

/** Invariant 2, after the calls of a step (none for a fault, a reboot is checked by its own step). */
export function checkNextBoot(m: Memory, before: Truth, after: Truth, outcomes: CallOutcome[], factsWarnings: string[] = []): void {
  COUNTERS.checks++;
  const said = outcomes.some((o) => saysBadBoot(o.answer)) || factsWarnings.some((w) => /will not boot|no longer present|bootlist is empty/i.test(w));
  if (after.nextBoot.ok) {
    m.saidBadBoot = false;
    return;
  }
  const why = `the next reboot would not start a complete rootvg (${after.nextBoot.disk ?? 'no disk'}: ${after.nextBoot.reason})`;
  for (const o of outcomes) {
    const a = o.answer;
    if (a && a.failed !== true && !saysBadBoot(a)) fail(2, `${o.plan.module} answered success without saying so: ${why}`);
  }
  const silent = outcomes.length > 0 && outcomes.every((o) => o.answer === null);
  if (said) m.saidBadBoot = true;
  else if (silent && !(m.saidBadBoot && !before.nextBoot.ok)) fail(2, `a call killed outright left ${why}`);
  else if (!silent && !m.saidBadBoot) fail(2, `no answer said ${why}`);
}

/** The commands an answer reports as run that install into the copy (phase 2): changes aixsim show does not see. */
function ranPhase2(answer: Record<string, unknown>): boolean {
  const cmds = (answer.commands as string[][] | undefined) ?? [];
  return cmds.some((c) => {
    const name = (c[0] ?? '').split('/').pop();
    if (name === 'alt_rootvg_op') return c.includes('-C');
    if (!['alt_disk_copy', 'alt_disk_mksysb', 'alt_disk_install'].includes(name ?? '')) return false;
    const p = c.indexOf('-P');
    return p < 0 || (c[p + 1] ?? '').includes('2');
  });
}

/** Invariants 4 and 6: changed exactly when the host changed; check mode changes nothing. */
export function checkChanged(before: Truth, after: Truth, outcomes: CallOutcome[]): void {
  COUNTERS.checks++;
  const differs = snapshot(before) !== snapshot(after);
  const real = outcomes.filter((o) => !o.plan.check);
  if (real.length === 0) {
    if (differs) fail(6, `check mode changed the host: ${diffText(before, after)}`);
    return;
  }
  const answered = real.filter((o) => o.answer !== null);
  if (answered.length < real.length) return; // killed outright: no answer to judge
  const changed = answered.some((o) => o.answer!.changed === true);
  if (differs && !changed) fail(4, `the host changed but every answer said changed: false: ${diffText(before, after)}`);
  if (!differs && changed && !answered.some((o) => o.answer!.changed === true && ranPhase2(o.answer!))) {
    fail(4, `${answered.filter((o) => o.answer!.changed === true).map((o) => o.plan.module).join(', ')} said changed: true but the host is as it was`);
  }
}

function diffText(before: Truth, after: Truth): string {
  const a = JSON.parse(snapshot(before)) as Record<string, unknown>;
  const b = JSON.parse(snapshot(after)) as Record<string, unknown>;
  return Object.keys(b)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k]).slice(0, 300)} -> ${JSON.stringify(b[k]).slice(0, 300)}`)
    .join('; ');
}

/** What facts export (ansible_facts.altdisk), as far as the invariants read it. */
export interface ExportedFacts {
  disks: { name: string; bootable: boolean; free: boolean; available: boolean }[];
  free_disks: { name: string }[];
  altinst: { state: string; disks: string[]; problem: string | null; varied_on: boolean };
  old_rootvg: { disks: string[] } | null;
  rootvg: { disks: string[]; boot_disks: string[] };
  bootlist: { normal: { device: string }[] };
  operations: unknown[];
  health: string[];
}

const TRUE_TO_FACTS: Record<string, string[]> = {
  'phase1-in-progress': ['in-progress'],
  'phase3-in-progress': ['in-progress'],
  'phase1-broken': ['incomplete'],
  'phase3-broken': ['incomplete'],
  'phase1-mounted': ['phase1'],
  'phase1-varied-off': ['phase1'],
  complete: ['complete', 'varied-on-by-hand'],
  awake: ['awake'],
};

/** The facts may be more careful than the truth only when they name a recorded run that was cut short. */
function carefulAboutACutRun(f: ExportedFacts): boolean {
  return f.altinst.state === 'incomplete' && /the altdisk \w+ run of .* (did not finish|failed)/.test(f.altinst.problem ?? '');
}

/** Invariant 3: the facts agree with the ground truth (taken when nothing runs). */
export function checkFacts(f: ExportedFacts, t: Truth): void {
  COUNTERS.checks++;
  const alt = t.copies.find((c) => c.name === 'altinst_rootvg');
  if (!alt) {
    if (f.altinst.state !== 'none') fail(3, `facts say altinst_rootvg is ${f.altinst.state}, the host has none`);
  } else {
    const gone = alt.disks.some((d) => t.disks.find((x) => x.name === d)?.present === false);
    const allowed = gone ? ['incomplete'] : (TRUE_TO_FACTS[alt.state] ?? [alt.state]);
    if (!allowed.includes(f.altinst.state) && !carefulAboutACutRun(f)) {
      fail(3, `facts say altinst_rootvg is ${f.altinst.state}${f.altinst.problem ? ` (${f.altinst.problem})` : ''}, the truth is ${alt.state}${gone ? ' with a disk gone' : ''}`);
    }
    if (f.altinst.state === 'phase1' && f.altinst.varied_on !== (alt.state === 'phase1-mounted')) {
      fail(3, `facts say the phase-1 altinst_rootvg is ${f.altinst.varied_on ? '' : 'not '}varied on, the truth is ${alt.state}`);
    }
  }
  const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  if (alt && !same(f.altinst.disks, alt.disks)) fail(3, `facts put altinst_rootvg on ${f.altinst.disks.join(' ')}, the truth on ${alt.disks.join(' ')}`);
  if (!same(f.rootvg.disks, t.rootvg.disks) || !same(f.rootvg.boot_disks, t.rootvg.bootDisks)) {
    fail(3, `facts put rootvg on ${f.rootvg.disks.join(' ')} (boot ${f.rootvg.boot_disks.join(' ')}), the truth on ${t.rootvg.disks.join(' ')} (boot ${t.rootvg.bootDisks.join(' ')})`);
  }
  const normal = f.bootlist.normal.map((e) => e.device);
  if (JSON.stringify(normal) !== JSON.stringify(t.nextBoot.bootlist)) fail(3, `facts read the normal boot list as ${normal.join(' ')}, the truth is ${t.nextBoot.bootlist.join(' ')}`);
  const old = t.copies.find((c) => c.name === 'old_rootvg');
  if (JSON.stringify(old?.disks ?? null) !== JSON.stringify(f.old_rootvg?.disks ?? null)) {
    fail(3, `facts say old_rootvg is on ${JSON.stringify(f.old_rootvg?.disks ?? null)}, the truth ${JSON.stringify(old?.disks ?? null)}`);
  }
  for (const d of f.disks) {
    const boots = t.rootvg.bootDisks.includes(d.name) || t.copies.some((c) => c.bootDisk === d.name && c.boot.ok);
    if (d.bootable && !boots) fail(3, `facts call ${d.name} bootable; the truth: it does not boot`);
    if (!d.bootable && boots && !(carefulAboutACutRun(f) && f.altinst.disks.includes(d.name))) fail(3, `facts call ${d.name} not bootable; the truth: it boots`);
  }
  const trulyFree = t.disks.filter((d) => d.present && d.vgda === null && d.odmVg === null).map((d) => d.name);
  const offered = f.free_disks.map((d) => d.name);
  const wrong = offered.filter((n) => !trulyFree.includes(n));
  if (wrong.length) fail(3, `facts offer ${wrong.join(' ')} as free; the truth: ${wrong.map((n) => JSON.stringify(t.disks.find((d) => d.name === n)?.vgda?.lvs ?? null)).join(', ')} on it`);
  const missed = trulyFree.filter((n) => !offered.includes(n));
  if (missed.length) fail(3, `facts do not offer ${missed.join(' ')}, which the truth says is free`);
  if (f.operations.length > 0) fail(3, `facts report an operation in progress while nothing runs: ${JSON.stringify(f.operations)}`);
}
