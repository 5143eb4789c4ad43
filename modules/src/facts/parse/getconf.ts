import { AixParseError, contentLines } from './text.js';

// `getconf DISK_SIZE /dev/hdiskN` (MB), `getconf DISK_PARTITION`, `REAL_MEMORY`, `KERNEL_BITMODE`
// print one decimal number (§13); an unknown variable prints "undefined". `bootinfo -s hdiskN`
// answers the same way on levels without getconf DISK_SIZE.

/** The single integer a getconf/bootinfo query prints. */
export function parseGetconfInt(text: string): number {
  const lines = contentLines(text).map((l) => l.trim());
  if (lines.length === 1 && /^\d+$/.test(lines[0]!)) return Number(lines[0]);
  const what = lines[0] === 'undefined' ? 'the variable is undefined on this system' : `not a number: ${JSON.stringify(text)}`;
  throw new AixParseError('getconf', what, text);
}

/** A device name answer: `getconf BOOT_DEVICE` / `bootinfo -b` -> "hdisk0". */
export function parseGetconfWord(text: string): string {
  const lines = contentLines(text).map((l) => l.trim());
  if (lines.length === 1 && /^\S+$/.test(lines[0]!) && lines[0] !== 'undefined') return lines[0]!;
  throw new AixParseError('getconf', `expected one word, got ${JSON.stringify(text)}`, text);
}
