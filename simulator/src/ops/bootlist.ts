import type { BootEntry, HostState } from '../state/types.js';
import { diskById, diskByName } from '../views/host.js';

// The boot list lives in firmware (NVRAM) and names physical devices: after a reboot that renumbers
// disks, bootlist -o shows the new name of the same disk, and a device that is gone shows as "-".

export type BootMode = 'normal' | 'service';

export interface BootlistRequest {
  device: string;
  attrs: Record<string, string>;
}

/** Attributes bootlist accepts after a device [V §12.1]. */
export const BOOT_ATTRS = ['blv', 'pathid', 'bserver', 'gateway', 'client', 'speed', 'duplex', 'vlan_tag', 'vlan_pri', 'filename'];

const NON_DISK_DEVICE = /^(cd\d+|rmt\d+|ent\d+|fcs\d+)$/;

/** `pathid=0` or a list `pathid=0,2` [U list form]. */
export function pathIdsOf(value: string): number[] {
  return value.split(',').map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
}

/** Validate and store a boot list. Returns an error text (without command prefix) or null. */
export function setBootlist(state: HostState, modes: BootMode[], entries: BootlistRequest[]): string | null {
  const stored: BootEntry[] = [];
  for (const e of entries) {
    for (const k of Object.keys(e.attrs)) {
      if (!BOOT_ATTRS.includes(k)) return `Invalid attribute ${k}=${e.attrs[k]} for device ${e.device}.`; // [U]
    }
    const disk = diskByName(state, e.device);
    if (disk) {
      if (!disk.present) return `Device ${e.device} is not available.`; // [U]
      const pathids = e.attrs.pathid === undefined ? [] : pathIdsOf(e.attrs.pathid);
      if (pathids.some((p) => !Number.isInteger(p) || p < 0 || p >= disk.paths)) {
        return `Invalid attribute pathid=${e.attrs.pathid} for device ${e.device}: it has paths 0 to ${disk.paths - 1}.`; // [U]
      }
      stored.push({ diskId: disk.id, device: disk.name, attrs: { ...e.attrs } });
      continue;
    }
    if (NON_DISK_DEVICE.test(e.device)) {
      stored.push({ diskId: null, device: e.device, attrs: { ...e.attrs } });
      continue;
    }
    return `Invalid device name ${e.device}.`; // [U] text of the real error
  }
  for (const m of modes) state.bootlists[m] = stored.map((s) => ({ ...s, attrs: { ...s.attrs } }));
  return null;
}

/** One line per path, as `bootlist -m <mode> -o` prints them [V §12.2]. */
export function bootlistLines(state: HostState, mode: BootMode): string[] {
  const legacy = state.generation === 'legacy';
  const out: string[] = [];
  for (const e of state.bootlists[mode]) {
    if (e.diskId === null) {
      out.push([e.device, ...Object.entries(e.attrs).map(([k, v]) => `${k}=${v}`)].join(' '));
      continue;
    }
    const disk = diskById(state, e.diskId);
    if (!disk || !disk.present) {
      out.push('-');
      continue;
    }
    const blv = e.attrs.blv ?? disk.bootRecord;
    const extra = Object.entries(e.attrs)
      .filter(([k]) => k !== 'blv' && k !== 'pathid')
      .map(([k, v]) => `${k}=${v}`);
    if (legacy) {
      // [U] 4.3 prints no path ids.
      out.push([disk.name, ...(blv ? [`blv=${blv}`] : []), ...extra].join(' '));
      continue;
    }
    const paths = e.attrs.pathid !== undefined ? pathIdsOf(e.attrs.pathid) : Array.from({ length: disk.paths }, (_, i) => i);
    for (const p of paths) out.push([disk.name, ...(blv ? [`blv=${blv}`] : []), `pathid=${p}`, ...extra].join(' '));
  }
  return out;
}

/** Disks of a boot list in order, present or not. */
export function bootlistDisks(state: HostState, mode: BootMode): { entry: BootEntry; diskId: string | null }[] {
  return state.bootlists[mode].map((entry) => ({ entry, diskId: entry.diskId }));
}
