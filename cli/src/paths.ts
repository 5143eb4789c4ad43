import * as os from 'node:os';
import * as path from 'node:path';
import type { RunnerPaths } from '../../runner/src/index.js';

// The CLI is one bundle, dist/cli/altdisk.cjs: the module bundles and the simulator are beside it.

export function runnerPaths(): RunnerPaths {
  return { distDir: path.resolve(__dirname, '..') };
}

export function aixsimBundle(): string {
  return path.join(runnerPaths().distDir, 'simulator', 'aixsim.cjs');
}

/** The embedded default simulated host: `--sim` without a folder. */
export function defaultSimDir(): string {
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'altdisk', 'sim', 'default');
}
