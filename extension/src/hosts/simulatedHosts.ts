import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localNode } from '../runs/program.js';

// Simulated AIX hosts the extension keeps for the user (the embedded default: no AIX needed), each an
// aixsim host folder under the extension's global storage, made by the aixsim bundle shipped in the
// .vsix. Twins built from a real host live beside them (the runner makes those).

export interface SimulatedHost {
  name: string;
  dir: string;
  /** The level it runs (oslevel -s), from its state. */
  level?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export function validSimName(name: string): string | undefined {
  return NAME.test(name) ? undefined : 'letters, digits, ".", "_" and "-", starting with a letter or digit';
}

export class SimulatedHosts {
  constructor(
    /** Where the hosts live (a folder of the extension's global storage). */
    readonly root: string,
    /** The aixsim bundle. */
    private readonly aixsim: string,
  ) {}

  list(): SimulatedHost[] {
    if (!fs.existsSync(this.root)) return [];
    return fs
      .readdirSync(this.root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(this.root, e.name, 'state.json')))
      .map((e) => this.describe(e.name))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  dirOf(name: string): string {
    return path.join(this.root, name);
  }

  private describe(name: string): SimulatedHost {
    const dir = this.dirOf(name);
    try {
      const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as { images?: Record<string, { level?: { sp?: string; base?: string } }>; booted?: { vgid?: string }; vgdas?: Record<string, { imageId?: string }> };
      const imageId = state.booted?.vgid ? state.vgdas?.[state.booted.vgid]?.imageId : undefined;
      const level = imageId ? state.images?.[imageId]?.level : undefined;
      return { name, dir, ...(level ? { level: level.sp ?? level.base } : {}) };
    } catch {
      return { name, dir };
    }
  }

  /** `aixsim init` of a new host (profile aix73 unless told; extra options as aixsim takes them). */
  async create(name: string, options: string[] = []): Promise<SimulatedHost> {
    const bad = validSimName(name);
    if (bad) throw new Error(`"${name}" cannot name a simulated host: ${bad}`);
    fs.mkdirSync(this.root, { recursive: true });
    const dir = this.dirOf(name);
    await this.aixsimRun(['init', dir, '--hostname', name, '--force', ...options]);
    return this.describe(name);
  }

  aixsimRun(args: string[]): Promise<string> {
    const node = localNode();
    return new Promise((resolve, reject) => {
      execFile(node.program, [this.aixsim, ...args], { env: { ...process.env, ...node.env }, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) reject(new Error(stderr.trim() || err.message));
        else resolve(stdout);
      });
    });
  }
}
