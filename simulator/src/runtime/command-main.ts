import type { CommandImpl } from './context.js';
import { hostDirOfCommandBundle } from './host-layout.js';
import { runSimulatedCommand } from './run-command.js';

// The start of a per-command executable (entries/<name>.ts, bundled to <host>/lib/commands/<name>.cjs
// and linked as <host>/bin/<name>): it loads only its own command, so it starts almost as fast as
// Node itself. Its host is the one its bundle was copied into, found from the bundle's real path
// (Node resolves the links it was started through), so a link from any folder reaches that host.

export function commandMain(name: string, impl: CommandImpl): void {
  const dir = process.env.AIXSIM_HOST_DIR || hostDirOfCommandBundle(__filename);
  void runSimulatedCommand(name, impl, process.argv.slice(2), dir).then((rc) => {
    process.exitCode = rc;
  });
}
