import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, tmpDir } from '../../helpers/sim.js';
import { freePort } from '../../helpers/sshd.js';

// A real VS Code for the extension suites: code-server (VS Code as a server, from npm) on the Node 24
// it needs, both provisioned by scripts/provision-vscode.sh into ~/.cache/altdisk. One server per suite,
// in its own process group with its own user data, extensions and XDG folders under /tmp, so that
// nothing lands in $HOME and stop() leaves no process behind.

export interface VscodeTools {
  node: string;
  entry: string;
  version: string;
}

/** The pinned versions are read from the provisioning script, their single source. */
function pinned(name: string): string {
  const text = fs.readFileSync(path.join(ROOT, 'scripts/provision-vscode.sh'), 'utf8');
  const m = new RegExp(`^${name}=(\\S+)$`, 'm').exec(text);
  if (!m?.[1]) throw new Error(`test: scripts/provision-vscode.sh sets no ${name}`);
  return m[1];
}

export function vscodeTools(): VscodeTools {
  const cache = process.env.ALTDISK_CACHE ?? path.join(os.homedir(), '.cache/altdisk');
  const version = pinned('CODE_SERVER_VERSION');
  const node = path.join(cache, `node-${pinned('NODE24_VERSION')}`, 'bin/node');
  const csDir = path.join(cache, `code-server-${version}`);
  const entry = path.join(csDir, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(path.join(csDir, '.complete')) || !fs.existsSync(node)) {
    throw new Error(`code-server ${version} is not provisioned in ${cache}: run bash scripts/provision.sh (npm test does)`);
  }
  return { node, entry, version };
}

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  if (!fs.existsSync(CHROMIUM)) throw new Error('chromium is not installed: run bash scripts/provision.sh as root (apt-get install chromium)');
  return CHROMIUM;
}

// What keeps a test workbench quiet and deterministic: no chat, no update checks, no welcome page.
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 200,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServer {
  url: string;
  /** code-server's remote authority ('remote'): paths on the server are vscode-remote://<authority><path>. */
  authority: string;
  runDir: string;
  extensionsDir: string;
  log(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** .vsix files installed (code-server --install-extension) before the server starts. */
  vsix?: string[];
  /** Extension folders copied into the extensions folder as installed extensions (unpacked). */
  unpacked?: string[];
  settings?: Record<string, unknown>;
  /** Workspace trust stays on (the default turns it off so that no dialog asks). */
  trust?: boolean;
}

function xdgEnv(runDir: string): NodeJS.ProcessEnv {
  const xdg = path.join(runDir, 'xdg');
  // VS Code leaves its IPC, git and TypeScript sockets in the temporary folder when it is killed: in
  // runDir's own (a short name: socket paths are limited to 107 bytes), removed with runDir.
  return { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: path.join(runDir, 't') };
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = vscodeTools();
  const runDir = tmpDir('altdisk-vscode-');
  const userData = path.join(runDir, 'ud');
  const extensionsDir = path.join(runDir, 'exts');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(runDir, 'xdg'), { recursive: true });
  fs.mkdirSync(path.join(runDir, 't'), { recursive: true });
  const settings = { ...QUIET_SETTINGS, ...(opts.trust ? { 'security.workspace.trust.enabled': true } : {}), ...opts.settings };
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userData];

  for (const vsix of opts.vsix ?? []) {
    const r = spawnSync(tools.node, [tools.entry, ...common, '--install-extension', vsix, '--force'], { encoding: 'utf8', env: xdgEnv(runDir) });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}): ${r.stderr}${r.stdout}`);
  }
  for (const dir of opts.unpacked ?? []) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    fs.cpSync(dir, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }

  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const flags = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--reconnection-grace-time', '5', ...common, '--vscode-option', 'enable-smoke-test-driver',
    ...(opts.trust ? [] : ['--disable-workspace-trust']),
  ];
  // detached: its own process group, so that stop() also ends the file watcher and extension hosts.
  const child = spawn(tools.node, [tools.entry, ...flags], { detached: true, stdio: ['ignore', logFd, logFd], env: xdgEnv(runDir) });
  fs.closeSync(logFd);
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const log = (): string => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

  const stop = async (): Promise<void> => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 30 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* the whole group is gone */
    }
    if (!process.env.ALTDISK_KEEP_VSCODE_RUN) fs.rmSync(runDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (true) {
    if (exited) throw new Error(`code-server exited at start:\n${log()}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const html = await (await fetch(`${url}/?folder=${encodeURIComponent(ROOT)}`)).text();
  const authority = /remoteAuthority&quot;:&quot;([^&]+)&quot;/.exec(html)?.[1] ?? 'remote';
  return { url, authority, runDir, extensionsDir, log, stop };
}
