import { leadingInt, parseLabelledPairs } from './pairs.js';
import { AixParseError, contentLines, withoutMessages } from './text.js';

// `lslv -l <lv>` (§18, §23): an optional "<lv>:<mount point>" line, the column header, then one
// line per physical volume holding partitions of the LV:
//   PV                COPIES        IN BAND       DISTRIBUTION
//   hdisk5            080:000:000   100%          000:000:058:022:000
// A mirrored LV lists each PV that holds one of its copies. IBM counts copies as "lines - 2",
// which mistakes an LV spread over two disks for a mirror (peer §3.3); copies belong to lsvg -l.

export interface LslvPvRow {
  pv: string;
  /** The COPIES column: LPs with one, two and three partitions on this PV. */
  copies: [number, number, number];
  /** IN BAND percentage. */
  inBand: number;
  distribution: number[];
}

export interface LslvL {
  lv: string | null;
  mount: string | null;
  pvs: LslvPvRow[];
}

const ROW = /^(\S+)\s+(\d+):(\d+):(\d+)\s+(\d+)%\s+(\d+(?::\d+)*)$/;

export function parseLslvL(text: string): LslvL {
  let lv: string | null = null;
  let mount: string | null = null;
  let header = false;
  const pvs: LslvPvRow[] = [];
  for (const line of withoutMessages(contentLines(text))) {
    if (/^PV\s+COPIES\s+IN BAND\s+DISTRIBUTION$/.test(line)) {
      header = true;
      continue;
    }
    const m = ROW.exec(line);
    if (m && header) {
      pvs.push({
        pv: m[1]!,
        copies: [Number(m[2]), Number(m[3]), Number(m[4])],
        inBand: Number(m[5]),
        distribution: m[6]!.split(':').map(Number),
      });
      continue;
    }
    const head = /^([^\s:]+):(\S*)$/.exec(line);
    if (head && !header) {
      lv = head[1]!;
      mount = head[2] === '' || head[2] === 'N/A' ? null : head[2]!;
      continue;
    }
    throw new AixParseError('lslv -l', `unexpected line ${JSON.stringify(line)}`, text);
  }
  if (!header) throw new AixParseError('lslv -l', 'no "PV  COPIES  IN BAND  DISTRIBUTION" header', text);
  return { lv, mount, pvs };
}

export interface LslvInfo {
  lv: string;
  vg: string | null;
  type: string | null;
  /** COPIES: the number of copies of each logical partition. */
  copies: number | null;
  lps: number | null;
  pps: number | null;
  state: string | null;
  mount: string | null;
  fields: Map<string, string | null>;
}

const LSLV_RIGHT_LABELS = [
  'VOLUME GROUP:',
  'PERMISSION:',
  'LV STATE:',
  'WRITE VERIFY:',
  'PP SIZE:',
  'SCHED POLICY:',
  'PPs:',
  'BB POLICY:',
  'RELOCATABLE:',
  'UPPER BOUND:',
  'LABEL:',
  'DEVICE GID:',
  'PREFERRED READ:',
] as const;

/** `lslv <lv>`: the two-column table (values can overflow: "LV IDENTIFIER: <id>.1 PERMISSION: ..."). */
export function parseLslv(text: string): LslvInfo {
  const { fields } = parseLabelledPairs(text, LSLV_RIGHT_LABELS);
  const lv = fields.get('LOGICAL VOLUME');
  if (!lv) throw new AixParseError('lslv', 'no "LOGICAL VOLUME:" line', text);
  const mount = fields.get('MOUNT POINT') ?? null;
  return {
    lv,
    vg: fields.get('VOLUME GROUP') ?? null,
    type: fields.get('TYPE') ?? null,
    copies: leadingInt(fields.get('COPIES')),
    lps: leadingInt(fields.get('LPs')),
    pps: leadingInt(fields.get('PPs')),
    state: fields.get('LV STATE') ?? null,
    mount: mount === 'N/A' ? null : mount,
    fields,
  };
}
