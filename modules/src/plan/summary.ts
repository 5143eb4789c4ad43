import type { AltRootvgState, HostFacts } from '../facts/types.js';

// The part of the host an alternate-disk task changes, in a form that can be predicted by a
// planner, compared before/after, and rendered for Ansible's --diff.

export interface DiskSummary {
  name: string;
  /** null: no PVID; "(new)": AIX assigns one during the operation. */
  pvid: string | null;
  vg: string | null;
  active: boolean;
}

export interface StateSummary {
  disks: DiskSummary[];
  altinst: { state: AltRootvgState; disks: string[] };
  oldRootvg: string[] | null;
  rootvgDisks: string[];
  bootlist: { normal: string[]; service: string[] };
}

export function bootDevices(entries: HostFacts['bootlists']['normal']): string[] {
  return entries.map((e) => e.device ?? '-');
}

export function summarize(f: HostFacts): StateSummary {
  return {
    disks: f.disks.map((d) => ({ name: d.name, pvid: d.pvid, vg: d.vg, active: d.active })),
    altinst: { state: f.altRootvg.state, disks: [...f.altRootvg.disks] },
    oldRootvg: f.oldRootvg ? [...f.oldRootvg.disks] : null,
    rootvgDisks: [...f.rootvg.disks],
    bootlist: { normal: bootDevices(f.bootlists.normal), service: bootDevices(f.bootlists.service) },
  };
}

export function cloneSummary(s: StateSummary): StateSummary {
  return structuredClone(s);
}

/** Put disks into a VG (or free them with vg null) in a predicted summary. */
export function setDisks(s: StateSummary, names: string[], vg: string | null, active: boolean): void {
  for (const d of s.disks) {
    if (!names.includes(d.name)) continue;
    d.vg = vg;
    d.active = vg !== null && active;
    if (vg !== null && d.pvid === null) d.pvid = '(new)';
  }
}

/** lspv-like lines, then the alternate rootvgs and the boot lists: what --diff compares. */
export function renderSummary(s: StateSummary): string {
  const lines = s.disks.map((d) => `${d.name.padEnd(16)}${(d.pvid ?? 'none').padEnd(20)}${(d.vg ?? 'None').padEnd(16)}${d.active ? 'active' : ''}`.trimEnd());
  lines.push('');
  lines.push(`altinst_rootvg: ${s.altinst.state}${s.altinst.disks.length ? ` on ${s.altinst.disks.join(' ')}` : ''}`);
  lines.push(`old_rootvg: ${s.oldRootvg ? s.oldRootvg.join(' ') : 'none'}`);
  lines.push(`bootlist normal: ${s.bootlist.normal.join(' ') || '(empty)'}`);
  lines.push(`bootlist service: ${s.bootlist.service.join(' ') || '(empty)'}`);
  return lines.join('\n') + '\n';
}

export function diffOf(before: StateSummary, after: StateSummary, what: string): Record<string, string> {
  return {
    before: renderSummary(before),
    after: renderSummary(after),
    before_header: `${what} (before)`,
    after_header: `${what} (after)`,
  };
}
