import { appendCallLog, makeContext, type CommandImpl } from './context.js';
import { HostNotFoundError, readState } from '../state/store.js';
import { onSigpipe, stderr } from './output.js';
import { registerProcess, unregisterProcess } from './procs.js';
import { existsOn } from '../commands/generations.js';
import { MSG } from '../aix/messages.js';

// What every simulated command does around its own work, whichever executable runs it (its own
// bundle, <host>/lib/commands/<name>.cjs, or the multicall aixsim.cjs): refuse on a host whose AIX
// level lacks it or that is down, register in the host's process table, log the call (also when
// the command dies of SIGPIPE), and turn a crash into an internal error with status 70.

export async function runSimulatedCommand(name: string, impl: CommandImpl, args: string[], dir: string): Promise<number> {
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
    if (!existsOn(name, state.generation)) {
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
