import * as vscode from 'vscode';
import type { Target } from '../hosts/catalog.js';
import { validSimName } from '../hosts/simulatedHosts.js';
import type { Services } from '../services.js';
import { mayRun } from '../trust.js';

// Creating a simulated AIX host (aixsim, shipped in the .vsix) and picking it.

const PROFILES = [
  { label: 'aix73', description: 'AIX 7.3 TL2 SP1, rootvg on hdisk0, free disks hdisk1 to hdisk3' },
  { label: 'aix72', description: 'AIX 7.2' },
  { label: 'aix71', description: 'AIX 7.1' },
  { label: 'aix53', description: 'AIX 5.3' },
  { label: 'aix43', description: 'AIX 4.3: only alt_disk_install' },
];

export async function newSimulatedHost(s: Services, name?: string, profile?: string): Promise<Target | undefined> {
  if (!mayRun('create simulated hosts')) return undefined;
  const chosenName =
    name ??
    (await vscode.window.showInputBox({
      title: 'Create a simulated AIX host',
      prompt: 'Its host name',
      value: `aixsim${s.sims.list().length + 1}`,
      validateInput: (v) => validSimName(v),
    }));
  if (!chosenName) return undefined;
  const chosenProfile = profile ?? (await vscode.window.showQuickPick(PROFILES, { title: `AIX level of ${chosenName}` }))?.label;
  if (!chosenProfile) return undefined;
  const host = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `altdisk: creating the simulated host ${chosenName}` }, () =>
    s.sims.create(chosenName, ['--profile', chosenProfile]),
  );
  s.output.appendLine(`altdisk: simulated AIX host ${host.name} (${host.level ?? chosenProfile}) created in ${host.dir}`);
  const target = s.catalog.simulated().find((t) => t.id === `sim:${host.name}`);
  if (target) await s.catalog.pick(target);
  return target;
}
