import * as fs from 'node:fs';
import * as vscode from 'vscode';
import * as language from '../../language/src/index.js';
import type { CompletionItem, DocumentInput, Finding, HostFacts, HoverResult, Position, Range, TaskInfo, TaskPreview, WorkspaceView } from '../../language/src/index.js';

// The language engine, in process (bundled into the extension): plain data in and out. This file is
// the only place that turns VS Code documents into the engine's inputs, and the one door to it.

export type { CompletionItem, Finding, HostFacts, HoverResult, Range, TaskInfo, TaskPreview };

/** What the engine may ask of the workspace, answered from VS Code and the host catalog. */
export interface WorkspaceSources {
  /** Facts of a host, when known (cached, or a simulated host's). */
  hostFacts(host: string): HostFacts | undefined;
  hosts(): string[];
  hostsOf(pattern: string): string[];
  /** The picked host, when its facts are known: facts-dependent rules check against it. */
  pickedHost(): string | undefined;
}

export class Engine {
  /** tasksOf of each document's latest version: CodeLens, commands and the collection check share it. */
  private readonly taskCache = new Map<string, { version: number; tasks: TaskInfo[] }>();

  constructor(
    private readonly sources: WorkspaceSources,
    /** The hazard reference page shipped in the extension: each finding's code links to its section. */
    private readonly docBase: string,
  ) {}

  input(doc: vscode.TextDocument): DocumentInput {
    return { uri: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString(), text: doc.getText() };
  }

  view(): WorkspaceView {
    return {
      // Included task files: the open editor's text when there is one (unsaved edits count), else the disk's.
      readFile: (p: string) => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === p);
        if (open) return open.getText();
        try {
          return fs.readFileSync(p, 'utf8');
        } catch {
          return undefined;
        }
      },
      hostFacts: (h) => this.sources.hostFacts(h),
      hosts: () => this.sources.hosts(),
      hostsOf: (p) => this.sources.hostsOf(p),
    };
  }

  analyze(doc: vscode.TextDocument): Finding[] {
    const host = this.sources.pickedHost();
    return language.analyze(this.input(doc), this.view(), { docBase: this.docBase, ...(host ? { host } : {}) }).findings;
  }

  complete(doc: vscode.TextDocument, pos: vscode.Position): CompletionItem[] {
    return language.complete(this.input(doc), toPosition(pos), this.view());
  }

  hover(doc: vscode.TextDocument, pos: vscode.Position, host?: string): HoverResult | null {
    return language.hover(this.input(doc), toPosition(pos), this.view(), host ? { host } : undefined);
  }

  preview(doc: vscode.TextDocument, pos: vscode.Position, facts: HostFacts): TaskPreview | null {
    return language.previewTask(this.input(doc), toPosition(pos), facts);
  }

  tasks(doc: vscode.TextDocument): TaskInfo[] {
    const key = doc.uri.toString();
    const cached = this.taskCache.get(key);
    if (cached && cached.version === doc.version && !doc.isClosed) return cached.tasks;
    const tasks = language.tasksOf(this.input(doc));
    this.taskCache.set(key, { version: doc.version, tasks });
    if (this.taskCache.size > 50) this.taskCache.delete(this.taskCache.keys().next().value!);
    return tasks;
  }
}

export function toPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
