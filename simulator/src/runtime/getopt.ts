// AIX commands parse flags with getopt(3)/ksh getopts: flags may be grouped (-DBV), an option's
// argument may be attached (-P12, -pchrp) or separate (-P 12), and parsing stops at the first
// operand or at "--".

export interface ParsedArgs {
  /** Flags in the order given; repeated flags appear repeatedly. */
  flags: { flag: string; value: string | null }[];
  operands: string[];
}

export class GetoptError extends Error {
  constructor(
    readonly kind: 'unknown' | 'missing',
    readonly flag: string,
  ) {
    super(kind === 'unknown' ? `Not a recognized flag: ${flag}` : `Flag -${flag} requires a parameter`);
  }
}

/** spec: getopt string such as "d:i:s:DBV" (a colon after a letter means it takes an argument). */
export function getopt(argv: string[], spec: string): ParsedArgs {
  const takesArg = new Map<string, boolean>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === ':') continue;
    takesArg.set(c, spec[i + 1] === ':');
  }
  const flags: ParsedArgs['flags'] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const needs = takesArg.get(c);
      if (needs === undefined) throw new GetoptError('unknown', c);
      if (!needs) {
        flags.push({ flag: c, value: null });
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest.length > 0) {
        flags.push({ flag: c, value: rest });
      } else {
        const next = argv[i + 1];
        if (next === undefined) throw new GetoptError('missing', c);
        flags.push({ flag: c, value: next });
        i++;
      }
      break;
    }
  }
  return { flags, operands: argv.slice(i) };
}

export function has(p: ParsedArgs, flag: string): boolean {
  return p.flags.some((f) => f.flag === flag);
}

/** Last value given for a flag (AIX scripts keep the last one). */
export function value(p: ParsedArgs, flag: string): string | null {
  let v: string | null = null;
  for (const f of p.flags) if (f.flag === flag) v = f.value;
  return v;
}
