import * as vscode from 'vscode';

/** What the tests read back: the extension API cannot read an Output channel, so every line written
 * to it is also kept here and offered to listeners (returned from activate(), see api.ts). */
export interface TranscriptLine {
  at: number;
  text: string;
}

/** The "altdisk" Output channel, with the lines it was given kept for the transcript hook. */
export class RunOutput implements vscode.Disposable {
  readonly channel: vscode.OutputChannel;
  private readonly lines: TranscriptLine[] = [];
  private readonly listeners = new Set<(line: TranscriptLine) => void>();
  private static readonly KEPT = 20_000;

  constructor() {
    this.channel = vscode.window.createOutputChannel('altdisk');
  }

  appendLine(text: string): void {
    this.channel.appendLine(text);
    for (const part of text.split('\n')) {
      const line = { at: Date.now(), text: part };
      this.lines.push(line);
      if (this.lines.length > RunOutput.KEPT) this.lines.splice(0, this.lines.length - RunOutput.KEPT);
      for (const l of this.listeners) l(line);
    }
  }

  show(): void {
    this.channel.show(true);
  }

  transcript(): string[] {
    return this.lines.map((l) => l.text);
  }

  onLine(listener: (line: TranscriptLine) => void): vscode.Disposable {
    this.listeners.add(listener);
    return new vscode.Disposable(() => this.listeners.delete(listener));
  }

  dispose(): void {
    this.listeners.clear();
    this.channel.dispose();
  }
}
