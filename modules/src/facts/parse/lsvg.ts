import { leadingInt, parseLabelledPairs } from './pairs.js';
import { AixParseError, contentLines, withoutMessages } from './text.js';

// `lsvg`, `lsvg -o` (§11.2), `lsvg <vg>` (§11.3), `lsvg -l <vg>` (§11.4), `lsvg -p <vg>` (§11.5).

/** `lsvg` / `lsvg -o`: one VG name per line, in ODM order. */
export function parseLsvgList(text: string): string[] {
  const names: string[] = [];
  for (const line of withoutMessages(contentLines(text))) {
    const name = line.trim();
    if (!/^[\w.-]+$/.test(name)) throw new AixParseError('lsvg', `unexpected line ${JSON.stringify(line)}`, text);
    names.push(name);
  }
  return names;
}

export interface LsvgInfo {
  vg: string;
  vgid: string | null;
  /** "active", "active/complete" (older levels)... */
  state: string | null;
  permission: string | null;
  ppSizeMb: number;
  totalPps: number;
  freePps: number;
  usedPps: number;
  maxLvs: number | null;
  lvs: number | null;
  openLvs: number | null;
  /** 2 for "2 (Enabled)" (7.x) and for "2" (6.1 and older). */
  quorum: number | null;
  totalPvs: number;
  activePvs: number | null;
  stalePvs: number | null;
  stalePps: number | null;
  vgDescriptors: number | null;
  autoOn: string | null;
  maxPpsPerVg: number | null;
  maxPvs: number | null;
  /** Every field as printed (label without colon). */
  fields: Map<string, string | null>;
}

const LSVG_RIGHT_LABELS = [
  'VG IDENTIFIER:',
  'PP SIZE:',
  'TOTAL PPs:',
  'FREE PPs:',
  'USED PPs:',
  'QUORUM:',
  'VG DESCRIPTORS:',
  'STALE PPs:',
  'AUTO ON:',
  'MAX PVs:',
  'AUTO SYNC:',
  'BB POLICY:',
  'INFINITE RETRY:',
  'CRITICAL VG:',
  'CRITICAL PVs:',
] as const;

function required(fields: Map<string, string | null>, label: string, text: string, parse: (v: string) => number | null): number {
  const raw = fields.get(label);
  const n = raw === null || raw === undefined ? null : parse(raw);
  if (n === null) throw new AixParseError('lsvg', `no readable "${label}:" field`, text);
  return n;
}

/** IBM's patterns (§11.3): "32 megabyte(s)" for the PP size, "639 (20448 megabytes)" for PP counts. */
const PP_SIZE = /^(\d+)\s+megabyte\(s\)$/;
const PP_COUNT = /^(\d+)\s+\(\d+\s+megabytes\)$/;

/** `lsvg <vg>` of an active VG: both the 7.x layout and the 6.1 one (QUORUM without "(Enabled)"). */
export function parseLsvg(text: string): LsvgInfo {
  const { fields, messages } = parseLabelledPairs(text, LSVG_RIGHT_LABELS);
  const vg = fields.get('VOLUME GROUP');
  if (!vg) {
    const why = messages.length > 0 ? messages.join(' ') : 'no "VOLUME GROUP:" line';
    throw new AixParseError('lsvg', why, text);
  }
  const ppCount = (v: string) => (PP_COUNT.test(v) ? Number(PP_COUNT.exec(v)![1]) : null);
  return {
    vg,
    vgid: fields.get('VG IDENTIFIER') ?? null,
    state: fields.get('VG STATE') ?? null,
    permission: fields.get('VG PERMISSION') ?? null,
    ppSizeMb: required(fields, 'PP SIZE', text, (v) => (PP_SIZE.test(v) ? Number(PP_SIZE.exec(v)![1]) : null)),
    totalPps: required(fields, 'TOTAL PPs', text, ppCount),
    freePps: required(fields, 'FREE PPs', text, ppCount),
    usedPps: required(fields, 'USED PPs', text, ppCount),
    maxLvs: leadingInt(fields.get('MAX LVs')),
    lvs: leadingInt(fields.get('LVs')),
    openLvs: leadingInt(fields.get('OPEN LVs')),
    quorum: leadingInt(fields.get('QUORUM')),
    totalPvs: required(fields, 'TOTAL PVs', text, leadingInt),
    activePvs: leadingInt(fields.get('ACTIVE PVs')),
    stalePvs: leadingInt(fields.get('STALE PVs')),
    stalePps: leadingInt(fields.get('STALE PPs')),
    vgDescriptors: leadingInt(fields.get('VG DESCRIPTORS')),
    autoOn: fields.get('AUTO ON') ?? null,
    maxPpsPerVg: leadingInt(fields.get('MAX PPs per VG')),
    maxPvs: leadingInt(fields.get('MAX PVs')),
    fields,
  };
}

export interface LvRow {
  name: string;
  type: string;
  lps: number;
  pps: number;
  pvs: number;
  /** "open/syncd", "closed/syncd", "open/stale"... */
  state: string;
  /** null for "N/A". */
  mount: string | null;
  /** Copies of each logical partition: PPs / LPs (1 for an LV without partitions). */
  copies: number;
}

export interface LsvgLBlock {
  vg: string;
  lvs: LvRow[];
}

const LV_ROW = /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s*(.*)$/;

/** `lsvg -l vg1 [vg2 ...]`: one block per VG ("vg:" line, header, rows). */
export function parseLsvgLBlocks(text: string): LsvgLBlock[] {
  const blocks: LsvgLBlock[] = [];
  let current: LsvgLBlock | null = null;
  for (const line of withoutMessages(contentLines(text))) {
    const head = /^(\S+):$/.exec(line);
    if (head) {
      current = { vg: head[1]!, lvs: [] };
      blocks.push(current);
      continue;
    }
    if (/^LV NAME\s+TYPE\s+LPs\s+PPs\s+PVs/.test(line)) continue;
    const m = LV_ROW.exec(line);
    if (!m || !current) throw new AixParseError('lsvg -l', `unexpected line ${JSON.stringify(line)}`, text);
    const lps = Number(m[3]);
    const pps = Number(m[4]);
    const mount = m[7]!.trim();
    current.lvs.push({
      name: m[1]!,
      type: m[2]!,
      lps,
      pps,
      pvs: Number(m[5]),
      state: m[6]!,
      mount: mount === '' || mount === 'N/A' ? null : mount,
      copies: lps > 0 ? Math.max(1, Math.round(pps / lps)) : 1,
    });
  }
  return blocks;
}

/** `lsvg -l <vg>` for one VG; a varied-on place holder gives a block without LVs. */
export function parseLsvgL(text: string): LsvgLBlock {
  const blocks = parseLsvgLBlocks(text);
  if (blocks.length !== 1) throw new AixParseError('lsvg -l', `expected one volume group block, found ${blocks.length}`, text);
  return blocks[0]!;
}

export interface PvRow {
  name: string;
  /** "active", "missing", "removed"... */
  state: string;
  totalPps: number;
  freePps: number;
  freeDistribution: number[];
}

const PV_ROW = /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+(?:\.\.\d+)*)$/;

/** `lsvg -p <vg>`: the PVs of one VG. Sections that follow the table (mirror pools) are ignored. */
export function parseLsvgP(text: string): { vg: string; pvs: PvRow[] } {
  let vg: string | null = null;
  const pvs: PvRow[] = [];
  let inTable = false;
  for (const line of withoutMessages(contentLines(text))) {
    const head = /^(\S+):$/.exec(line);
    if (head && vg === null) {
      vg = head[1]!;
      continue;
    }
    if (/^PV_NAME\s+PV STATE\s+TOTAL PPs\s+FREE PPs/.test(line)) {
      inTable = true;
      continue;
    }
    const m = inTable ? PV_ROW.exec(line) : null;
    if (!m) {
      inTable = false;
      continue;
    }
    pvs.push({
      name: m[1]!,
      state: m[2]!,
      totalPps: Number(m[3]),
      freePps: Number(m[4]),
      freeDistribution: m[5]!.split('..').map(Number),
    });
  }
  if (vg === null) throw new AixParseError('lsvg -p', 'no "<vg>:" line', text);
  return { vg, pvs };
}
