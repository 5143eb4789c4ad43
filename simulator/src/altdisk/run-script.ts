import type { SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onPath } from './paths.js';
import { hostAixsim } from '../runtime/host-layout.js';
import { nodeChildProcess } from '../runtime/lazy-builtins.js';

// A customization script (-s) really runs, on this machine, the way AIX runs it: on the running
// system with the alternate file systems mounted at /alt_inst [V seed]. /alt_inst is mapped onto
// the alternate image's folder in a private mount namespace (as root: unshare + bind mount) or with
// proot; with neither available the run fails loudly rather than pretending the script ran.

/** Internal subcommand the bundle runs inside the new mount namespace (see cli/run-in-alt-inst.ts). */
export const IN_NAMESPACE_SUBCOMMAND = '__run-in-alt-inst';

export interface ScriptResult {
  rc: number;
  stdout: string;
  stderr: string;
}

const SYSTEM_MOUNT = ['/usr/bin/mount', '/bin/mount', '/usr/sbin/mount', '/sbin/mount'];

export class ScriptRunnerUnavailable extends Error {}

function scriptEnv(dir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${path.join(dir, 'bin')}:${env.PATH ?? '/usr/bin:/bin'}` };
}

function result(r: SpawnSyncReturns<string | Buffer>): ScriptResult {
  if (r.error) throw r.error;
  const rc = r.status ?? (r.signal ? 128 + (signalNumber(r.signal) ?? 0) : 1);
  return { rc, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

function signalNumber(sig: NodeJS.Signals): number | undefined {
  const table: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };
  return table[sig];
}

/** Run `script` with /alt_inst showing `folder` and the host's bin/ first in PATH. */
export function runWithAltInst(dir: string, script: string, folder: string, env: NodeJS.ProcessEnv): ScriptResult {
  const realFolder = fs.realpathSync(folder);
  const childEnv = scriptEnv(dir, env);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const unshare = onPath('unshare', env) ?? (fs.existsSync('/usr/bin/unshare') ? '/usr/bin/unshare' : null);
  if (isRoot && unshare) {
    // /alt_inst is AIX's own mount point; the bind mount needs an empty directory to land on.
    fs.mkdirSync('/alt_inst', { recursive: true });
    return result(
      nodeChildProcess().spawnSync(unshare, ['--mount', '--propagation', 'private', '--', process.execPath, hostAixsim(dir), IN_NAMESPACE_SUBCOMMAND, mountNamespace(), realFolder, script], {
        env: childEnv,
        encoding: 'utf8',
        cwd: '/',
      }),
    );
  }
  const proot = onPath('proot', env);
  if (proot) {
    return result(nodeChildProcess().spawnSync(proot, ['-b', `${realFolder}:/alt_inst`, script], { env: childEnv, encoding: 'utf8', cwd: '/' }));
  }
  throw new ScriptRunnerUnavailable(
    `aixsim: cannot run the customization script ${script}: mapping /alt_inst onto the alternate disk's files needs root (for unshare --mount) or proot. Run as root or install proot (apt-get install proot).`,
  );
}

/** The mount namespace of this process ("mnt:[4026531840]"). */
function mountNamespace(): string {
  return fs.readlinkSync('/proc/self/ns/mnt');
}

/** Inside the private namespace: bind the image folder onto /alt_inst, run the script, return its code. */
export function runInNamespace(parentNamespace: string, folder: string, script: string): number {
  // Never bind over this machine's /alt_inst: only inside the namespace unshare made for us.
  if (mountNamespace() === parentNamespace) {
    process.stderr.write(`aixsim ${IN_NAMESPACE_SUBCOMMAND}: not in a private mount namespace; refusing to mount over /alt_inst\n`);
    return 126;
  }
  // The host's bin/ is first in PATH (it has an AIX mount of its own): use this machine's mount.
  const mount = SYSTEM_MOUNT.find((m) => fs.existsSync(m)) ?? 'mount';
  const bind = nodeChildProcess().spawnSync(mount, ['--bind', folder, '/alt_inst'], { stdio: 'inherit' });
  if (bind.status !== 0) {
    process.stderr.write(`aixsim: mount --bind ${folder} /alt_inst failed\n`);
    return 126;
  }
  const r = nodeChildProcess().spawnSync(script, [], { stdio: 'inherit', cwd: '/' });
  if (r.error) {
    process.stderr.write(`aixsim: cannot execute ${script}: ${r.error.message}\n`);
    return 126;
  }
  return r.status ?? 128 + (r.signal ? (signalNumber(r.signal) ?? 0) : 0);
}

/** `aixsim __run-in-alt-inst <parent-mnt-ns> <folder> <script>` (internal: started by runWithAltInst through unshare). */
export function runInAltInstSubcommand(argv: string[]): number {
  const [parent, folder, script, ...extra] = argv;
  if (!parent || !folder || !script || extra.length > 0) throw new Error(`aixsim ${IN_NAMESPACE_SUBCOMMAND}: internal use only`);
  return runInNamespace(parent, folder, script);
}
