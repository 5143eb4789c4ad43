import type { CommandContext } from '../runtime/context.js';
import type { Fileset, FilesetState } from '../state/types.js';
import { has, value } from '../runtime/getopt.js';
import { runningImage } from '../views/host.js';
import { ROOT_PART_FILESETS } from '../state/filesets.js';
import { wrapWords } from '../format/columns.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

/** [U] usage text (shortened man page syntax). */
const USAGE = [
  'Usage: lslpp { -L [ -c ] [ -q ] | -l [ -c ] [ -q ] | -d | -f | -h | -i | -p | -w } [ -a ] [ -O { r | s | u } ] [ FilesetName ... | all ]',
];

const STATE_CODE: Record<FilesetState, string> = { COMMITTED: 'C', APPLIED: 'A', BROKEN: 'B', EFIXLOCKED: 'E', OBSOLETE: 'O' };

/** [V §15] two blanks, then 76 dashes. */
const DASHES = '  ' + '-'.repeat(76);
/** [I] descriptions wrap at 30 characters (both public captures break there). */
const DESCRIPTION_WIDTH = 30;

/** [V §15] the -L footer (the last line's leading blank restored: the capture lost it in copying). */
const CODES_FOOTER = [
  '',
  'State codes:',
  ' A -- Applied.',
  ' B -- Broken.',
  ' C -- Committed.',
  ' E -- EFIX Locked.',
  ' O -- Obsolete.  (partially migrated to newer version)',
  ' ? -- Inconsistent State...Run lppchk -v.',
  '',
  'Type codes:',
  ' F -- Installp Fileset',
  ' P -- Product',
  ' C -- Component',
  ' T -- Feature',
  ' R -- RPM Package',
  ' E -- Interim Fix',
];

/**
 * One fileset in columns [I §15]: name in 25 after two blanks (longer than 24: alone on its line),
 * level right-aligned to column 36, then `middle`, the description from `descAt`, wrapped.
 */
function columns(f: Fileset, middle: string, descAt: number): string[] {
  const desc = wrapWords(f.description, DESCRIPTION_WIDTH);
  const head = f.name.length > 24 ? [`  ${f.name}`] : [];
  const nameField = f.name.length > 24 ? '' : f.name;
  const first = `  ${nameField.padEnd(25)}${f.level.padStart(9)}${middle}${desc[0]}`;
  return [...head, first, ...desc.slice(1).map((d) => ' '.repeat(descAt) + d)];
}

function longListing(sets: Fileset[], quiet: boolean): string[] {
  const header = quiet ? [] : ['  Fileset                      Level  State  Type  Description (Uninstaller)', DASHES];
  const rows = sets.flatMap((f) => columns(f, `    ${STATE_CODE[f.state]}     F    `, 51));
  return [...header, ...rows];
}

/** The install parts lslpp -l shows: the usr part of every fileset, then the root part of those
 *  that have one [V 4.3.1 capture: all /usr/lib/objrepos lines, then the /etc/objrepos ones]. */
type Part = 'usr' | 'root';
const PART_PATH: Record<Part, string> = { usr: '/usr/lib/objrepos', root: '/etc/objrepos' };

function partsOf(sets: Fileset[], parts: Part[]): { part: Part; sets: Fileset[] }[] {
  return parts.map((part) => ({ part, sets: part === 'usr' ? sets : sets.filter((f) => ROOT_PART_FILESETS.has(f.name)) })).filter((x) => x.sets.length > 0);
}

/** [V] public 7.1 capture of `lslpp -l`: state spelled out at column 38, description at 49; a "Path:" line per part. */
function shortListing(sets: Fileset[], quiet: boolean, parts: Part[]): string[] {
  const header = quiet ? [] : ['  Fileset                      Level  State      Description', DASHES];
  const rows = partsOf(sets, parts).flatMap((x) => [`Path: ${PART_PATH[x.part]}`, ...x.sets.flatMap((f) => columns(f, `  ${f.state.padEnd(11)}`, 49))]);
  return [...header, ...rows];
}

/**
 * `lslpp -lc`: [V §15] 5.3+: the header and rows as captured (the blank before the empty EFIX Locked
 * field included); [V 4.3.1 capture] 4.3: six header fields, no EFIX Locked column. Rows of the root
 * part follow those of the usr part.
 */
function colonShort(sets: Fileset[], quiet: boolean, parts: Part[], legacy: boolean): string[] {
  const header = quiet ? [] : [legacy ? '#Fileset:Level:PTF Id:State:Type:Description' : '#Fileset:Level:PTF Id:State:Type:Description:EFIX Locked'];
  const row = (part: Part, f: Fileset) => `${PART_PATH[part]}:${f.name}:${f.level}::${f.state}:I:${f.description}${legacy ? '' : ' :'}`;
  return [...header, ...partsOf(sets, parts).flatMap((x) => x.sets.map((f) => row(x.part, f)))];
}

/** [U] `lslpp -Lc`: the long colon form, as remembered. */
function colonLong(sets: Fileset[], quiet: boolean, build: string): string[] {
  const header = quiet
    ? []
    : [
        '#Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:Destination Dir.:Uninstaller:Message Catalog:Message Set:Message Number:Parent:Automatic:EFIX Locked:Install Path:Build Date',
      ];
  const pkg = (name: string) => name.split('.').slice(0, 2).join('.');
  return [...header, ...sets.map((f) => `${pkg(f.name)}:${f.name}:${f.level}: : :${STATE_CODE[f.state]}:F:${f.description}: : : : : : :0:0:/:${build}`)];
}

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

/** A fileset name, a package name (all its filesets) or a pattern with * and ?. */
function select(all: Fileset[], wanted: string): Fileset[] {
  if (/[*?]/.test(wanted)) {
    const re = globToRegExp(wanted);
    return all.filter((f) => re.test(f.name));
  }
  const exact = all.filter((f) => f.name === wanted);
  return exact.length > 0 ? exact : all.filter((f) => f.name.startsWith(wanted + '.'));
}

export function lslpp(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'LlcqaO:dfhipwIJE', USAGE);
  if (typeof p === 'number') return p;
  for (const f of ['d', 'f', 'h', 'i', 'p', 'w', 'I', 'J', 'E']) if (has(p, f)) return notSimulated(ctx, `lslpp -${f}`);
  const part = value(p, 'O');
  if (part !== null && !/^[ru]+$/.test(part)) return notSimulated(ctx, `lslpp -O ${part} (the share part)`);
  const parts: Part[] = part === null ? ['usr', 'root'] : (['usr', 'root'] as Part[]).filter((x) => part.includes(x[0]!));
  const long = has(p, 'L');
  if (long === has(p, 'l')) return usageError(ctx, null, USAGE);
  const colon = has(p, 'c');
  const quiet = has(p, 'q');

  const image = runningImage(ctx.state());
  const installed = image.filesets;
  const wanted = p.operands.length === 0 || p.operands.includes('all') ? null : p.operands;
  const found: Fileset[] = [];
  const missing: string[] = [];
  for (const w of wanted ?? []) {
    const hits = select(installed, w);
    if (hits.length === 0) missing.push(w);
    for (const h of hits) if (!found.includes(h)) found.push(h);
  }
  const sets = wanted === null ? installed : installed.filter((f) => found.includes(f));
  const build = image.level.sp?.split('-')[3] ?? '';

  let lines: string[];
  const legacy = ctx.state().generation === 'legacy';
  if (colon) lines = long ? colonLong(sets, quiet, build) : colonShort(sets, quiet, parts, legacy);
  else lines = long ? longListing(sets, quiet) : shortListing(sets, quiet, parts);
  if (!colon && !long && sets.length === 0) lines = lines.filter((l) => !l.startsWith('Path: '));
  lines.forEach((l) => ctx.out(l));
  if (long && !colon && !quiet && sets.length > 0) CODES_FOOTER.forEach((l) => ctx.out(l));
  // [V §15] after the header: the not-installed line per missing fileset; [I] non-zero exit.
  missing.forEach((m) => ctx.err(MSG.filesetNotInstalled(m)));
  return missing.length > 0 ? 1 : 0;
}
