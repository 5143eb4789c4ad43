import { AixParseError, contentLines } from './text.js';

// The colon forms of lslpp (§15):
//   lslpp -lc:  #Path:Fileset:Level:PTF Id:State:Type:Description:EFIX Locked
//               /usr/lib/objrepos:bos.alt_disk_install.rte:5.3.10.0::COMMITTED:I:Alternate Disk Installation Runtime :
//               (the root part repeats a fileset under /etc/objrepos)
//   lslpp -Lc:  #Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:...
// and the answer for a fileset that is not installed: "lslpp: 0504-132  Fileset X not installed."

export interface InstalledFileset {
  fileset: string;
  level: string;
  /** COMMITTED, APPLIED, BROKEN, EFIX LOCKED, OBSOLETE, INCONSISTENT (one-letter -L codes spelled out). */
  state: string;
  description: string;
  /** Install parts seen (-lc): /usr/lib/objrepos, /etc/objrepos, /usr/share/lib/objrepos. */
  parts: string[];
}

export interface LslppAnswer {
  installed: InstalledFileset[];
  /** Filesets lslpp reported as not installed (0504-132). */
  missing: string[];
}

const STATE_CODES: Record<string, string> = {
  A: 'APPLIED',
  B: 'BROKEN',
  C: 'COMMITTED',
  E: 'EFIX LOCKED',
  O: 'OBSOLETE',
  '?': 'INCONSISTENT',
};

function stateWord(raw: string): string {
  const s = raw.trim();
  return STATE_CODES[s] ?? s;
}

const NOT_INSTALLED = /0504-132\s+Fileset\s+(\S+)\s+not installed/g;
const LEVEL = /^\d+(\.\d+){2,3}$/;

type Columns = { fileset: number; level: number; state: number[]; description: number; path: number | null };

/** -lc: Path first; -Lc: Package Name first with State and Fix State (one of them is blank). */
const LC: Columns = { path: 0, fileset: 1, level: 2, state: [4], description: 6 };
const CAPITAL_LC: Columns = { path: null, fileset: 1, level: 2, state: [3, 5], description: 7 };

function columnsOfHeader(header: string): Columns {
  const names = header.replace(/^#/, '').split(':').map((n) => n.trim());
  const at = (n: string) => names.indexOf(n);
  if (at('Fileset') < 0 || at('Level') < 0) return header.startsWith('#Package') ? CAPITAL_LC : LC;
  return {
    path: at('Path') >= 0 ? at('Path') : null,
    fileset: at('Fileset'),
    level: at('Level'),
    state: [at('State'), at('Fix State')].filter((i) => i >= 0),
    description: at('Description'),
  };
}

/** Columns of a data line without a header: a path in field 0 means -lc (4.3's header has no Path). */
function columnsOfLine(fields: string[]): Columns {
  return fields[0]!.startsWith('/') ? LC : CAPITAL_LC;
}

/** stdout and stderr of `lslpp -lc|-Lc <filesets>`; missing filesets are read from both. */
export function parseLslpp(stdout: string, stderr = ''): LslppAnswer {
  const installed: InstalledFileset[] = [];
  const byName = new Map<string, InstalledFileset>();
  let header: Columns | null = null;
  for (const line of contentLines(stdout)) {
    if (line.includes('0504-132')) continue;
    if (line.startsWith('#')) {
      header = columnsOfHeader(line);
      continue;
    }
    const fields = line.split(':');
    if (fields.length < 6) throw new AixParseError('lslpp', `not a colon-form line: ${JSON.stringify(line)}`, stdout);
    // 4.3's -lc header "#Fileset:Level:..." omits the Path column its lines carry.
    const cols = header && !(header.path === null && fields[0]!.startsWith('/')) ? header : columnsOfLine(fields);
    const fileset = (fields[cols.fileset] ?? '').trim();
    const level = (fields[cols.level] ?? '').trim();
    if (fileset === '' || !LEVEL.test(level)) throw new AixParseError('lslpp', `no fileset and level in ${JSON.stringify(line)}`, stdout);
    const state = cols.state.map((i) => (fields[i] ?? '').trim()).find((s) => s !== '') ?? '';
    const part = cols.path === null ? null : (fields[cols.path] ?? '').trim();
    const seen = byName.get(fileset);
    if (seen) {
      if (part && !seen.parts.includes(part)) seen.parts.push(part);
      continue;
    }
    const entry: InstalledFileset = {
      fileset,
      level,
      state: stateWord(state),
      description: (fields[cols.description] ?? '').trim(),
      parts: part ? [part] : [],
    };
    byName.set(fileset, entry);
    installed.push(entry);
  }
  const missing = [...`${stdout}\n${stderr}`.matchAll(NOT_INSTALLED)].map((m) => m[1]!);
  return { installed, missing: [...new Set(missing)] };
}
