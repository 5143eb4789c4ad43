import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AIXSIM, tmpDir } from '../helpers/sim.js';
import { groundTruth, type ShowJson } from '../helpers/ground-truth.js';
export { quiesce } from '../helpers/ground-truth.js';
import { initHost } from '../../simulator/src/cli/init.js';
import { moduleBundle, oneJsonLine, SIM_ENV, type ModuleName } from '../helpers/modules.js';

// The real system of the model-based tests: a simulated AIX host (aixsim), driven only through the
// bundled modules and aixsim's own commands (reboot, fault), and judged by aixsim's ground truth
// (`aixsim show DIR --json`): what the next reboot starts, which copies are half-made, what runs.

export type Profile = 'aix73' | 'aix43' | 'mirrored';

export const PROFILES: readonly Profile[] = ['aix73', 'aix43', 'mirrored'];

/** The simulator's ground truth (aixsim show --json), read in process. */
export type Truth = ShowJson;

const SIM_BUNDLE = AIXSIM;

export interface ModelHost {
  dir: string;
  profile: Profile;
  /** Disks other than the first rootvg's, as aixsim init made them. */
  spareDisks: string[];
  /** A mksysb image of the running system at init (for mksysb_install), modern levels only. */
  image: string | null;
  /** An executable customization script that succeeds (phase 2). */
  script: string;
  cleanup(): void;
}

export function aixsimRun(args: string[], env: NodeJS.ProcessEnv = {}): { rc: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SIM_BUNDLE, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { rc: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function truthOf(dir: string): Truth {
  return groundTruth(dir);
}

/**
 * A fresh simulated host of the profile. `like` shares another host's mksysb image and script
 * (made once per profile: the same level, the same files).
 */
export function createModelHost(profile: Profile, like?: ModelHost): ModelHost {
  const top = tmpDir('altdisk-model-');
  const dir = path.join(top, 'host');
  const init = profile === 'aix43' ? ['--profile', 'aix43'] : profile === 'mirrored' ? ['--mirrored'] : [];
  initHost([dir, ...init], AIXSIM);
  const t = truthOf(dir);
  let script = like?.script ?? '';
  if (!like) {
    script = path.join(top, 'customize.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho customized\n');
    fs.chmodSync(script, 0o755);
  }
  let image: string | null = like ? like.image : null;
  if (!like && t.generation === 'modern') {
    image = path.join(top, 'rootvg.mksysb');
    const m = aixsimRun(['mksysb', dir, image]);
    if (m.rc !== 0) throw new Error(`aixsim mksysb: ${m.stderr}`);
  }
  return {
    dir,
    profile,
    spareDisks: t.disks.map((d) => d.name).filter((n) => !t.rootvg.disks.includes(n)),
    image,
    script,
    cleanup: () => fs.rmSync(top, { recursive: true, force: true }),
  };
}

export type KillTarget = 'module' | 'aix' | 'group';

export interface KillPlan {
  /** Kill once the module has shown this many lines of its AIX command's progress (0: at its start)... */
  afterLines: number;
  /** ... and this many ms more. */
  afterMs: number;
  target: KillTarget;
  signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGKILL';
}

export interface CallPlan {
  module: ModuleName;
  args: Record<string, unknown>;
  check?: boolean;
  kill?: KillPlan;
  /** AIXSIM_SPEED for this call (slow enough for a kill to land in the middle). */
  speed?: number;
}

export interface CallOutcome {
  plan: CallPlan;
  /** The module's answer; null when it was killed outright (SIGKILL leaves no chance to answer). */
  answer: Record<string, unknown> | null;
  stdout: string;
  stderr: string;
  rc: number | null;
  /** What was killed, when the kill landed while the module still ran. */
  killed: KillPlan | null;
  /** The kill found no AIX command of this module running (target 'aix'): nothing was sent. */
  noCommandToKill: boolean;
}

/** The AIX command a module runs now (its child in the simulated process table), or null. */
function aixChild(dir: string, modulePid: number): number | null {
  try {
    const t = truthOf(dir);
    return t.processes.find((p) => p.ppid === modulePid && p.command.startsWith('alt_'))?.pid ?? t.processes.find((p) => p.ppid === modulePid)?.pid ?? null;
  } catch {
    return null;
  }
}

/** Run a bundled module against the host as its own process group, maybe killing it (or its AIX command, or the group) on the way. */
export function callModule(h: ModelHost, plan: CallPlan): Promise<CallOutcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, [SIM_ENV]: h.dir, ...(plan.speed !== undefined ? { AIXSIM_SPEED: String(plan.speed) } : {}) };
  const args = plan.check ? { ...plan.args, _ansible_check_mode: true } : plan.args;
  const child = spawn(process.execPath, [moduleBundle(plan.module)], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  let killed: KillPlan | null = null;
  let noCommandToKill = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => undefined);
  child.stdin.end(JSON.stringify(args));
  let timer: NodeJS.Timeout | null = null;
  let lines = 0;
  let armed = false;
  const arm = (k: KillPlan) => {
    if (armed) return;
    armed = true;
    timer = setTimeout(() => {
      if (exited) return;
      try {
        if (k.target === 'group') process.kill(-child.pid!, k.signal);
        else if (k.target === 'module') process.kill(child.pid!, k.signal);
        else {
          const pid = aixChild(h.dir, child.pid!);
          if (pid === null) {
            noCommandToKill = true;
            return;
          }
          process.kill(pid, k.signal);
        }
        killed = k;
      } catch {
        // It ended between the check and the kill.
      }
    }, k.afterMs);
  };
  if (plan.kill && plan.kill.afterLines === 0) arm(plan.kill);
  if (plan.kill && plan.kill.afterLines > 0) {
    const k = plan.kill;
    child.stderr.on('data', (d: Buffer) => {
      lines += d.toString().split('\n').length - 1;
      if (lines >= k.afterLines) arm(k);
    });
  }
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Gone.
      }
      reject(new Error(`${plan.module} ${JSON.stringify(args)} did not finish within 180 s`));
    }, 180_000);
    child.on('error', reject);
    child.on('exit', () => (exited = true));
    child.on('close', (code) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      const outright = killed !== null && (killed as KillPlan).signal === 'SIGKILL' && (killed as KillPlan).target !== 'aix';
      let answer: Record<string, unknown> | null = null;
      if (!outright || stdout !== '') answer = oneJsonLine(stdout, `${plan.module} ${JSON.stringify(args)} (rc ${code}, killed ${JSON.stringify(killed)}, stderr ${JSON.stringify(stderr.slice(-300))})`);
      resolve({ plan, answer, stdout, stderr, rc: code, killed, noCommandToKill });
    });
  });
}

/** What a call may change, for changed and check mode: disks, volume groups, copies, boot list. */
export function snapshot(t: Truth): string {
  return JSON.stringify({
    disks: t.disks.map((d) => [d.name, d.pvid, d.present, d.bootRecord, d.vgda?.vgid ?? null, d.vgda?.lvs ?? null, d.odmVg]),
    copies: t.copies.map((c) => [c.vgid, c.name, c.state, c.level, c.odm]),
    bootlist: t.nextBoot.bootlist,
    rootvg: [t.rootvg.vgid, t.rootvg.digest],
  });
}
