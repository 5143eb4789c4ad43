import * as vscode from 'vscode';
import type { HostCatalog, Target } from './catalog.js';

// The host picker: inventory hosts, simulated hosts and twins, and the actions that make new ones.

interface Item extends vscode.QuickPickItem {
  target?: Target;
  action?: 'newSim' | 'twin';
}

const ICON: Record<Target['kind'], string> = { inventory: '$(server)', simulated: '$(beaker)', twin: '$(copy)' };

export async function pickHost(catalog: HostCatalog, playbook?: vscode.Uri, title = 'Target host for altdisk runs and previews'): Promise<Target | undefined> {
  const targets = await catalog.all(playbook);
  const current = catalog.current();
  const inventory = catalog.inventoryFile(playbook);
  const items: Item[] = [];
  const section = (label: string): void => void items.push({ label, kind: vscode.QuickPickItemKind.Separator });
  const add = (t: Target): void =>
    void items.push({
      label: `${ICON[t.kind]} ${t.name}`,
      description: [t.id === current?.id ? 'picked' : undefined, t.kind === 'twin' ? `twin of ${t.twinOf}` : t.kind === 'simulated' ? 'simulated AIX host' : t.groups?.filter((g) => g !== 'all' && g !== 'ungrouped').join(', ')].filter(Boolean).join(' · '),
      detail: t.simDir ?? (t.inventory ? `from ${vscode.workspace.asRelativePath(t.inventory)}` : undefined),
      target: t,
    });
  const inv = targets.filter((t) => t.kind === 'inventory');
  section(inventory ? `Inventory ${vscode.workspace.asRelativePath(inventory)}` : 'No inventory found (setting altdisk.inventory)');
  inv.forEach(add);
  section('Simulated hosts and twins');
  targets.filter((t) => t.kind !== 'inventory').forEach(add);
  items.push({ label: '$(add) Create a simulated AIX host…', action: 'newSim' });
  if (inv.length) items.push({ label: '$(copy) Build a twin of an inventory host…', action: 'twin' });
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: current ? `picked: ${current.name}` : 'pick a host', matchOnDescription: true });
  if (!chosen) return undefined;
  if (chosen.action === 'newSim') return vscode.commands.executeCommand<Target | undefined>('altdisk.newSimulatedHost');
  if (chosen.action === 'twin') return vscode.commands.executeCommand<Target | undefined>('altdisk.rehearseOnTwin', undefined, undefined, { buildOnly: true });
  if (chosen.target) await catalog.pick(chosen.target);
  return chosen.target;
}
