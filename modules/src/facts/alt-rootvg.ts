import { flagValue, hasFlag, type AltDiskLogRecord } from './parse/alt-disk-log.js';
import type { AltRootvgState } from './types.js';

// Phase 1 and a wake-up leave altinst_rootvg looking the same (varied on, /alt_inst mounted,
// alt_ LV names), but what an admin must do next differs: phase 3 for a half-done clone,
// alt_rootvg_op -S for a woken one (H-8, H-11). Only alt_disk_inst.log tells them apart: the
// newest logged command that MOUNTS the VG decides. Commands that leave the mounts as they are
// (-C customize, -q, -v, a phase 2 or 3 run) are skipped, so a customize after a wake-up, or a
// phase 3 that failed half-way, does not change the answer. A -S or -X is also skipped: if the VG
// is still mounted after it, that command did not complete.

export type MountedBy = 'phase1' | 'awake';

function mountsTheVg(r: AltDiskLogRecord): MountedBy | null {
  const w = r.words;
  switch (r.program) {
    case 'alt_rootvg_op':
      return hasFlag(w, 'W') ? 'awake' : null;
    case 'alt_disk_copy':
    case 'alt_disk_mksysb': {
      const phases = flagValue(w, 'P');
      return phases === null || phases === 'all' || phases.includes('1') ? 'phase1' : null;
    }
    case 'alt_disk_install': {
      // The wrapper and the 4.3 command: "-W disk" wakes, "-C" clones, "-d device" installs a mksysb.
      if (hasFlag(w, 'W')) return 'awake';
      if (!hasFlag(w, 'C') && flagValue(w, 'd') === null) return null;
      const phases = flagValue(w, 'P');
      return phases === null || phases === 'all' || phases.includes('1') ? 'phase1' : null;
    }
    default:
      return null;
  }
}

/** The newest record that mounted the alternate rootvg, with what it made of it. */
export function lastMountingCommand(records: AltDiskLogRecord[]): { record: AltDiskLogRecord; by: MountedBy } | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const by = mountsTheVg(records[i]!);
    if (by) return { record: records[i]!, by };
  }
  return null;
}

/** The state of an altinst_rootvg from what lsvg -o, mount and the log show. */
export function altRootvgState(active: boolean, mountedUnderAltInst: boolean, by: MountedBy | null): AltRootvgState {
  if (!active) return 'complete';
  if (!mountedUnderAltInst) return 'varied-on-by-hand';
  return by === 'awake' ? 'awake' : 'phase1';
}
