import type { CommandImpl } from '../runtime/context.js';
import { lspv } from './lspv.js';

/** Query and LVM commands (lspv, lsvg, bootlist, ...). */
export const LVM_COMMANDS: Record<string, CommandImpl> = {
  lspv,
};
