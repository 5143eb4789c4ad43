import * as path from 'node:path';
import { COMMANDS } from './commands/registry.js';
import { runAixsim } from './cli/aixsim.js';
import { stderr } from './runtime/output.js';
import { runSimulatedCommand } from './runtime/run-command.js';

// The multicall program: `aixsim` (the CLI), and any simulated command by the name it is called by
// (a link <host>/bin/lspv -> ../lib/aixsim.cjs, the layout of hosts made before each command had its
// own executable, see entries/); the host is then the folder above bin/.

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
  return runSimulatedCommand(name, impl, args, dir);
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
