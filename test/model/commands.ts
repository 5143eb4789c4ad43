import fc from 'fast-check';
import { aixsimRun, callModule, quiesce, truthOf, type CallOutcome, type CallPlan, type KillPlan, type ModelHost, type Truth } from './harness.js';
import { checkChanged, checkFacts, checkNextBoot, checkRootvg, COUNTERS, memoryOf, Violation, type ExportedFacts, type Memory } from './invariants.js';

// The commands of the model-based tests (fast-check's fc.commands): module calls with random valid
// options, check mode, kills at random moments (SIGTERM, SIGINT, SIGHUP as a dropped SSH session, or SIGKILL of the module, of its AIX
// command or of the whole process group), two calls at once, reboots and faults. Each command runs
// against the simulated host and then checks the invariants (invariants.ts) against the ground truth.

export interface Model {
  host: ModelHost;
}

export interface Real {
  host: ModelHost;
  memory: Memory;
  /** A line per step, for the report of a failing sequence. */
  log: string[];
}

/** A module call with its options, as a command parameter (printable, replayable). */
export interface Call {
  module: CallPlan['module'];
  args: Record<string, unknown>;
  check: boolean;
}

function show(c: Call): string {
  return `${c.check ? 'check ' : ''}${c.module} ${JSON.stringify(c.args)}`;
}

/** The facts module's view, checked against the truth (invariant 3). */
async function factsCheck(r: Real, t: Truth): Promise<string[]> {
  const o = await callModule(r.host, { module: 'facts', args: {} });
  const f = (o.answer?.ansible_facts as { altdisk: ExportedFacts } | undefined)?.altdisk;
  if (!f) throw new Violation(`invariant 5: facts gave no facts: ${o.stdout.slice(0, 300)}`);
  checkFacts(f, t);
  return f.health;
}

async function afterCalls(r: Real, before: Truth, outcomes: CallOutcome[]): Promise<void> {
  const after = await quiesce(r.host.dir);
  checkRootvg(r.memory, after, false);
  checkChanged(before, after, outcomes);
  const health = await factsCheck(r, after);
  checkNextBoot(r.memory, before, after, outcomes, health);
  COUNTERS.steps++;
}

function killText(k: KillPlan): string {
  return `${k.target} ${k.signal} after ${k.afterLines} lines + ${k.afterMs} ms`;
}

function outcomeText(o: CallOutcome): string {
  const a = o.answer;
  const kill = o.killed ? ` [killed ${killText(o.killed)}]` : '';
  return a ? `${a.failed ? 'failed' : 'ok'} changed=${String(a.changed)}${kill}: ${String(a.msg ?? '').split('\n')[0]!.slice(0, 160)}` : `no answer${kill}`;
}

/**
 * A step of a sequence as plain data: what a shrunk failing sequence is kept as (regressions.test.ts).
 * In arguments, "$IMAGE" and "$SCRIPT" stand for the host's mksysb image and customization script.
 */
export type Step = { call: Call; kill?: KillPlan } | { together: [Call, Call]; kill?: KillPlan } | { reboot: true } | { fault: string; disk?: string };

export interface Steppable {
  step(h: ModelHost): Step;
}

function placeholders(c: Call, h: ModelHost): Call {
  const args = Object.fromEntries(Object.entries(c.args).map(([k, v]) => [k, v === h.image ? '$IMAGE' : v === h.script ? '$SCRIPT' : v]));
  return { ...c, args };
}

function onHost(c: Call, h: ModelHost): Call {
  const args = Object.fromEntries(Object.entries(c.args).map(([k, v]) => [k, v === '$IMAGE' ? h.image : v === '$SCRIPT' ? h.script : v]));
  return { ...c, args };
}

export class CallCommand implements fc.AsyncCommand<Model, Real>, Steppable {
  constructor(
    readonly call: Call,
    readonly kill: KillPlan | null,
  ) {}
  step(h: ModelHost): Step {
    return this.kill ? { call: placeholders(this.call, h), kill: this.kill } : { call: placeholders(this.call, h) };
  }
  check(): boolean {
    return true;
  }
  async run(_m: Model, r: Real): Promise<void> {
    const before = truthOf(r.host.dir);
    const o = await callModule(r.host, { ...this.call, ...(this.kill ? { kill: this.kill, speed: 0.003 } : {}) });
    r.log.push(`${this.toString()} -> ${outcomeText(o)}`);
    await afterCalls(r, before, [o]);
  }
  toString(): string {
    return this.kill ? `kill(${show(this.call)}, ${killText(this.kill)})` : show(this.call);
  }
}

/** Two calls at once; the first maybe killed on the way (an async timeout while the other waits for its lock). */
export class PairCommand implements fc.AsyncCommand<Model, Real>, Steppable {
  constructor(
    readonly a: Call,
    readonly b: Call,
    readonly kill: KillPlan | null = null,
  ) {}
  step(h: ModelHost): Step {
    const together: [Call, Call] = [placeholders(this.a, h), placeholders(this.b, h)];
    return this.kill ? { together, kill: this.kill } : { together };
  }
  check(): boolean {
    return true;
  }
  async run(_m: Model, r: Real): Promise<void> {
    const before = truthOf(r.host.dir);
    const [oa, ob] = await Promise.all([callModule(r.host, { ...this.a, ...(this.kill ? { kill: this.kill, speed: 0.003 } : {}) }), callModule(r.host, this.b)]);
    r.log.push(`${this.toString()} -> ${outcomeText(oa)} | ${outcomeText(ob)}`);
    for (const o of [oa, ob]) {
      const msg = String(o.answer?.msg ?? '');
      // The loser of a race never advises removing what the winner made.
      if (o.answer?.failed && msg.startsWith('while this task waited') && /remove it|force: true|altdisk\.aix\.cleanup/i.test(msg)) {
        throw new Violation(`invariant 4: the loser of a race advises removing the winner's result: ${msg}`);
      }
    }
    await afterCalls(r, before, [oa, ob]);
  }
  toString(): string {
    const a = this.kill ? `kill(${show(this.a)}, ${killText(this.kill)})` : show(this.a);
    return `together(${a}, ${show(this.b)})`;
  }
}

export class RebootCommand implements fc.AsyncCommand<Model, Real>, Steppable {
  step(): Step {
    return { reboot: true };
  }
  check(): boolean {
    return true;
  }
  async run(_m: Model, r: Real): Promise<void> {
    const before = await quiesce(r.host.dir);
    COUNTERS.checks++;
    if (!before.nextBoot.ok && !r.memory.saidBadBoot) throw new Violation(`invariant 2: a reboot would fail (${before.nextBoot.reason}) and no answer said so`);
    const res = aixsimRun(['reboot', r.host.dir], { AIXSIM_SPEED: '0' });
    let note = res.rc === 0 ? 'came up' : 'went down (as said)';
    if (res.rc !== 0) {
      if (before.nextBoot.ok) throw new Violation(`the host went down although the truth said the next boot was fine: ${res.stderr}`);
      // The admin boots the running rootvg's disk from SMS, as the answer told.
      const back = aixsimRun(['reboot', r.host.dir, '--from', before.rootvg.bootDisks[0] ?? before.rootvg.disks[0]!], { AIXSIM_SPEED: '0' });
      if (back.rc !== 0) throw new Violation(`the host does not come up from its rootvg disk either: ${back.stderr}`);
      note += ', booted from the rootvg disk';
    }
    const after = truthOf(r.host.dir);
    r.log.push(`reboot -> ${note}`);
    checkRootvg(r.memory, after, true);
    r.memory.saidBadBoot = !after.nextBoot.ok && r.memory.saidBadBoot;
    await factsCheck(r, after);
    COUNTERS.steps++;
  }
  toString(): string {
    return 'reboot';
  }
}

export class FaultCommand implements fc.AsyncCommand<Model, Real>, Steppable {
  constructor(
    readonly fault: string,
    readonly disk: string | null,
  ) {}
  step(): Step {
    return this.disk ? { fault: this.fault, disk: this.disk } : { fault: this.fault };
  }
  check(): boolean {
    return true;
  }
  async run(_m: Model, r: Real): Promise<void> {
    const args = ['fault', r.host.dir, this.fault, ...(this.disk ? [this.disk, '--during', 'alt_disk_copy'] : [])];
    const res = aixsimRun(args);
    r.log.push(`${this.toString()} -> ${res.rc === 0 ? 'armed' : `refused: ${res.stderr.trim()}`}`);
    COUNTERS.steps++;
  }
  toString(): string {
    return `fault ${this.fault}${this.disk ? ` ${this.disk} during alt_disk_copy` : ''}`;
  }
}

// ---- arbitraries: valid options only (bad options are the bad-input tests' job)

function cloneCall(h: ModelHost): fc.Arbitrary<Call> {
  const target = h.spareDisks.length ? fc.oneof(fc.constantFrom(...h.spareDisks).map((d) => ({ targets: [d] })), fc.constant({ disk_size_policy: 'minimize' })) : fc.constant({ disk_size_policy: 'minimize' });
  return fc
    .record({ target, phase: fc.constantFrom('1', '12', 'all'), bootlist: fc.boolean(), force: fc.boolean(), script: fc.boolean(), check: fc.boolean() })
    .map((o) => ({
      module: 'clone' as const,
      args: { ...o.target, phase: o.phase, bootlist: o.bootlist, force: o.force, ...(o.script && o.phase !== '1' ? { script: h.script } : {}) },
      check: o.check && o.force === false,
    }));
}

function mksysbCall(h: ModelHost): fc.Arbitrary<Call> {
  return fc
    .record({ target: fc.constantFrom(...h.spareDisks), phase: fc.constantFrom('1', 'all'), bootlist: fc.boolean(), force: fc.boolean(), check: fc.boolean() })
    .map((o) => ({ module: 'mksysb_install' as const, args: { source: h.image!, targets: [o.target], phase: o.phase, bootlist: o.bootlist, force: o.force }, check: o.check }));
}

function phaseCall(h: ModelHost): fc.Arbitrary<Call> {
  return fc
    .record({ phase: fc.constantFrom('2', '3', '23'), bootlist: fc.boolean(), script: fc.boolean(), check: fc.boolean() })
    .map((o) => ({ module: 'phase' as const, args: { phase: o.phase, bootlist: o.bootlist, ...(o.script && o.phase !== '3' ? { script: h.script } : {}) }, check: o.check }));
}

function cleanupCall(): fc.Arbitrary<Call> {
  return fc
    .record({ vg: fc.constantFrom('altinst_rootvg', 'old_rootvg'), clear: fc.boolean(), old: fc.boolean(), check: fc.boolean() })
    .map((o) => ({ module: 'cleanup' as const, args: { volume_group: o.vg, clear_pvid: o.clear, include_old_rootvg: o.old }, check: o.check }));
}

function bootlistCall(h: ModelHost, rootDisk: string): fc.Arbitrary<Call> {
  const disks = [rootDisk, ...h.spareDisks];
  return fc
    .record({ first: fc.constantFrom(...disks), fallback: fc.boolean(), check: fc.boolean() })
    .map((o) => ({ module: 'bootlist' as const, args: { normal: o.fallback && o.first !== rootDisk ? [o.first, rootDisk] : [o.first] }, check: o.check }));
}

function changingCall(h: ModelHost, rootDisk: string): fc.Arbitrary<Call> {
  // Copies first: most other calls only refuse until there is something to continue, boot or remove.
  const calls: fc.WeightedArbitrary<Call>[] = [
    { arbitrary: cloneCall(h), weight: 3 },
    { arbitrary: phaseCall(h), weight: 2 },
    { arbitrary: cleanupCall(), weight: 2 },
    { arbitrary: bootlistCall(h, rootDisk), weight: 1 },
  ];
  if (h.image) calls.push({ arbitrary: mksysbCall(h), weight: 1 });
  return fc.oneof(...calls);
}

const killPlan: fc.Arbitrary<KillPlan> = fc.record({
  afterLines: fc.integer({ min: 0, max: 45 }),
  afterMs: fc.integer({ min: 0, max: 600 }),
  target: fc.constantFrom('module' as const, 'aix' as const, 'group' as const),
  signal: fc.constantFrom('SIGTERM' as const, 'SIGINT' as const, 'SIGHUP' as const, 'SIGKILL' as const),
});

/** The commands of a model run on this host. */
export function commandArbitraries(h: ModelHost, rootDisk: string): fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] {
  const call = changingCall(h, rootDisk);
  const faults = fc.constantFrom('phase1-space', 'phase2-script', 'bootlist', 'bosboot', 'crash-between-phases', 'disk-gone');
  const killable = fc.oneof(cloneCall(h), phaseCall(h), cleanupCall(), ...(h.image ? [mksysbCall(h)] : [])).map((c) => ({ ...c, check: false }));
  return [
    call.map((c) => new CallCommand(c, null)),
    call.map((c) => new CallCommand(c, null)),
    fc.tuple(killable, killPlan).map(([c, k]) => new CallCommand(c, k)),
    fc.tuple(call, call).map(([a, b]) => new PairCommand({ ...a, check: false }, { ...b, check: false })),
    fc.tuple(killable, call, killPlan).map(([a, b, k]) => new PairCommand(a, { ...b, check: false }, k)),
    fc.constant(new RebootCommand()),
    fc.tuple(faults, fc.constantFrom(...(h.spareDisks.length ? h.spareDisks : ['hdisk1']))).map(([s, d]) => new FaultCommand(s, s === 'disk-gone' ? d : null)),
  ];
}

/** A fresh real system for one sequence. */
export function realFor(h: ModelHost): Real {
  return { host: h, memory: memoryOf(truthOf(h.dir)), log: [] };
}

/** The commands of a kept sequence (regressions.test.ts) on this host. */
export function commandsOf(steps: Step[], h: ModelHost): fc.AsyncCommand<Model, Real>[] {
  return steps.map((s) => {
    if ('call' in s) return new CallCommand(onHost(s.call, h), s.kill ?? null);
    if ('together' in s) return new PairCommand(onHost(s.together[0], h), onHost(s.together[1], h), s.kill ?? null);
    if ('reboot' in s) return new RebootCommand();
    return new FaultCommand(s.fault, s.disk ?? null);
  });
}

/** The steps of the commands of a sequence that ran (to keep a failing one as an ordinary test). */
export function stepsOf(cmds: Iterable<fc.AsyncCommand<Model, Real>>, h: ModelHost): Step[] {
  // fc.commands hands out its commands wrapped (cmd, hasRan): the steps are those that ran.
  const wrapped = [...cmds] as unknown as { cmd?: Steppable; hasRan?: boolean }[];
  return wrapped.filter((w) => w.hasRan !== false).map((w) => (w.cmd ?? (w as unknown as Steppable)).step(h));
}
