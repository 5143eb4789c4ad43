import * as fs from 'node:fs';
import * as path from 'node:path';
import { execa } from 'execa';
import { aixsimBundle } from './paths.js';

// The simulator's own program does the simulator's work: `altdisk sim ...` and the default host
// run dist/simulator/aixsim.cjs.

export async function aixsim(args: string[], opts: { inherit?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await execa(process.execPath, [aixsimBundle(), ...args], { reject: false, ...(opts.inherit ? { stdio: 'inherit' as const } : {}) });
  return { code: typeof r.exitCode === 'number' ? r.exitCode : 1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** The default simulated host, created on first use. */
export async function ensureSimHost(dir: string, say: (text: string) => void): Promise<void> {
  if (fs.existsSync(path.join(dir, 'state.json'))) return;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const r = await aixsim(['init', dir]);
  if (r.code !== 0) throw new Error(`cannot create the simulated host ${dir}: ${r.stderr.trim()}`);
  say(`altdisk: created the simulated AIX host ${dir} (altdisk sim init ${dir}; altdisk sim show for a look)`);
}
