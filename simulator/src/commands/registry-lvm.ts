import type { CommandImpl } from '../runtime/context.js';
import { lspv } from './lspv.js';
import { lsvg } from './lsvg.js';
import { lslv } from './lslv.js';
import { getlvodm } from './getlvodm.js';
import { getconf } from './getconf.js';
import { bootinfo } from './bootinfo.js';
import { bootlist } from './bootlist.js';
import { oslevel } from './oslevel.js';
import { lslpp } from './lslpp.js';
import { lsdev } from './lsdev.js';
import { lsattr } from './lsattr.js';
import { mount } from './mount.js';
import { chpv } from './chpv.js';
import { exportvg } from './exportvg.js';
import { varyoffvg, varyonvg } from './varyonvg.js';
import { reducevg } from './reducevg.js';
import { bosboot } from './bosboot.js';
import { lqueryvg } from './lqueryvg.js';
import { ps } from './ps.js';

/** Query and LVM commands (lspv, lsvg, bootlist, ...), and ps. */
export const LVM_COMMANDS: Record<string, CommandImpl> = {
  lspv,
  lsvg,
  lslv,
  getlvodm,
  getconf,
  bootinfo,
  bootlist,
  oslevel,
  lslpp,
  lsdev,
  lsattr,
  mount,
  chpv,
  exportvg,
  varyonvg,
  varyoffvg,
  reducevg,
  bosboot,
  lqueryvg,
  ps,
};
