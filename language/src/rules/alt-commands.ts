import type { OptionSpec } from '../../../modules/src/schema/types.js';
import { SPECS } from '../../../modules/src/specs/index.js';
import { parseFlags, type CommandWord, type Invocation, type ParsedFlags } from './commands.js';

// The alternate-disk command lines (reference §2-§6) and the module task each one is: flags map to
// options through the specs' own aixFlag table (the flag each option becomes), so a raw command and
// its module task run the same argv (test/language proves it through the planners).

interface CommandSyntax {
  withArg: string;
  bool: string;
}

export const ALT_SYNTAX: Record<string, CommandSyntax> = {
  alt_disk_copy: { withArg: 'disbIlfFewPcxR', bool: 'DBOVgrTSnu' },
  alt_disk_mksysb: { withArg: 'mdisRpLPc', bool: 'KDBOVgkryzTSCn' },
  // AIX 4.3 syntax and the 5.3+ wrapper: -d is the mksysb device, targets are the operands.
  alt_disk_install: { withArg: 'disRpLbIlfFewPqvW', bool: 'CDBVrOnXS' },
  alt_rootvg_op: { withArg: 'vdRsbIlfFw', bool: 'XWSqCDVta' },
};

export interface AltCommand {
  program: string;
  inv: Invocation;
  flags: ParsedFlags;
  has(letter: string): boolean;
  value(letter: string): CommandWord | null;
}

export function parseAltCommand(inv: Invocation): AltCommand | null {
  const syntax = ALT_SYNTAX[inv.program];
  if (!syntax) return null;
  const flags = parseFlags(inv.words, syntax.withArg, syntax.bool);
  return {
    program: inv.program,
    inv,
    flags,
    has: (l) => flags.flags.some((f) => f.letter === l),
    value: (l) => flags.flags.find((f) => f.letter === l)?.value ?? null,
  };
}

/** What a command does in alt-disk terms. */
export type AltOperation =
  | { op: 'clone' | 'mksysb'; phase: string; noBootlist: boolean; reboot: boolean; targets: string[] }
  | { op: 'cleanup'; vg: string }
  | { op: 'wake' | 'sleep' | 'query' | 'rename' | 'customize' };

const isDiskWord = (w: string) => /^hdisk(power)?\d+$/.test(w);

export function operationOf(c: AltCommand): AltOperation | null {
  const phase = c.value('P')?.text ?? 'all';
  const common = { phase, noBootlist: c.has('B'), reboot: c.has('r') };
  const diskList = (w: CommandWord | null) => (w ? w.text.split(/[\s,]+/).filter(Boolean) : []);
  switch (c.program) {
    case 'alt_disk_copy':
      return { op: 'clone', ...common, targets: [...diskList(c.value('d')), ...c.flags.operands.map((o) => o.text).filter(isDiskWord)] };
    case 'alt_disk_mksysb':
      return { op: 'mksysb', ...common, targets: [...diskList(c.value('d')), ...c.flags.operands.map((o) => o.text).filter(isDiskWord)] };
    case 'alt_disk_install':
      if (c.has('X')) return { op: 'cleanup', vg: c.flags.operands[0]?.text ?? 'altinst_rootvg' };
      if (c.has('W')) return { op: 'wake' };
      if (c.has('S')) return { op: 'sleep' };
      if (c.has('q')) return { op: 'query' };
      if (c.has('v')) return { op: 'rename' };
      if (c.has('C')) return { op: 'clone', ...common, targets: c.flags.operands.map((o) => o.text) };
      if (c.has('d')) return { op: 'mksysb', ...common, targets: c.flags.operands.map((o) => o.text) };
      return null;
    case 'alt_rootvg_op':
      if (c.has('X')) return { op: 'cleanup', vg: c.flags.operands[0]?.text ?? 'altinst_rootvg' };
      if (c.has('W')) return { op: 'wake' };
      if (c.has('S')) return { op: 'sleep' };
      if (c.has('q')) return { op: 'query' };
      if (c.has('v')) return { op: 'rename' };
      if (c.has('C')) return { op: 'customize' };
      return null;
  }
  return null;
}

/** Flag letter -> option of a module, from the spec's aixFlag. A bool option that defaults to true is switched off by its flag (-B: bootlist false). */
export function flagTable(module: string): Map<string, { option: string; spec: OptionSpec }> {
  const out = new Map<string, { option: string; spec: OptionSpec }>();
  for (const [name, o] of Object.entries(SPECS[module]?.options ?? {})) {
    const m = /^-([A-Za-z])$/.exec(o.aixFlag ?? '');
    if (m) out.set(m[1]!, { option: name, spec: o });
  }
  return out;
}

export interface ModuleEquivalent {
  module: string;
  /** Options in the order the flags came. */
  options: [string, unknown][];
  /** Flags with no option (the task would not be the same). */
  unmapped: string[];
}

function optionValue(o: OptionSpec, word: CommandWord | null): unknown {
  if (o.type === 'bool') return o.default === true ? false : true;
  const text = word?.text ?? '';
  if (o.type === 'list') return text.split(/[\s,]+/).filter(Boolean);
  return text;
}

/** The module task equivalent to an alt-disk command line, or null when no module does what it does. */
export function moduleEquivalent(c: AltCommand): ModuleEquivalent | null {
  const op = operationOf(c);
  if (!op) return null;
  if (op.op === 'cleanup') {
    const unmapped = c.flags.flags.filter((f) => f.letter !== 'X').map((f) => `-${f.letter}`);
    return { module: 'cleanup', options: op.vg === 'altinst_rootvg' ? [] : [['volume_group', op.vg]], unmapped };
  }
  if (op.op !== 'clone' && op.op !== 'mksysb') return null;
  const module = op.op === 'clone' ? 'clone' : 'mksysb_install';
  const table = flagTable(module);
  const options: [string, unknown][] = [];
  const unmapped: string[] = [...c.flags.unknown.map((l) => `-${l}`)];
  const legacy = c.program === 'alt_disk_install';
  for (const f of c.flags.flags) {
    if (legacy && f.letter === 'C') continue;
    if (legacy && f.letter === 'd') {
      options.push(['source', f.value?.text ?? '']);
      continue;
    }
    if (f.letter === 'd') continue; // targets, below
    const entry = table.get(f.letter);
    if (!entry) {
      if (!unmapped.includes(`-${f.letter}`)) unmapped.push(`-${f.letter}`);
      continue;
    }
    options.push([entry.option, optionValue(entry.spec, f.value)]);
  }
  const targetsAt = module === 'mksysb_install' ? options.findIndex(([k]) => k === 'source') + 1 : 0;
  options.splice(targetsAt, 0, ['targets', op.targets]);
  for (const o of c.flags.operands) if (!legacy && !isDiskWord(o.text)) unmapped.push(o.text);
  return { module, options, unmapped };
}
