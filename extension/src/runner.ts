import * as path from 'node:path';
import { gatherFacts } from '../../modules/src/facts/gather.js';
import { simulatedHost } from '../../modules/src/runtime/connect.js';
import { altdiskFactsOf, buildTwin, hostStateFrom, loadInventory, run } from '../../runner/src/index.js';
import type { HostSpec, HostState, RunEvent } from '../../runner/src/index.js';
import { settings } from './config.js';
import type { HostFacts } from './engine.js';

// The runner (bundled into the extension): inventories, runs of one module on a host over SSH or on a
// simulated host with typed events, twins. This file is the one door to it; the extension's settings
// (extra SSH options, Node on the hosts) are applied here.

export type { HostSpec, HostState, RunEvent };
export { onPath } from '../../runner/src/index.js';

export interface ModuleRunRequest {
  module: string;
  args: Record<string, unknown>;
  host: HostSpec;
  check: boolean;
  signal: AbortSignal;
  stopWaiting: AbortSignal;
  sshOptions: string[];
}

export interface InventoryView {
  hosts(pattern?: string): HostSpec[];
  groupsOf(host: string): string[];
}

export interface RunnerPort {
  loadInventory(file: string, playDir: string): Promise<InventoryView>;
  run(req: ModuleRunRequest): AsyncIterable<RunEvent>;
  /** Facts of a simulated host folder, read in process with the modules' own gatherer. */
  simulatedFacts(dir: string): Promise<HostFacts>;
  buildTwin(host: HostSpec, dir: string, signal?: AbortSignal): Promise<void>;
  /** What a host was left in (after an interrupted play), from its facts. */
  hostState(host: HostSpec): Promise<HostState | undefined>;
}

/** The host as the runner should see it: the extension's Node path and SSH options where the inventory says nothing. */
function withSettings(host: HostSpec): HostSpec {
  const s = settings();
  const vars = { ...host.vars };
  if (s.hostNodePath && vars.ansible_node_interpreter === undefined) vars.ansible_node_interpreter = s.hostNodePath;
  if (s.sshExtraOptions.length) vars.ansible_ssh_extra_args = [vars.ansible_ssh_extra_args, ...s.sshExtraOptions.map((o) => `-o ${o}`)].filter(Boolean).join(' ');
  return { name: host.name, vars };
}

export function createRunner(root: string): RunnerPort {
  const paths = { distDir: root };
  return {
    async loadInventory(file, playDir) {
      const inv = await loadInventory([file], { playDir });
      return {
        hosts: (pattern) => inv.hosts(pattern),
        groupsOf: (host) => [...inv.inventory.groupsOf(host)],
      };
    },
    run(req) {
      return run({
        module: req.module,
        args: req.args,
        hosts: [withSettings(req.host)],
        paths,
        check: req.check,
        diff: true,
        forks: 1,
        signal: req.signal,
        stopWaitingSignal: req.stopWaiting,
      });
    },
    async simulatedFacts(dir) {
      return gatherFacts(simulatedHost(path.resolve(dir)));
    },
    async buildTwin(host, dir, signal) {
      if (signal?.aborted) throw new Error('cancelled');
      await buildTwin({ dir, paths, from: { host: withSettings(host) }, hostname: host.name.split('.')[0], force: true });
    },
    async hostState(host) {
      const handle = run({ module: 'facts', args: {}, hosts: [withSettings(host)], paths, stateAfterInterrupt: false, timeoutMs: 120_000 });
      for await (const _ of handle) {
        // the answer is in the summary
      }
      const facts = altdiskFactsOf((await handle.summary).hosts[0]?.result);
      return facts ? hostStateFrom(facts, host.name) : undefined;
    },
  };
}
