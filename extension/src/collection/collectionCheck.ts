import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { collectionNote, type CollectionEnv } from '../../../language/src/index.js';
import type { Services } from '../services.js';
import { mayRun } from '../trust.js';

// ansible-playbook and ansible-lint reject every altdisk task when the collection altdisk.aix is not
// where Ansible looks (the engine's collectionNote knows where that is). When a playbook with altdisk
// tasks opens and it is not there, a notification offers to install the collection shipped in the
// .vsix for this user (~/.ansible/collections, a default path) or beside the playbook (collections/,
// which Ansible always searches).

const DONT_ASK = 'altdisk.collectionCheck.dontAsk';
const COLLECTION_DIR = ['ansible_collections', 'altdisk', 'aix'];

/** The machine as the engine's collection lookup sees it, for ansible-playbook started in `cwd`. */
export function collectionEnv(cwd: string): CollectionEnv {
  return {
    env: process.env,
    cwd,
    home: os.homedir(),
    readFile: (p) => {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (p) => fs.existsSync(p),
  };
}

export class CollectionCheck {
  private readonly asked = new Set<string>();

  constructor(private readonly s: Services) {}

  /** The collection shipped in the extension. */
  get shipped(): string {
    return path.join(this.s.root, ...COLLECTION_DIR);
  }

  /** The note for a playbook (null when Ansible finds the collection); runs start in the playbook's folder. */
  note(playbook: string): string | null {
    return collectionNote([playbook], collectionEnv(path.dirname(playbook)));
  }

  check(doc: vscode.TextDocument): void {
    // Installing is a change to the machine: not offered before the workspace is trusted (asked again then).
    if (doc.uri.scheme !== 'file' || !vscode.workspace.isTrusted || this.s.context.workspaceState.get<boolean>(DONT_ASK)) return;
    const dir = path.dirname(doc.uri.fsPath);
    if (this.asked.has(dir)) return;
    if (!this.s.engine.tasks(doc).some((t) => t.module)) return;
    this.asked.add(dir);
    const note = this.note(doc.uri.fsPath);
    if (note) void this.offer(dir, note);
  }

  async offer(dir: string, note: string): Promise<string | undefined> {
    const forUser = 'Install for this user';
    const beside = 'Install beside the playbook';
    const never = "Don't ask again";
    this.s.output.appendLine(`altdisk: ${note}`);
    const choice = await vscode.window.showWarningMessage(`altdisk: ${note.split(': ansible-playbook')[0]}. ansible-playbook and ansible-lint reject every altdisk task without it.`, forUser, beside, never);
    if (choice === never) await this.s.context.workspaceState.update(DONT_ASK, true);
    if (choice === forUser) return this.install(path.join(os.homedir(), '.ansible/collections'));
    if (choice === beside) return this.install(path.join(dir, 'collections'));
    return undefined;
  }

  /** Copies the shipped collection to `<base>/ansible_collections/altdisk/aix`. */
  install(base: string): string | undefined {
    if (!mayRun('install the collection')) return undefined;
    const to = path.join(base, ...COLLECTION_DIR);
    fs.rmSync(to, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(this.shipped, to, { recursive: true });
    this.s.output.appendLine(`altdisk: collection altdisk.aix installed in ${to}`);
    void vscode.window.showInformationMessage(`altdisk: the collection altdisk.aix is now in ${to}.`);
    return to;
  }
}
