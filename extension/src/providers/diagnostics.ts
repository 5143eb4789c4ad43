import * as vscode from 'vscode';
import { settings } from '../config.js';
import { isAnsibleYaml } from '../documents.js';
import { toRange, type Engine, type Finding } from '../engine.js';

// Diagnostics as the user types: the engine runs in process after a short quiet time (debounced per
// document), on open and on every change; closing a document clears its problems.

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A diagnostic that remembers the finding it shows (its fixes, whether it can be suppressed). */
export class FindingDiagnostic extends vscode.Diagnostic {
  constructor(readonly finding: Finding) {
    super(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
    this.source = 'altdisk';
    this.code = finding.docUrl ? { value: finding.code, target: vscode.Uri.parse(finding.docUrl) } : finding.code;
  }
}

export class DiagnosticsProvider implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('altdisk');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly analysed = new vscode.EventEmitter<vscode.Uri>();
  /** The document version each URI was last analysed at. */
  readonly versions = new Map<string, number>();
  /** How long the engine took for each URI's last analysis (ms). */
  readonly analysisMs = new Map<string, number>();
  /** Fired after a document's diagnostics were set (the tests and the benchmark wait on it). */
  readonly onDidAnalyse = this.analysed.event;

  constructor(private readonly engine: Engine) {
    this.disposables.push(
      this.collection,
      this.analysed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  schedule(doc: vscode.TextDocument, delay = settings(doc.uri).diagnosticsDelayMs): void {
    if (!isAnsibleYaml(doc)) {
      if (this.collection.has(doc.uri)) this.collection.delete(doc.uri);
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.analyse(doc);
      }, delay),
    );
  }

  /** Analyses now (also used after the host changes: facts-dependent rules may say more). */
  analyse(doc: vscode.TextDocument): void {
    let findings: Finding[];
    const started = performance.now();
    try {
      findings = this.engine.analyze(doc);
      this.analysisMs.set(doc.uri.toString(), performance.now() - started);
    } catch (e) {
      findings = [];
      console.error(`altdisk: analysis of ${doc.uri.toString()} failed`, e);
    }
    this.collection.set(doc.uri, findings.map((f) => new FindingDiagnostic(f)));
    this.versions.set(doc.uri.toString(), doc.version);
    this.analysed.fire(doc.uri);
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.versions.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
