import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AltdiskApi } from './api.js';
import { CollectionCheck } from './collection/collectionCheck.js';
import { newSimulatedHost } from './commands/hostCommands.js';
import { runPlay } from './commands/playCommands.js';
import { PREVIEW_SCHEME, PreviewDocuments, previewTask } from './commands/previewCommand.js';
import { runTask } from './commands/taskCommands.js';
import { rehearseOnTwin, type RehearseOptions } from './commands/twinCommand.js';
import { SELECTOR, isAnsibleYaml } from './documents.js';
import { Engine } from './engine.js';
import { HostCatalog } from './hosts/catalog.js';
import { pickHost } from './hosts/hostPicker.js';
import { SimulatedHosts } from './hosts/simulatedHosts.js';
import { CodeActionsProvider } from './providers/codeActions.js';
import { CodeLensProvider } from './providers/codeLens.js';
import { CompletionProvider } from './providers/completion.js';
import { DiagnosticsProvider } from './providers/diagnostics.js';
import { HoverProvider } from './providers/hover.js';
import { createRunner } from './runner.js';
import type { Diff } from './runs/model.js';
import { RunStore } from './runs/store.js';
import type { Services } from './services.js';
import { HostStatusBar } from './statusBar.js';
import { RunOutput } from './transcript.js';
import { DIFF_SCHEME, DiffDocuments } from './views/diffDocuments.js';
import { ResultsView } from './views/resultsView.js';

// Activation is for YAML and ansible documents only (package.json), and cheap: everything below is
// object creation and registration; the engine runs when a playbook is analysed, the runner when a run
// is asked for, and nothing needs Python.

export function activate(context: vscode.ExtensionContext): AltdiskApi {
  const started = performance.now();
  const root = context.extensionPath;
  const storage = context.globalStorageUri.fsPath;
  const aixsim = path.join(root, 'simulator/aixsim.cjs');
  const sims = new SimulatedHosts(path.join(storage, 'hosts'), aixsim);
  const twins = new SimulatedHosts(path.join(storage, 'twins'), aixsim);
  const runner = createRunner(root);
  const output = new RunOutput();
  const store = new RunStore();
  const catalog = new HostCatalog(sims, twins, runner, context.workspaceState);
  const engine = new Engine(
    {
      hostFacts: (h) => catalog.factsOf(h),
      hosts: () => catalog.hostNames(),
      hostsOf: (p) => catalog.hostsOf(p),
      pickedHost: () => {
        const t = catalog.current();
        return t && catalog.factsOf(t.name) ? t.name : undefined;
      },
    },
    vscode.Uri.file(path.join(root, 'docs/hazards.md')).toString(),
  );
  const s: Services = { context, engine, catalog, sims, runner, output, store, root };

  const diagnostics = new DiagnosticsProvider(engine);
  const codeLens = new CodeLensProvider(engine);
  const diffs = new DiffDocuments();
  const previews = new PreviewDocuments();
  const results = new ResultsView(store, (d, t) => diffs.show(d, t));
  const collection = new CollectionCheck(s);
  const cmd = (id: string, f: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, f as (...args: unknown[]) => unknown);
  // CodeLens commands get the document and the line; from the palette, the active editor's cursor.
  const atLine =
    (f: (at: { uri: vscode.Uri; line: number }) => unknown) =>
    (uri?: vscode.Uri, line?: number): unknown => {
      const editor = vscode.window.activeTextEditor;
      const u = uri ?? editor?.document.uri;
      return u && f({ uri: u, line: line ?? editor?.selection.active.line ?? 0 });
    };

  context.subscriptions.push(
    output,
    store,
    catalog,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionsProvider(), { providedCodeActionKinds: CodeActionsProvider.kinds }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CompletionProvider(engine), ...CompletionProvider.triggers),
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(engine, catalog)),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, diffs),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    vscode.window.registerTreeDataProvider('altdisk.results', results),
    new HostStatusBar(catalog),
    catalog.onDidChange(() => diagnostics.refreshAll()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      codeLens.refresh();
      for (const d of vscode.workspace.textDocuments) if (isAnsibleYaml(d)) collection.check(d);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => isAnsibleYaml(d) && collection.check(d)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('altdisk.inventory') && catalog.reload()),
    cmd('altdisk.runPlay', atLine((a) => runPlay(s, { ...a, check: false }))),
    cmd('altdisk.checkPlay', atLine((a) => runPlay(s, { ...a, check: true }))),
    cmd('altdisk.runTask', atLine((a) => runTask(s, { ...a, check: false }))),
    cmd('altdisk.checkTask', atLine((a) => runTask(s, { ...a, check: true }))),
    cmd('altdisk.previewTask', (uri?: vscode.Uri, line?: number) => previewTask(s, previews, uri, line)),
    cmd('altdisk.rehearseOnTwin', (uri?: vscode.Uri, line?: number, opts?: RehearseOptions) => rehearseOnTwin(s, uri, line, opts)),
    cmd('altdisk.pickHost', () => pickHost(catalog, vscode.window.activeTextEditor?.document.uri)),
    cmd('altdisk.newSimulatedHost', (name?: string, profile?: string) => newSimulatedHost(s, name, profile)),
    cmd('altdisk.fixCollectionPath', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      const playbook = doc?.uri.scheme === 'file' ? doc.uri.fsPath : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '.', 'playbook.yml');
      const note = collection.note(playbook);
      if (!note) return void vscode.window.showInformationMessage('altdisk: Ansible already finds the collection altdisk.aix for this playbook.');
      return collection.offer(path.dirname(playbook), note);
    }),
    cmd('altdisk.showOutput', () => output.show()),
    cmd('altdisk.clearResults', () => store.clear()),
    cmd('altdisk.showDiff', (d: Diff, title: string) => diffs.show(d, title)),
    cmd('altdisk.revealTask', async (uri: vscode.Uri, line: number) => {
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      const pos = new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
  void catalog.restore();
  for (const d of vscode.workspace.textDocuments) if (isAnsibleYaml(d)) collection.check(d);

  const activationMs = performance.now() - started;
  return {
    transcript: () => output.transcript(),
    onTranscriptLine: (f) => output.onLine((l) => f(l.text)),
    runs: () => store.all(),
    resultsSnapshot: () => results.snapshot(),
    analysed: (uri) =>
      new Promise((resolve) => {
        const current = (): boolean => {
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          return !!doc && diagnostics.versions.get(uri.toString()) === doc.version;
        };
        if (current()) return resolve();
        const sub = diagnostics.onDidAnalyse(() => {
          if (!current()) return;
          sub.dispose();
          resolve();
        });
      }),
    lastAnalysisMs: (uri) => diagnostics.analysisMs.get(uri.toString()),
    pickedHost: () => catalog.current()?.id,
    pickHost: async (id) => {
      const t = await catalog.find(id);
      if (t) await catalog.pick(t);
      return !!t;
    },
    activationMs,
  };
}

export function deactivate(): void {}
