import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS_DIR, hostAixsim } from '../runtime/host-layout.js';

// The programs of a simulated host, copied from the simulator that creates it, so the host keeps
// working (and unchanged) whatever happens to that build later: <host>/lib/aixsim.cjs, the multicall
// program (the CLI, e.g. for `<host>/lib/aixsim.cjs reboot <host>`), and <host>/lib/commands/<name>.cjs,
// one small executable per command, which <host>/bin/<name> links to. A simulator without per-command
// executables beside it links every command to the multicall program, which runs them all too (and so
// does AIXSIM_LINK=multicall, the layout of hosts made before, kept for the benchmark's "before").

function copyExecutable(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o755);
}

/** Copy `program` (and its commands/ folder) into <host>/lib and link each of `names` into <host>/bin. */
export function installHostPrograms(hostDir: string, program: string, names: readonly string[]): void {
  const lib = path.join(hostDir, 'lib');
  const bin = path.join(hostDir, 'bin');
  fs.mkdirSync(lib, { recursive: true });
  fs.mkdirSync(bin, { recursive: true });
  copyExecutable(program, hostAixsim(hostDir));
  const ownDir = path.join(path.dirname(program), COMMANDS_DIR);
  const multicallOnly = process.env.AIXSIM_LINK === 'multicall';
  for (const name of names) {
    const own = path.join(ownDir, `${name}.cjs`);
    if (multicallOnly || !fs.existsSync(own)) {
      fs.symlinkSync('../lib/aixsim.cjs', path.join(bin, name));
      continue;
    }
    fs.mkdirSync(path.join(lib, COMMANDS_DIR), { recursive: true });
    copyExecutable(own, path.join(lib, COMMANDS_DIR, `${name}.cjs`));
    fs.symlinkSync(`../lib/${COMMANDS_DIR}/${name}.cjs`, path.join(bin, name));
  }
}
