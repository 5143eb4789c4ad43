import { AixParseError, contentLines } from './text.js';

// `bootlist -m <mode> -o` (§12.2): one line per device PATH ("hdisk2 blv=hd5 pathid=0" ... one for
// each MPIO path), "-" for a device that is no longer present, network devices with their
// bserver=/gateway=/client= attributes. Legacy levels print no pathid [U].

export interface BootlistEntry {
  /** Device name; null where AIX printed "-" (the device in the list is gone). */
  device: string | null;
  /** Attributes other than pathid (blv=hd5, bserver=...). */
  attrs: Record<string, string>;
  /** The path ids of the consecutive per-path lines collapsed into this entry, in order. */
  pathIds: string[];
}

function sameAttrs(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export function parseBootlist(text: string): BootlistEntry[] {
  const entries: BootlistEntry[] = [];
  for (const line of contentLines(text)) {
    const [first, ...tokens] = line.trim().split(/\s+/);
    if (first === '-') {
      entries.push({ device: null, attrs: {}, pathIds: [] });
      continue;
    }
    if (!first || first.includes('=')) throw new AixParseError('bootlist -o', `unexpected line ${JSON.stringify(line)}`, text);
    const attrs: Record<string, string> = {};
    let pathId: string | null = null;
    for (const t of tokens) {
      const eq = t.indexOf('=');
      if (eq <= 0) throw new AixParseError('bootlist -o', `"${t}" is not attr=value in ${JSON.stringify(line)}`, text);
      const key = t.slice(0, eq);
      const value = t.slice(eq + 1);
      if (key === 'pathid') pathId = value;
      else attrs[key] = value;
    }
    const last = entries[entries.length - 1];
    // Consecutive lines of one device that differ only in pathid are that device's paths.
    if (pathId !== null && last && last.device === first && last.pathIds.length > 0 && sameAttrs(last.attrs, attrs)) {
      last.pathIds.push(pathId);
      continue;
    }
    entries.push({ device: first, attrs, pathIds: pathId === null ? [] : [pathId] });
  }
  return entries;
}
