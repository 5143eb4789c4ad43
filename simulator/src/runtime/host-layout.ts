import * as path from 'node:path';

// Where a simulated host keeps its programs (cli/host-programs.ts installs them):
//   <host>/lib/aixsim.cjs              the multicall program: the aixsim CLI and every command
//   <host>/lib/commands/<name>.cjs     one small executable per command (entries/<name>.ts)
//   <host>/bin/<name>                  a link to the command's own executable

export const COMMANDS_DIR = 'commands';

/** The host's copy of the aixsim CLI (what a command starts for work of the CLI's, e.g. the -s script runner). */
export function hostAixsim(dir: string): string {
  return path.join(dir, 'lib', 'aixsim.cjs');
}

/** <host>/lib/commands/<name>.cjs -> <host> */
export function hostDirOfCommandBundle(bundleFile: string): string {
  return path.dirname(path.dirname(path.dirname(bundleFile)));
}
