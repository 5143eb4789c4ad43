import { init } from './init.js';
import { pathOf } from './path.js';
import { calls } from './calls.js';
import { reboot } from './reboot.js';
import { fault } from './fault.js';
import { mksysb } from './mksysb.js';
import { lppsource } from './lppsource.js';
import { show } from './show.js';
import { IN_NAMESPACE_SUBCOMMAND, runInAltInstSubcommand } from '../altdisk/run-script.js';

export type Subcommand = (args: string[]) => number | Promise<number>;

export const SUBCOMMANDS: Record<string, Subcommand> = {
  init,
  path: pathOf,
  calls,
  reboot,
  fault,
  mksysb,
  lppsource,
  show,
  [IN_NAMESPACE_SUBCOMMAND]: runInAltInstSubcommand,
};
