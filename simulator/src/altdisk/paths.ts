import * as fs from 'node:fs';
import * as path from 'node:path';

// Files handed to the alt_disk commands (scripts, resolv.conf, exclude lists, mksysb files, image
// folders) are paths on this machine, the way a playbook would have copied them to the host.
// Devices are the exception: /dev/rmt0 or /dev/cd0 live in the host folder (<host>/dev/rmt0).

export function devicePath(dir: string, p: string): string {
  return p.startsWith('/dev/') ? path.join(dir, p) : p;
}

export function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program found on PATH (for proot), or null. */
export function onPath(program: string, env: NodeJS.ProcessEnv): string | null {
  for (const d of (env.PATH ?? '').split(':')) {
    if (!d) continue;
    const p = path.join(d, program);
    if (isExecutableFile(p)) return p;
  }
  return null;
}
