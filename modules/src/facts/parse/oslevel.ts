import { AixParseError, contentLines } from './text.js';
import { compareLevels } from '../../../../common/levels.js';

// `oslevel` ("7.3.0.0", legacy "4.3.3.0"), `oslevel -r` ("7300-02", legacy "4330-11") and
// `oslevel -s` ("7300-02-01-2346", 5.3 and later only) — reference §14.

export type OslevelAnswer =
  | { form: 'base'; /** "7.3.0.0" */ base: string }
  | { form: 'tl'; /** "7300-02" */ tl: string; base: string }
  | { form: 'sp'; /** "7300-02-01-2346" */ sp: string; tl: string; base: string };

const BASE = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;
const TL = /^(\d)(\d)(\d)0-(\d{2})$/;
/** PTXray's pattern (§23). */
const SP = /^([0-9]{4})-([0-9]{2})-([0-9]{2})-([0-9]{4})$/;

/** "7300" -> "7.3.0.0", "4330" -> "4.3.3.0". */
function baseOf(vrm0: string): string {
  return `${vrm0[0]}.${vrm0[1]}.${vrm0[2]}.0`;
}

/** The answer of any of the three forms; the last matching line counts (oslevel may warn first). */
export function parseOslevel(text: string): OslevelAnswer {
  const lines = contentLines(text).map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const sp = SP.exec(line);
    if (sp) return { form: 'sp', sp: line, tl: `${sp[1]}-${sp[2]}`, base: baseOf(sp[1]!) };
    const tl = TL.exec(line);
    if (tl) return { form: 'tl', tl: line, base: baseOf(line.slice(0, 4)) };
    if (BASE.test(line)) return { form: 'base', base: line };
  }
  throw new AixParseError('oslevel', `no level in ${JSON.stringify(text)}`, text);
}


/** 5.3 introduced alt_disk_copy, alt_disk_mksysb, alt_rootvg_op and oslevel -s (§0, §2.2). */
export function isModernBase(base: string): boolean {
  return compareLevels(base, '5.3') >= 0;
}
