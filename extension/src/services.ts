import type * as vscode from 'vscode';
import type { Engine } from './engine.js';
import type { HostCatalog } from './hosts/catalog.js';
import type { SimulatedHosts } from './hosts/simulatedHosts.js';
import type { RunnerPort } from './runner.js';
import type { RunStore } from './runs/store.js';
import type { RunOutput } from './transcript.js';

/** What the commands share, made once in activate(). */
export interface Services {
  context: vscode.ExtensionContext;
  engine: Engine;
  catalog: HostCatalog;
  sims: SimulatedHosts;
  runner: RunnerPort;
  output: RunOutput;
  store: RunStore;
  /** The extension's folder: modules/, simulator/, ansible/callback_plugins/, ansible_collections/. */
  root: string;
}
