import type { Command } from 'commander';
import { registerLint } from './lint.js';

/** Adds one subcommand (with its options, help and action) to the program. */
export type RegisterCommand = (program: Command) => void;

// One line per subcommand file, in the order `altdisk --help` lists them.
export const COMMANDS: RegisterCommand[] = [
  registerLint,
];
