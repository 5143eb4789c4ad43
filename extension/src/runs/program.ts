import * as fs from 'node:fs';
import * as path from 'node:path';
import { onPath } from '../runner.js';

/** A program as a shell would find it: a path is taken as it is (when executable), a bare name is looked up on PATH. */
export function findProgram(name: string): string | undefined {
  if (!name.includes('/')) return onPath(name) ?? undefined;
  try {
    fs.accessSync(name, fs.constants.X_OK);
    return fs.statSync(name).isFile() ? path.resolve(name) : undefined;
  } catch {
    return undefined;
  }
}

/** The Node.js that runs local helpers (aixsim, simulated hosts): VS Code's own, as Node when it is Electron. */
export function localNode(): { program: string; env: NodeJS.ProcessEnv } {
  return { program: process.execPath, env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {} };
}
