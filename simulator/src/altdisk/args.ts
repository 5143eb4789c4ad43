import { getopt, type ParsedArgs } from '../runtime/getopt.js';

// The alt_disk commands are ksh scripts that accept target disks after -d as one argument
// ("hdisk1 hdisk2", IBM's module) or as several (`alt_disk_copy -d hdisk4 hdisk14 -B`, issue #409):
// operands are collected wherever they appear and parsing of flags continues after them.

export function getoptPermuting(argv: string[], spec: string): ParsedArgs {
  const flags: ParsedArgs['flags'] = [];
  const operands: string[] = [];
  let rest = argv;
  while (rest.length > 0) {
    const p = getopt(rest, spec);
    flags.push(...p.flags);
    const consumed = rest.length - p.operands.length;
    const ended = consumed > 0 && rest[consumed - 1] === '--';
    if (ended) {
      operands.push(...p.operands);
      break;
    }
    let i = 0;
    while (i < p.operands.length && !isFlagWord(p.operands[i]!)) operands.push(p.operands[i++]!);
    rest = p.operands.slice(i);
  }
  return { flags, operands };
}

function isFlagWord(a: string): boolean {
  return a.startsWith('-') && a !== '-';
}

/** All values of a flag, in order. */
export function values(p: ParsedArgs, flag: string): string[] {
  return p.flags.filter((f) => f.flag === flag).map((f) => f.value ?? '');
}

/** Disk names from -d values (each may hold several, blank separated) and extra operands. */
export function diskList(dValues: string[], operands: string[]): string[] {
  return [...dValues, ...operands].flatMap((v) => v.split(/\s+/)).filter(Boolean);
}

export type Phase = 1 | 2 | 3;

/** -P values [V §5]: 1, 2, 3, 12, 23, all. null for anything else (13 included). */
export function parsePhases(value: string | null): Phase[] | null {
  if (value === null || value === 'all') return [1, 2, 3];
  const table: Record<string, Phase[]> = { '1': [1], '2': [2], '3': [3], '12': [1, 2], '23': [2, 3] };
  return table[value] ?? null;
}
