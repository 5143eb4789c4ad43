import { createRequire } from 'node:module';
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';

// node:crypto and node:child_process take milliseconds to load, and a command pays that at every
// start (bench/sim-command.mjs); few commands use them, and only on some paths (new ids, digests,
// scripts), so they are loaded on first use.

const load = createRequire(__filename);

let crypto: typeof Crypto | undefined;
let childProcess: typeof ChildProcess | undefined;

export function nodeCrypto(): typeof Crypto {
  return (crypto ??= load('node:crypto') as typeof Crypto);
}

export function nodeChildProcess(): typeof ChildProcess {
  return (childProcess ??= load('node:child_process') as typeof ChildProcess);
}
