import { contentLines } from './text.js';

// `lsdev -Cc disk -F name:status` (§16, [I]): "hdisk0:Available" per line. A disk that is gone
// stays in the ODM as Defined; only an Available disk can be read, written or booted.

export type DiskStatus = Record<string, string>;

export function parseLsdevStatus(text: string): DiskStatus {
  const out: DiskStatus = Object.create(null);
  for (const line of contentLines(text)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}
