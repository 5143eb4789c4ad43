import type { CommandContext } from '../runtime/context.js';
import type { HostState } from '../state/types.js';
import { systemDevices } from '../state/devices.js';
import { has, value } from '../runtime/getopt.js';
import { dynamicColumns } from '../format/columns.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';
import { deviceFields, type DeviceFields } from './device-fields.js';

/** [U] usage text (shortened man page syntax). */
const USAGE = ['Usage: lsdev -C [ -c Class ] [ -s Subclass ] [ -t Type ] [ -S State ] [ -l Name ] [ -H ] [ -F Format ]'];

/** `-F "name:status"`: every field name in the format is replaced by its value [V §16]. */
export function applyFormat(format: string, values: Readonly<Record<string, string>>): string {
  return format.replace(/[A-Za-z_]+/g, (word) => values[word] ?? word);
}

/** "hdisk2" before "hdisk10": names compared by their letters, then their number [U order]. */
function byName(a: DeviceFields, b: DeviceFields): number {
  const [, pa = a.name, na = ''] = /^(.*?)(\d*)$/.exec(a.name) ?? [];
  const [, pb = b.name, nb = ''] = /^(.*?)(\d*)$/.exec(b.name) ?? [];
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(na || -1) - Number(nb || -1);
}

/** Every customized device: the host's system devices (state/devices.ts) and its disks. */
export function allDevices(state: HostState): DeviceFields[] {
  const disks = state.disks.map((d) => deviceFields(state, d));
  return [...systemDevices(state.generation).map((x) => ({ ...x })), ...disks].sort(byName);
}

function select(state: HostState, cls: string | null, sub: string | null, type: string | null, name: string | null, st: string | null): DeviceFields[] {
  return allDevices(state).filter((f) => {
    if (cls !== null && f.class !== cls) return false;
    if (sub !== null && f.subclass !== sub) return false;
    if (type !== null && f.type !== type) return false;
    if (name !== null && f.name !== name) return false;
    // -S a|d (Available / Defined), also spelled out.
    if (st !== null && !f.status.toLowerCase().startsWith(st.toLowerCase())) return false;
    return true;
  });
}

/** lsdev -C (the default): the customized devices, disks and the rest of the system. */
export function lsdev(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'CPc:s:t:S:l:HF:r:f:', USAGE);
  if (typeof p === 'number') return p;
  if (has(p, 'P')) return notSimulated(ctx, 'lsdev -P (predefined devices)');
  if (has(p, 'r') || has(p, 'f')) return notSimulated(ctx, 'lsdev -r/-f');
  if (p.operands.length > 0) return usageError(ctx, null, USAGE);
  const state = ctx.state();
  const devices = select(state, value(p, 'c'), value(p, 's'), value(p, 't'), value(p, 'l'), value(p, 'S'));
  const format = value(p, 'F');
  if (format !== null) {
    for (const f of devices) ctx.out(applyFormat(format, f));
    return 0;
  }
  // [V §16] name, status, location, description; columns as wide as their widest value + 1.
  const rows = devices.map((f) => [f.name, f.status, f.location, f.description]);
  if (has(p, 'H')) rows.unshift(['name', 'status', 'location', 'description']);
  dynamicColumns(rows).forEach((l) => ctx.out(l));
  return 0;
}
