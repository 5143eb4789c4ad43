import * as path from 'node:path';
import { availableCommands, COMMANDS } from './commands/registry.js';
import { appendCallLog, makeContext } from './runtime/context.js';
import { HostNotFoundError, readState } from './state/store.js';
import { runAixsim } from './cli/aixsim.js';
import { onSigpipe, stderr } from './runtime/output.js';
import { registerProcess, unregisterProcess } from './runtime/procs.js';
import { MSG } from './aix/messages.js';

// One bundled program behind every simulated command: <host>/bin/lspv is a link to it, and the
// name it was called by selects the command; the host is the folder above bin/.

function hostDirOf(scriptPath: string): string {
  return path.dirname(path.dirname(path.resolve(scriptPath)));
}

async function runCommand(name: string, args: string[]): Promise<number> {
  const dir = process.env.AIXSIM_HOST_DIR || hostDirOf(process.argv[1] ?? '.');
  const impl = COMMANDS[name];
  if (!impl) {
    stderr(`aixsim: ${name}: not a simulated command\n`);
    return 127;
  }
  const started = Date.now();
  let rc = 1;
  const log = (extra: { signal?: string } = {}) =>
    appendCallLog(dir, { time: new Date(started).toISOString(), argv: [name, ...args], rc, ms: Date.now() - started, pid: process.pid, ...extra });
  onSigpipe((signal) => {
    rc = 141;
    log({ signal });
  });
  try {
    const state = readState(dir);
    // A command the host's AIX level does not have (alt_disk_copy on 4.3) does not exist there, however
    // it is reached (another host's link, AIXSIM_HOST_DIR): the shell finds nothing to run.
    if (!availableCommands(state.generation).includes(name)) {
      stderr(MSG.kshNotFound(name) + '\n');
      rc = 127;
      return rc;
    }
    if (state.down) {
      stderr(`aixsim: ${state.hostname} is down (${state.down.reason}).\n`);
      stderr(`aixsim: boot it from a good disk with: aixsim reboot ${dir} --from <hdiskN>\n`);
      rc = 255;
      return rc;
    }
    registerProcess(dir, name, args);
    rc = await impl(makeContext(name, args, dir, process.env));
    return rc;
  } catch (e) {
    if (e instanceof HostNotFoundError) {
      stderr(e.message + '\n');
      rc = 127;
      return rc;
    }
    stderr(`aixsim: internal error in ${name}: ${(e as Error).stack ?? String(e)}\n`);
    rc = 70;
    return rc;
  } finally {
    unregisterProcess();
    log();
  }
}

async function main(): Promise<void> {
  const invoked = path.basename(process.argv[1] ?? 'aixsim');
  const isCli = invoked === 'aixsim' || invoked.startsWith('aixsim.');
  if (isCli) {
    // A reader that goes away (`aixsim calls DIR | head`) ends the CLI quietly.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(141);
      throw e;
    });
  }
  // Command output is written synchronously (runtime/output.ts): nothing is left to drain.
  process.exitCode = isCli ? await runAixsim(process.argv.slice(2)) : await runCommand(invoked, process.argv.slice(2));
}

void main();
