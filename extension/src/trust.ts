import * as vscode from 'vscode';

// No runs in an untrusted workspace: a playbook, an inventory or a setting from a repository someone
// else wrote must not start ansible-playbook, SSH or a module before the user says they trust it.
// The manifest declares it (capabilities.untrustedWorkspaces, command enablement); this enforces it
// for every way a run can be asked for (CodeLens, command palette, keybinding, another extension).

export function mayRun(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(`altdisk does not ${what} in an untrusted workspace. Trust this workspace to run playbooks and modules.`, 'Manage Workspace Trust')
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
