import type * as vscode from 'vscode';
import type { RunRecord } from './runs/model.js';

/** What activate() returns: the tests' window into what a person would see (the extension API cannot read an Output channel back). */
export interface AltdiskApi {
  /** Every line written to the altdisk Output channel, in order. */
  transcript(): string[];
  onTranscriptLine(listener: (line: string) => void): vscode.Disposable;
  /** Runs of this window, newest first. */
  runs(): readonly RunRecord[];
  /** The Run results view's rows as text, depth first. */
  resultsSnapshot(): string[];
  /** Resolves once the document's diagnostics are those of its current text. */
  analysed(uri: vscode.Uri): Promise<void>;
  /** How long the engine's last analysis of the document took, in ms. */
  lastAnalysisMs(uri: vscode.Uri): number | undefined;
  /** The picked host's id ('sim:NAME', 'inventory:lpar01', 'twin:lpar01'). */
  pickedHost(): string | undefined;
  /** Picks a host by id or name without the picker. */
  pickHost(id: string): Promise<boolean>;
  /** ms from activate() entry to its return. */
  activationMs: number;
}
