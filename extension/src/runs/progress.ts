import * as vscode from 'vscode';

// A cancellable progress notification for a run. The first cancel asks the run to stop (the remote
// work stops and the state left is reported); a second notification then offers to stop waiting.

export interface RunControl {
  /** Aborted by the first cancel. */
  signal: AbortSignal;
  /** Aborted by the second cancel. */
  stopWaiting: AbortSignal;
  report(message: string): void;
}

export async function withRunProgress<T>(title: string, work: (control: RunControl) => Promise<T>): Promise<T> {
  const interrupt = new AbortController();
  const stop = new AbortController();
  let report: (m: string) => void = () => undefined;
  const finished = work({ signal: interrupt.signal, stopWaiting: stop.signal, report: (m) => report(m) });
  const settled = finished.then(
    () => undefined,
    () => undefined,
  );
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    report = (m) => progress.report({ message: m });
    token.onCancellationRequested(() => {
      interrupt.abort();
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}: stopping the remote work…`, cancellable: true }, (_p, token2) => {
        token2.onCancellationRequested(() => stop.abort());
        return settled;
      });
    });
    return settled;
  });
  return finished;
}
