import { Command } from 'commander';
import { COMMANDS } from './commands/index.js';
import { VERSION } from './version.js';

// `altdisk`: one program, one subcommand per file under commands/. Each subcommand parses its own
// options and hands plain data to the runner or the language engine; rendering stays here in cli/.

export function buildProgram(): Command {
  const program = new Command('altdisk')
    .description('Safe, repeatable AIX alternate-disk installs: run the altdisk modules on AIX hosts or simulated ones, lint playbooks')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .enablePositionalOptions();
  for (const register of COMMANDS) register(program);
  return program;
}

async function main(): Promise<void> {
  await buildProgram().parseAsync(process.argv);
}

main().catch((e: unknown) => {
  process.stderr.write(`altdisk: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
