import * as vscode from 'vscode';
import { RunOutput } from './transcript.js';

export interface AltdiskApi {
  transcript(): string[];
}

export function activate(context: vscode.ExtensionContext): AltdiskApi {
  const output = new RunOutput();
  context.subscriptions.push(output);
  output.appendLine('altdisk: activated');
  return { transcript: () => output.transcript() };
}

export function deactivate(): void {}
