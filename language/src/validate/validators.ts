import type { Validator } from '../../../modules/src/schema/validator.js';
import { validate as clone } from '../../../modules/src/generated/validate-clone.js';
import { validate as mksysbInstall } from '../../../modules/src/generated/validate-mksysb_install.js';
import { validate as phase } from '../../../modules/src/generated/validate-phase.js';
import { validate as cleanup } from '../../../modules/src/generated/validate-cleanup.js';
import { validate as bootlist } from '../../../modules/src/generated/validate-bootlist.js';
import { validate as facts } from '../../../modules/src/generated/validate-facts.js';

// The modules' own precompiled validators (generated at build time from the specs): the editor
// rejects exactly what the module would reject.

export const VALIDATORS: Record<string, Validator> = {
  clone,
  mksysb_install: mksysbInstall,
  phase,
  cleanup,
  bootlist,
  facts,
};
