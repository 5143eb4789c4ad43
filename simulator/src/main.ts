import * as path from 'node:path';
import { COMMANDS } from './commands/registry.js';
import { appendCallLog, makeContext } from './runtime/context.js';
import { HostNotFoundError, readState } from './state/store.js';
import { runAixsim } from './cli/aixsim.js';

// One bundled program behind every simulated command: <host>/bin/lspv is a link to it, and the
// name it was called by selects the command; the host is the folder above bin/.

function hostDirOf(scriptPath: string): string {
  return path.dirname(path.dirname(path.resolve(scriptPath)));
}

async function runCommand(name: string, args: string[]): Promise<number> {
  const dir = process.env.AIXSIM_HOST_DIR || hostDirOf(process.argv[1] ?? '.');
  const impl = COMMANDS[name];
  if (!impl) {
    process.stderr.write(`aixsim: ${name}: not a simulated command\n`);
    return 127;
  }
  const started = Date.now();
  let rc = 1;
  try {
    const state = readState(dir);
    if (state.down) {
      process.stderr.write(`aixsim: ${state.hostname} is down (${state.down.reason}).\n`);
      process.stderr.write(`aixsim: boot it from a good disk with: aixsim reboot ${dir} --from <hdiskN>\n`);
      rc = 255;
      return rc;
    }
    rc = await impl(makeContext(name, args, dir, process.env));
    return rc;
  } catch (e) {
    if (e instanceof HostNotFoundError) {
      process.stderr.write(e.message + '\n');
      rc = 127;
      return rc;
    }
    process.stderr.write(`aixsim: internal error in ${name}: ${(e as Error).stack ?? String(e)}\n`);
    rc = 70;
    return rc;
  } finally {
    appendCallLog(dir, { time: new Date(started).toISOString(), argv: [name, ...args], rc, ms: Date.now() - started, pid: process.pid });
  }
}

async function main(): Promise<void> {
  const invoked = path.basename(process.argv[1] ?? 'aixsim');
  const isCli = invoked === 'aixsim' || invoked.startsWith('aixsim.');
  const rc = isCli ? await runAixsim(process.argv.slice(2)) : await runCommand(invoked, process.argv.slice(2));
  // Let stdout drain before exiting: output to a pipe is asynchronous in Node.
  process.exitCode = rc;
}

// A reader that goes away (`lsvg -M rootvg | head`) ends the command quietly, as SIGPIPE does on AIX.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(141);
  throw e;
});

void main();
