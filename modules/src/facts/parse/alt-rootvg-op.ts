import { AixParseError, contentLines } from './text.js';

// `alt_rootvg_op -q -d <disk>` prints the boot disk of the VG that holds <disk>: one hdisk token
// ([I] §6.1: PTXray accepts exactly one hdisk line).

export function parseAltRootvgQuery(text: string): string {
  const disks = contentLines(text)
    .map((l) => l.trim())
    .filter((l) => /^hdisk\S+$/.test(l));
  if (disks.length !== 1) throw new AixParseError('alt_rootvg_op -q', `expected one hdisk line, got ${JSON.stringify(text)}`, text);
  return disks[0]!;
}
