import * as path from 'node:path';
import * as vscode from 'vscode';
import { settings } from '../config.js';
import type { HostFacts } from '../engine.js';
import type { HostSpec, RunnerPort } from '../runner.js';
import { findInventory } from './inventoryPath.js';
import type { SimulatedHosts } from './simulatedHosts.js';

// The hosts a run can target, and the one picked: the workspace inventory's hosts, the simulated hosts
// the extension keeps, and twins (simulated copies of an inventory host built from its facts by the
// runner). The picked host is remembered per workspace; altdisk.defaultHost names the first one.
// Facts for previews come from simulated hosts directly, and for a real host from its twin.

export type TargetKind = 'inventory' | 'simulated' | 'twin';

export interface Target {
  /** 'inventory:lpar01', 'sim:aix73', 'twin:lpar01'. */
  id: string;
  /** The host name runs report. */
  name: string;
  kind: TargetKind;
  spec: HostSpec;
  /** A simulated host's folder (simulated hosts and twins). */
  simDir?: string;
  /** For a twin: the inventory host it copies. */
  twinOf?: string;
  inventory?: string;
  groups?: string[];
  /** The name the engine asks facts for. */
  factsKey: string;
}

export class HostCatalog implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Target | undefined>();
  /** Fired when the picked host changes or its facts arrive. */
  readonly onDidChange = this.emitter.event;
  private readonly facts = new Map<string, HostFacts>();
  private readonly loading = new Map<string, Promise<HostFacts | undefined>>();
  private inventoryCache: { file: string; hosts: HostSpec[]; groupsOf: (h: string) => string[]; hostsOf: (p: string) => string[] } | undefined;
  private picked: Target | undefined;

  constructor(
    private readonly sims: SimulatedHosts,
    private readonly twins: SimulatedHosts,
    private readonly runner: RunnerPort,
    private readonly state: vscode.Memento,
  ) {}

  inventoryFile(playbook?: vscode.Uri): string | undefined {
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    return findInventory(settings(playbook).inventory, roots, playbook ? path.dirname(playbook.fsPath) : undefined);
  }

  /** The inventory's hosts (read once per file, again after reload()). */
  async inventoryHosts(playbook?: vscode.Uri): Promise<Target[]> {
    const file = this.inventoryFile(playbook);
    if (!file) return [];
    if (this.inventoryCache?.file !== file) {
      const inv = await this.runner.loadInventory(file, path.dirname(playbook?.fsPath ?? file));
      this.inventoryCache = { file, hosts: inv.hosts(), groupsOf: inv.groupsOf, hostsOf: (p) => inv.hosts(p).map((h) => h.name) };
    }
    const cache = this.inventoryCache;
    return cache.hosts.map((spec) => ({ id: `inventory:${spec.name}`, name: spec.name, kind: 'inventory', spec, inventory: file, groups: cache.groupsOf(spec.name), factsKey: `inventory:${spec.name}` }));
  }

  reload(): void {
    this.inventoryCache = undefined;
  }

  simulated(): Target[] {
    const sims = this.sims.list().map((s): Target => ({ id: `sim:${s.name}`, name: s.name, kind: 'simulated', spec: { name: s.name, vars: { altdisk_sim_dir: s.dir } }, simDir: s.dir, factsKey: `sim:${s.name}` }));
    const twins = this.twins.list().map((s): Target => ({ id: `twin:${s.name}`, name: `${s.name}-twin`, kind: 'twin', spec: { name: `${s.name}-twin`, vars: { altdisk_sim_dir: s.dir } }, simDir: s.dir, twinOf: s.name, factsKey: `twin:${s.name}` }));
    return [...sims, ...twins];
  }

  async all(playbook?: vscode.Uri): Promise<Target[]> {
    let inventory: Target[] = [];
    try {
      inventory = await this.inventoryHosts(playbook);
    } catch (e) {
      void vscode.window.showWarningMessage(`altdisk: cannot read the inventory ${this.inventoryFile(playbook)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return [...inventory, ...this.simulated()];
  }

  async find(id: string, playbook?: vscode.Uri): Promise<Target | undefined> {
    const all = await this.all(playbook);
    return all.find((t) => t.id === id) ?? all.find((t) => t.name === id || `sim:${t.name}` === id);
  }

  current(): Target | undefined {
    return this.picked;
  }

  /** The remembered pick, else altdisk.defaultHost, else nothing. */
  async restore(): Promise<void> {
    const id = this.state.get<string>('altdisk.pickedHost') ?? settings().defaultHost;
    if (!id) return;
    const t = await this.find(id).catch(() => undefined);
    if (t) await this.pick(t);
  }

  async pick(target: Target): Promise<void> {
    this.picked = target;
    await this.state.update('altdisk.pickedHost', target.id);
    this.emitter.fire(target);
    void this.loadFacts(target);
  }

  /** Facts for the engine, by factsKey or host name. */
  factsOf(key: string): HostFacts | undefined {
    return this.facts.get(key) ?? [...this.facts.entries()].find(([k]) => k.endsWith(`:${key}`))?.[1];
  }

  hostNames(): string[] {
    return this.inventoryCache?.hosts.map((h) => h.name) ?? [];
  }

  hostsOf(pattern: string): string[] {
    try {
      return this.inventoryCache?.hostsOf(pattern) ?? [];
    } catch {
      return [];
    }
  }

  /** Reads a simulated host's (or twin's) facts in process; a real host's come from its twin. One read at a time per host. */
  loadFacts(target: Target): Promise<HostFacts | undefined> {
    const running = this.loading.get(target.factsKey);
    if (running) return running;
    const p = this.readFacts(target).finally(() => this.loading.delete(target.factsKey));
    this.loading.set(target.factsKey, p);
    return p;
  }

  private async readFacts(target: Target): Promise<HostFacts | undefined> {
    const dir = target.simDir ?? (target.kind === 'inventory' ? this.twins.list().find((t) => t.name === target.name)?.dir : undefined);
    if (!dir) return undefined;
    try {
      const facts = await this.runner.simulatedFacts(dir);
      this.facts.set(target.factsKey, facts);
      this.emitter.fire(target);
      return facts;
    } catch (e) {
      console.error(`altdisk: facts of ${target.name}`, e);
      return undefined;
    }
  }

  /** Builds (or rebuilds) the twin of an inventory host through the runner; returns the twin as a target. */
  async buildTwin(host: Target, signal?: AbortSignal): Promise<Target> {
    if (host.kind !== 'inventory') throw new Error(`${host.name} is already simulated: rehearse on it directly`);
    await this.runner.buildTwin(host.spec, this.twins.dirOf(host.name), signal);
    const twin = this.simulated().find((t) => t.kind === 'twin' && t.twinOf === host.name);
    if (!twin) throw new Error(`the twin of ${host.name} was not created in ${this.twins.dirOf(host.name)}`);
    twin.spec = { name: twin.name, vars: { ...host.spec.vars, altdisk_sim_dir: twin.simDir } };
    twin.groups = host.groups;
    const facts = await this.loadFacts(twin);
    if (facts) this.facts.set(host.factsKey, facts);
    return twin;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
