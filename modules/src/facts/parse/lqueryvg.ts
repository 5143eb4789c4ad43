import { contentLines, type CommandOutput } from './text.js';

// `lqueryvg -p <disk> -L` reads the VGDA written on the disk, not the ODM: the only way to see a
// volume group that lspv no longer shows. AIX 4.3 shows the former rootvg that way after the clone
// was booted (seed: "the disks ... show up as not having a volume group"). Layout [U]: one line per
// logical volume, "<LVID> <name> <state>".

export interface OnDiskVg {
  /** Logical volume names in the disk's VGDA (hd5, hd4... for a rootvg copy). */
  lvs: string[];
}

/** What the disk's VGDA holds; null when lqueryvg says it is no volume group member (0516-066) or cannot read it. */
export function parseLqueryvgL(out: CommandOutput): OnDiskVg | null {
  // 0516-066 (no VGDA) is the answer for a clean disk; any other failure leaves the question open
  // and is reported as "nothing found": the result protects, it never blocks.
  if (out.rc !== 0) return null;
  const lvs = contentLines(out.stdout)
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w.length >= 2 && /^[0-9a-fA-F]{16,32}\.\d+$/.test(w[0]!))
    .map((w) => w[1]!);
  return { lvs };
}
