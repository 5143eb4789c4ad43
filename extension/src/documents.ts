import * as vscode from 'vscode';

// Which documents altdisk looks at: YAML playbooks and task files under the `yaml` language id, and
// under `ansible` (the id Red Hat's extension gives playbooks), on disk or unsaved. Other YAML
// (compose files, CI workflows, Kubernetes manifests) is a mapping at the top, never a list, and is
// left alone: nothing is analysed for it.

export const LANGUAGE_IDS = ['yaml', 'ansible'] as const;

export const SELECTOR: vscode.DocumentSelector = LANGUAGE_IDS.flatMap((language) =>
  ['file', 'untitled'].map((scheme) => ({ language, scheme })),
);

/** A playbook or a task file: a YAML list at the top level (its first line that says anything starts with "-"). */
export function isAnsibleYaml(doc: vscode.TextDocument): boolean {
  if (!(LANGUAGE_IDS as readonly string[]).includes(doc.languageId)) return false;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  if (doc.languageId === 'ansible') return true;
  const lines = Math.min(doc.lineCount, 400);
  for (let i = 0; i < lines; i++) {
    const text = doc.lineAt(i).text;
    if (/^\s*(#.*)?$/.test(text) || /^(---|%)/.test(text)) continue;
    return /^-(\s|$)/.test(text);
  }
  return false;
}
