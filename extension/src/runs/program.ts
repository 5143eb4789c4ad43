import * as fs from 'node:fs';
import * as path from 'node:path';

/** A program as a shell would find it: a path is taken as it is, a bare name is looked up on PATH. */
export function findProgram(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  const executable = (p: string): boolean => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return executable(name) ? path.resolve(name) : undefined;
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (executable(p)) return p;
  }
  return undefined;
}

/** The Node.js that runs local helpers (aixsim, simulated hosts): VS Code's own, as Node when it is Electron. */
export function localNode(): { program: string; env: NodeJS.ProcessEnv } {
  return { program: process.execPath, env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {} };
}
