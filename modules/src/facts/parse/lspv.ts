import { parseLabelledPairs, leadingInt } from './pairs.js';
import { AixParseError, contentLines } from './text.js';

// `lspv` (reference §10.2) and `lspv <pv>` (§10.3).

export interface LspvRow {
  name: string;
  /** 16 hex digits, or null where lspv prints "none". */
  pvid: string | null;
  /** Volume group, or null where lspv prints "None" (a disk in no VG). */
  vg: string | null;
  /** "active", "concurrent", "locked", or null when the column is empty (VG varied off / no VG). */
  state: string | null;
}

/** IBM's alt_disk regex (§23): only hdisk* rows count, hdiskpowerN included. */
const IBM_LSPV_ROW = /^(hdisk\S+)\s+(\S+)\s+(\S+)\s*(\S*)/;

/** Rows of `lspv` without arguments. Lines of other devices (vpath, dlmfdrv) are left out as IBM does. */
export function parseLspv(text: string): LspvRow[] {
  const rows: LspvRow[] = [];
  for (const line of contentLines(text)) {
    const m = IBM_LSPV_ROW.exec(line);
    if (!m) continue;
    const [, name, pvid, vg, state] = m;
    rows.push({
      name: name!,
      pvid: pvid === 'none' ? null : pvid!,
      vg: vg === 'None' ? null : vg!,
      state: state === '' ? null : state!,
    });
  }
  return rows;
}

export interface LspvDetail {
  pv: string;
  vg: string;
  pvid: string | null;
  vgid: string | null;
  /** null where AIX printed "???????" (a varied-off VG: stats cannot be read). */
  pvState: string | null;
  stalePartitions: number | null;
  ppSizeMb: number | null;
  totalPps: number | null;
  freePps: number | null;
  usedPps: number | null;
  logicalVolumes: number | null;
  vgDescriptors: number | null;
  allocatable: string | null;
  hotSpare: string | null;
  /** AIX messages printed with the table, e.g. 0516-010 for a varied-off VG. */
  messages: string[];
  /** Every field as printed (label without colon). */
  fields: Map<string, string | null>;
}

const LSPV_RIGHT_LABELS = [
  'VOLUME GROUP:',
  'VG IDENTIFIER', // no colon in lspv [V §10.3]
  'ALLOCATABLE:',
  'LOGICAL VOLUMES:',
  'VG DESCRIPTORS:',
  'HOT SPARE:',
  'MAX REQUEST:',
] as const;

/** `lspv <pv>` / `lspv -L <pv>`: the two-column table, also the `???????` one of a varied-off VG. */
export function parseLspvDetail(text: string): LspvDetail {
  const { fields, messages } = parseLabelledPairs(text, LSPV_RIGHT_LABELS);
  const pv = fields.get('PHYSICAL VOLUME');
  const vg = fields.get('VOLUME GROUP');
  if (!pv || !vg) {
    throw new AixParseError('lspv', 'no "PHYSICAL VOLUME:" / "VOLUME GROUP:" line', text);
  }
  return {
    pv,
    vg,
    pvid: fields.get('PV IDENTIFIER') ?? null,
    vgid: fields.get('VG IDENTIFIER') ?? null,
    pvState: fields.get('PV STATE') ?? null,
    stalePartitions: leadingInt(fields.get('STALE PARTITIONS')),
    ppSizeMb: leadingInt(fields.get('PP SIZE')),
    totalPps: leadingInt(fields.get('TOTAL PPs')),
    freePps: leadingInt(fields.get('FREE PPs')),
    usedPps: leadingInt(fields.get('USED PPs')),
    logicalVolumes: leadingInt(fields.get('LOGICAL VOLUMES')),
    vgDescriptors: leadingInt(fields.get('VG DESCRIPTORS')),
    allocatable: fields.get('ALLOCATABLE') ?? null,
    hotSpare: fields.get('HOT SPARE') ?? null,
    messages,
    fields,
  };
}
