import * as vscode from 'vscode';

// The altdisk settings, read when used (so a change applies to the next run without a reload). In an
// untrusted workspace VS Code gives only the user's values of the restricted ones (package.json,
// capabilities.untrustedWorkspaces), so a cloned repository cannot point ansiblePlaybookPath elsewhere.

export interface Settings {
  inventory: string;
  ansiblePlaybookPath: string;
  sshExtraOptions: string[];
  hostNodePath: string;
  defaultHost: string;
  diagnosticsDelayMs: number;
}

export function settings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('altdisk', scope);
  return {
    inventory: c.get<string>('inventory', '').trim(),
    ansiblePlaybookPath: c.get<string>('ansiblePlaybookPath', 'ansible-playbook').trim() || 'ansible-playbook',
    sshExtraOptions: c.get<string[]>('ssh.extraOptions', []).map((o) => o.trim()).filter(Boolean),
    hostNodePath: c.get<string>('hostNodePath', '').trim(),
    defaultHost: c.get<string>('defaultHost', '').trim(),
    diagnosticsDelayMs: Math.max(0, c.get<number>('diagnostics.delay', 150)),
  };
}

/** Opens the Settings editor on one altdisk setting. */
export function openSetting(id: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `altdisk.${id}`);
}
