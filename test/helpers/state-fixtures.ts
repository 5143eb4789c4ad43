import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AltState, Disk, FaultStep, HostState, OdmVg } from '../../simulator/src/state/types.js';
import type { SimHost } from './sim.js';

// States that the LVM command tests need before (or without) the alt-disk commands: written
// straight into state.json, the way the lifecycle commands would leave them.

export function readHostState(h: SimHost): HostState {
  return JSON.parse(fs.readFileSync(path.join(h.dir, 'state.json'), 'utf8')) as HostState;
}

export function editState(h: SimHost, change: (s: HostState) => void): void {
  const s = readHostState(h);
  change(s);
  fs.writeFileSync(path.join(h.dir, 'state.json'), JSON.stringify(s, null, 1) + '\n');
}

export function diskNamed(s: HostState, name: string): Disk {
  const d = s.disks.find((x) => x.name === name);
  if (!d) throw new Error(`fixture: no disk ${name}`);
  return d;
}

function hex(input: string, n: number): string {
  return createHash('sha256').update(input).digest('hex').slice(0, n);
}

export interface AltVgOptions {
  /** Target disks (default hdisk1). */
  disks?: string[];
  /** 1: phase 1 done, varied on and mounted at /alt_inst with alt_ names; 3: a sleeping place holder. */
  phase?: 1 | 3;
  /** ODM name (default altinst_rootvg; old_rootvg for a former rootvg). */
  name?: string;
  awake?: boolean;
}

/**
 * An alternate rootvg as alt_disk_copy leaves it: a new VGDA on the target disks carrying a copy
 * of the running rootvg's LVs (alt_ names during phase 1, real names after phase 3), the boot
 * record on the first disk, and the ODM entry (LVs in the ODM only while mounted).
 */
export function addAltRootvg(h: SimHost, o: AltVgOptions = {}): { vgid: string } {
  const phase = o.phase ?? 3;
  const awake = o.awake ?? false;
  const mounted = phase === 1 || awake;
  const name = o.name ?? 'altinst_rootvg';
  let vgid = '';
  editState(h, (s) => {
    const disks = (o.disks ?? ['hdisk1']).map((n) => diskNamed(s, n));
    const root = s.vgdas[s.booted.vgid]!;
    vgid = root.vgid.slice(0, 8) + '00004c00' + '0000' + hex(`fixture:${name}:${disks.map((d) => d.id).join()}`, 12);
    disks.forEach((d, i) => {
      if (d.pvid === null) d.pvid = root.vgid.slice(0, 8) + hex(`fixture-pvid:${d.id}`, 8);
      d.vgid = vgid;
      d.bootRecord = i === 0 ? 'hd5' : null;
    });
    s.vgdas[vgid] = {
      vgid,
      ppSizeMb: root.ppSizeMb,
      pvs: disks.map((d) => d.id),
      lvs: root.lvs.map((lv) => ({ ...lv, copies: 1, name: mounted ? `alt_${lv.name}` : lv.name })),
      imageId: root.imageId,
      format: root.format,
      everSystemRootvg: name === 'old_rootvg',
    };
    const alt: AltState | null = name === 'old_rootvg' && !mounted ? null : { origin: 'alt_disk_copy', phase, awake, phase2Runs: 0 };
    const entry: OdmVg = { name, vgid, active: mounted, lvsInOdm: mounted, alt, variedOnByHand: false };
    s.odm.push(entry);
  });
  return { vgid };
}

export function setDisk(h: SimHost, name: string, patch: Partial<Disk>): void {
  editState(h, (s) => Object.assign(diskNamed(s, name), patch));
}

export function setVgActive(h: SimHost, vg: string, active: boolean): void {
  editState(h, (s) => {
    const v = s.odm.find((x) => x.name === vg);
    if (!v) throw new Error(`fixture: no VG ${vg}`);
    v.active = active;
  });
}

export function addFault(h: SimHost, step: FaultStep, disk?: string, remaining = 1): void {
  editState(h, (s) => s.faults.push({ step, ...(disk ? { disk } : {}), remaining }));
}
