import * as fs from 'node:fs';
import * as util from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tmpDir } from '../../helpers/sim.js';
import { chromiumPath, type CodeServer } from './code-server.js';

// Debian's Chromium driven by playwright-core (never `playwright`, which downloads browsers), opening
// code-server's workbench on a folder, optionally with VS Code's test payload (extension development
// path, extension tests path, environment), which code-server honours with enable-smoke-test-driver.

export interface Workbench {
  page: Page;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  folder: string;
  payload?: [string, string][];
  /** VS Code's automation hooks: the test extension host's log lines and its exit code. */
  onLog?: (line: string) => void;
  onExit?: (code: number) => void;
  viewport?: { width: number; height: number };
}

// Workbench chatter of no interest to a test log.
const NOISE = /AgentHost|Creation of workbench contribution|Model is disposed|ChatModelSelection|AccountPolicyGate|connection token|Creating a socket|grace time|Service Worker|builtin extensions cache|authentication provider|open-vsx\.org|^\s+at /;

export async function openWorkbench(server: CodeServer, opts: WorkbenchOptions): Promise<Workbench> {
  const profile = tmpDir('altdisk-chromium-');
  const ctx: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  if (opts.onLog) {
    const onLog = opts.onLog;
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = util.format(...(args ?? []));
      if (!NOISE.test(line)) onLog(line);
    });
  }
  if (opts.onExit) await page.exposeFunction('codeAutomationExit', opts.onExit);
  const payload = opts.payload ? `&payload=${encodeURIComponent(JSON.stringify(opts.payload))}` : '';
  await page.goto(`${server.url}/?folder=${encodeURIComponent(opts.folder)}${payload}`);
  return {
    page,
    close: async () => {
      await ctx.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A path on the code-server host as the workbench names it. */
export function remoteUri(server: CodeServer, absPath: string): string {
  return `vscode-remote://${server.authority}${absPath}`;
}
