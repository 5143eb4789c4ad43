import type { Command } from 'commander';
import { registerRun } from './run.js';
import { registerFacts } from './facts.js';
import { registerSim } from './sim.js';
import { registerLint } from './lint.js';

/** Adds one subcommand (with its options, help and action) to the program. */
export type RegisterCommand = (program: Command) => void;

// One line per subcommand file, in the order `altdisk --help` lists them.
export const COMMANDS: RegisterCommand[] = [
  registerRun,
  registerFacts,
  registerSim,
  registerLint,
];
