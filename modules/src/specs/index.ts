import type { ModuleSpec } from '../schema/types.js';
import { cloneSpec } from './clone.js';
import { mksysbInstallSpec } from './mksysb_install.js';
import { phaseSpec } from './phase.js';
import { cleanupSpec } from './cleanup.js';
import { bootlistSpec } from './bootlist.js';
import { factsSpec } from './facts.js';

/** Every module of the collection altdisk.aix, by module name. */
export const SPECS: Record<string, ModuleSpec> = {
  clone: cloneSpec,
  mksysb_install: mksysbInstallSpec,
  phase: phaseSpec,
  cleanup: cleanupSpec,
  bootlist: bootlistSpec,
  facts: factsSpec,
};

export const MODULE_NAMES = Object.keys(SPECS);
