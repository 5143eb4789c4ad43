import * as vscode from 'vscode';
import type { Target } from '../hosts/catalog.js';
import type { RunRecord } from '../runs/model.js';
import type { Services } from '../services.js';
import { mayRun } from '../trust.js';
import { runPlay } from './playCommands.js';
import { runTask, taskAt } from './taskCommands.js';

// "Rehearse on a twin": build a simulated twin of an inventory host from its facts (the runner reads
// them over SSH: disks and sizes, PVIDs, VGs, rootvg layout, levels, boot lists), then run the task or
// the play at the cursor there first. The result says what would have happened on the real host.

export interface RehearseOptions {
  buildOnly?: boolean;
  check?: boolean;
  host?: string;
}

async function realHost(s: Services, uri: vscode.Uri | undefined, name?: string): Promise<Target | undefined> {
  const inventory = await s.catalog.inventoryHosts(uri);
  if (name) return inventory.find((t) => t.name === name);
  const current = s.catalog.current();
  if (current?.kind === 'inventory') return current;
  if (current?.kind === 'twin') return inventory.find((t) => t.name === current.twinOf);
  if (!inventory.length) {
    void vscode.window.showErrorMessage('altdisk: a twin copies a host of the inventory, and no inventory was found (setting altdisk.inventory).');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    inventory.map((t) => ({ label: t.name, description: t.groups?.filter((g) => g !== 'all').join(', '), target: t })),
    { title: 'Rehearse on a twin of which host?' },
  );
  return picked?.target;
}

export async function rehearseOnTwin(s: Services, uri?: vscode.Uri, line?: number, opts: RehearseOptions = {}): Promise<Target | RunRecord | undefined> {
  if (!mayRun('build twins or rehearse')) return undefined;
  const docUri = uri ?? vscode.window.activeTextEditor?.document.uri;
  const host = await realHost(s, docUri, opts.host);
  if (!host) return undefined;
  const twin = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `altdisk: building a twin of ${host.name} from its facts`, cancellable: true }, async (_p, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    try {
      return await s.catalog.buildTwin(host, abort.signal);
    } catch (e) {
      void vscode.window.showErrorMessage(`altdisk: the twin of ${host.name} could not be built: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  });
  if (!twin) return undefined;
  s.output.appendLine(`altdisk: twin of ${host.name} built in ${twin.simDir}`);
  if (opts.buildOnly || !docUri) {
    await s.catalog.pick(twin);
    return twin;
  }
  const doc = await vscode.workspace.openTextDocument(docUri);
  const at = line ?? vscode.window.activeTextEditor?.selection.active.line ?? 0;
  const check = opts.check ?? false;
  const record = taskAt(s.engine.tasks(doc), at) ? await runTask(s, { uri: docUri, line: at, check, target: twin }) : await runPlay(s, { uri: docUri, line: at, check, target: twin });
  if (record) {
    const h = record.hosts.find((x) => x.host === twin.name);
    const verdict = !h ? 'nothing ran' : h.status === 'failed' ? `it would have FAILED on ${host.name}` : `it would have been ${h.status} on ${host.name}`;
    record.note = `Rehearsal on the twin of ${host.name}: ${verdict}.`;
    s.output.appendLine(`altdisk: ${record.note}`);
    s.store.changed(record);
    void (h?.status === 'failed' ? vscode.window.showErrorMessage(`altdisk: ${record.note}`) : vscode.window.showInformationMessage(`altdisk: ${record.note}`));
  }
  return record;
}
