import type { HostState, OdmVg, OsImage } from '../state/types.js';

// The ODM after a boot is the booted image's own ODM: the one it had when it last ran, the copy a
// clone took of the running system, or (an mksysb image from another system) just the volume groups
// found and imported on this one. The booted VG becomes rootvg; the VG that image knew as rootvg
// becomes old_rootvg, varied off, its LVs out of the ODM [V §20]; on AIX 4.3 the former rootvg's
// disks show no volume group at all [V seed].

function carried(state: HostState, vgid: string): boolean {
  return state.disks.some((d) => d.vgid === vgid) && state.vgdas[vgid] !== undefined;
}

function ordinary(v: OdmVg): boolean {
  return v.alt === null && !['rootvg', 'old_rootvg', 'altinst_rootvg'].includes(v.name);
}

/** Where a never-booted image's ODM starts. */
function baseOdm(state: HostState, image: OsImage): OdmVg[] {
  if (image.odm) return structuredClone(image.odm);
  if (image.restoredFrom === null) return structuredClone(state.odm);
  // [U] An mksysb install imports the volume groups it finds on the system's disks (-y: also those
  // recorded in the mksysb, which the simulator cannot tell apart), none with -z.
  if (image.importVgs === 'none') return [];
  return structuredClone(state.odm.filter(ordinary));
}

function oldRootvg(vgid: string): OdmVg {
  return { name: 'old_rootvg', vgid, active: false, lvsInOdm: false, alt: null, variedOnByHand: false };
}

/** importvg gives a conflicting name the next free vgNN. */
function uniqueNames(list: OdmVg[]): void {
  const seen = new Set<string>();
  let n = 0;
  // Later entries keep their names: the newest demotion (old_rootvg) must stay reachable under it.
  for (let i = list.length - 1; i >= 0; i--) {
    const v = list[i]!;
    if (seen.has(v.name)) {
      while (list.some((x) => x.name === `vg${String(n).padStart(2, '0')}`)) n++;
      v.name = `vg${String(n).padStart(2, '0')}`;
    }
    seen.add(v.name);
  }
}

export function rebuildOdm(state: HostState, bootVgid: string, image: OsImage): OdmVg[] {
  const legacy = state.generation === 'legacy';
  const previous = state.booted.vgid;
  const root: OdmVg = { name: 'rootvg', vgid: bootVgid, active: true, lvsInOdm: true, alt: null, variedOnByHand: false };
  const out: OdmVg[] = [];
  let rootPlaced = false;
  let demoted = -1;
  for (const e of baseOdm(state, image)) {
    if (e.vgid === bootVgid) {
      out.push(root);
      rootPlaced = true;
      continue;
    }
    if (!carried(state, e.vgid)) continue;
    if (e.name === 'rootvg') {
      if (legacy) continue;
      out.push(oldRootvg(e.vgid));
      demoted = out.length - 1;
      continue;
    }
    e.variedOnByHand = false;
    if (e.alt !== null || e.name === 'old_rootvg') e.active = false;
    out.push(e);
  }
  if (!legacy && previous !== bootVgid && carried(state, previous) && !out.some((e) => e.vgid === previous)) {
    out.unshift(oldRootvg(previous));
    demoted = 0;
  }
  if (!rootPlaced) out.splice(demoted + 1, 0, root);
  uniqueNames(out);
  return out;
}
