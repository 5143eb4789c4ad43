import { openWorkbench, remoteUri } from './browser.js';
import type { CodeServer } from './code-server.js';

// The @vscode/test-electron runTests() of this machine: the same extensionDevelopmentPath,
// extensionTestsPath and environment, given to code-server's workbench as its test payload; the
// suite's index.cjs exports run() exactly as it would for test-electron, so it also runs unchanged
// on a networked CI with @vscode/test-electron.

export interface SuiteRun {
  code: number | 'timeout';
  log: string[];
}

export interface SuiteOptions {
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Each line of the suite's output as it comes (mocha's reporter, the extension host's console). */
  onLog?: (line: string) => void;
}

export async function runExtensionHostSuite(server: CodeServer, opts: SuiteOptions): Promise<SuiteRun> {
  const log: string[] = [];
  let finish: (code: number | 'timeout') => void = () => undefined;
  const finished = new Promise<number | 'timeout'>((resolve) => (finish = resolve));
  const wb = await openWorkbench(server, {
    folder: opts.folder,
    payload: [
      ['extensionDevelopmentPath', remoteUri(server, opts.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server, opts.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['extensionEnvironment', JSON.stringify(opts.env ?? {})],
    ],
    onLog: (line) => {
      log.push(line);
      opts.onLog?.(line);
    },
    onExit: (code) => finish(code),
  });
  const timer = setTimeout(() => finish('timeout'), opts.timeoutMs ?? 180_000);
  try {
    return { code: await finished, log };
  } finally {
    clearTimeout(timer);
    await wb.close();
  }
}
