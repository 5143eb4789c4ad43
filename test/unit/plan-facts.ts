import assert from 'node:assert/strict';
import * as path from 'node:path';
import { gatherFacts } from '../../modules/src/facts/gather.js';
import type { HostFacts } from '../../modules/src/facts/types.js';
import type { PathInfo, PathProbe } from '../../modules/src/runtime/probe.js';
import { ModuleFailure } from '../../modules/src/runtime/failure.js';
import { aixsim, newHost, type SimHost } from '../helpers/sim.js';
import { simHostAccess } from '../helpers/sim-host-access.js';

// Facts for the planner unit tests: gathered ONCE per state from a real simulated host (so they are
// what the modules really see), then varied in code where a state is hard to reach.

export type HostScene =
  | 'fresh'
  | 'complete'
  | 'complete-two-disks'
  | 'phase1'
  | 'awake'
  | 'varied-on-by-hand'
  | 'mksysb-phase1'
  | 'rebooted'
  | 'mirrored'
  | 'aix43'
  | 'aix43-phase1';

function ok(h: SimHost, command: string, ...args: string[]): void {
  const r = h.run(command, ...args);
  assert.equal(r.rc, 0, `${command} ${args.join(' ')}: ${r.stderr}`);
}

function sim(h: SimHost, ...args: string[]): void {
  const r = aixsim([args[0]!, h.dir, ...args.slice(1)]);
  assert.equal(r.rc, 0, r.stderr);
}

const SETUP: Record<HostScene, { init: string[]; setup(h: SimHost): void }> = {
  fresh: { init: [], setup: () => undefined },
  complete: { init: [], setup: (h) => ok(h, 'alt_disk_copy', '-d', 'hdisk1') },
  'complete-two-disks': { init: [], setup: (h) => ok(h, 'alt_disk_copy', '-d', 'hdisk1 hdisk2') },
  phase1: { init: [], setup: (h) => ok(h, 'alt_disk_copy', '-d', 'hdisk1', '-P', '1') },
  awake: {
    init: [],
    setup: (h) => {
      ok(h, 'alt_disk_copy', '-d', 'hdisk1');
      ok(h, 'alt_rootvg_op', '-W', '-d', 'hdisk1');
    },
  },
  'varied-on-by-hand': {
    init: [],
    setup: (h) => {
      ok(h, 'alt_disk_copy', '-d', 'hdisk1');
      ok(h, 'varyonvg', 'altinst_rootvg');
    },
  },
  'mksysb-phase1': {
    init: [],
    setup: (h) => {
      const image = path.join(path.dirname(h.dir), 'scene.mksysb');
      sim(h, 'mksysb', image);
      ok(h, 'alt_disk_mksysb', '-m', image, '-d', 'hdisk2', '-P', '1');
    },
  },
  rebooted: {
    init: [],
    setup: (h) => {
      ok(h, 'alt_disk_copy', '-d', 'hdisk1');
      sim(h, 'reboot');
    },
  },
  mirrored: { init: ['--mirrored'], setup: () => undefined },
  aix43: { init: ['--profile', 'aix43'], setup: () => undefined },
  'aix43-phase1': { init: ['--profile', 'aix43'], setup: (h) => ok(h, 'alt_disk_install', '-C', '-P', '1', 'hdisk1') },
};

const cache = new Map<HostScene, Promise<HostFacts>>();

/** Facts of a simulated host brought into a scene (gathered once per test process). */
export function sceneFacts(scene: HostScene): Promise<HostFacts> {
  let p = cache.get(scene);
  if (!p) {
    p = (async () => {
      const { init, setup } = SETUP[scene];
      const h = newHost(...init);
      try {
        setup(h);
        return await gatherFacts(simHostAccess(h.dir), { diskSizes: 'all' });
      } finally {
        h.cleanup();
      }
    })();
    cache.set(scene, p);
  }
  return p.then((f) => structuredClone(f));
}

/** A path probe answering from a table (paths not in it do not exist). */
export function probeOf(table: Record<string, Partial<PathInfo>>): PathProbe {
  return (p) => {
    const e = table[p];
    if (!e) return { exists: false, kind: null, executable: false, readable: false };
    return { exists: true, kind: 'file', executable: false, readable: true, ...e };
  };
}

export const FILE: Partial<PathInfo> = { kind: 'file' };
export const SCRIPT: Partial<PathInfo> = { kind: 'file', executable: true };
export const DIR: Partial<PathInfo> = { kind: 'directory' };

/** The message of the ModuleFailure a planner throws (fails the test when it does not throw). */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModuleFailure) return e.message;
    throw e;
  }
  assert.fail('expected the planner to refuse');
}
