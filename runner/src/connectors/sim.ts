import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalConnector } from './local.js';
import { TransportError } from './types.js';

// A simulated AIX host (aixsim) on this machine: the module runs with this machine's Node and
// ALTDISK_SIM_HOST pointing at the host's folder. `--sim DIR`, or altdisk_sim_dir in an inventory.

export const SIM_ENV = 'ALTDISK_SIM_HOST';

export class SimConnector extends LocalConnector {
  override readonly transport = 'sim' as const;
  override readonly target: string;
  readonly dir: string;

  constructor(dir: string, env: Record<string, string> = {}) {
    super(env);
    this.dir = path.resolve(dir);
    this.target = this.dir;
  }

  override async open(): Promise<void> {
    if (!fs.existsSync(path.join(this.dir, 'state.json')) || !fs.existsSync(path.join(this.dir, 'bin'))) {
      throw new TransportError(`${this.dir} is not a simulated AIX host (no state.json and bin/ there): create one with: altdisk sim init ${this.dir}`);
    }
  }
}
