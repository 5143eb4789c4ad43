import { init } from './init.js';
import { pathOf } from './path.js';
import { calls } from './calls.js';

export type Subcommand = (args: string[]) => number | Promise<number>;

export const SUBCOMMANDS: Record<string, Subcommand> = {
  init,
  path: pathOf,
  calls,
};
