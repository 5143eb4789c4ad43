import * as vscode from 'vscode';
import { isAnsibleYaml } from '../documents.js';
import { toRange, type Engine } from '../engine.js';
import type { HostCatalog } from '../hosts/catalog.js';

// Hover: the module's and options' documentation from the specs, and on a task the exact AIX command
// lines it would run on the picked host (the modules' own planner over that host's facts).

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly engine: Engine,
    private readonly hosts: HostCatalog,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (!isAnsibleYaml(doc)) return undefined;
    const h = this.engine.hover(doc, pos, this.hosts.current()?.name);
    if (!h) return undefined;
    const md = new vscode.MarkdownString(h.contents);
    md.isTrusted = { enabledCommands: ['altdisk.pickHost', 'altdisk.previewTask'] };
    return new vscode.Hover(md, toRange(h.range));
  }
}
