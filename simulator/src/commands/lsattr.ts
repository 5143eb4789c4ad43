import type { CommandContext } from '../runtime/context.js';
import type { Disk, HostState } from '../state/types.js';
import { has, value } from '../runtime/getopt.js';
import { diskByName } from '../views/host.js';
import { dynamicColumns } from '../format/columns.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';
import { applyFormat } from './lsdev.js';
import { sys0Attributes, systemDevices } from '../state/devices.js';

/** [U] usage text (shortened man page syntax). */
const USAGE = ['Usage: lsattr { -D | -E } -l Name [ -a Attribute ] ... [ -F Format | -O ] [ -H ]'];

interface Attr {
  attribute: string;
  value: string;
  description: string;
  user_settable: 'True' | 'False';
}

/** [V §16] pvid is the PVID followed by 16 zeros, or none. */
export function pvidAttribute(d: Disk): string {
  return d.pvid ? d.pvid + '0'.repeat(16) : 'none';
}

/** [V §16] pvid and size_in_mb; [U] the other attributes, typical of the disk kind. */
function diskAttributes(state: HostState, d: Disk, defaults: boolean): Attr[] {
  const a = (attribute: string, v: string, description: string, settable = true): Attr => ({
    attribute,
    value: v,
    description,
    user_settable: settable ? 'True' : 'False',
  });
  const index = state.disks.indexOf(d);
  const pvid = defaults ? 'none' : pvidAttribute(d);
  if (state.generation === 'legacy') {
    return [
      a('clr_q', 'no', 'Device CLEARS its Queue on error'),
      a('max_coalesce', '0x20000', 'Maximum COALESCE size'),
      a('pvid', pvid, 'Physical volume identifier', false),
      a('q_err', 'yes', 'Use QERR bit'),
      a('q_type', 'simple', 'Queuing TYPE'),
      a('queue_depth', '3', 'Queue DEPTH'),
      a('reserve_lock', 'yes', 'RESERVE device on open'),
      a('rw_timeout', '30', 'READ/WRITE time out value'),
      a('size_in_mb', String(d.sizeMb), 'Size in Megabytes', false),
      a('start_timeout', '60', 'START unit time out value'),
    ];
  }
  const lun = `0x${index.toString(16)}000000000000`;
  return [
    a('PCM', 'PCM/friend/fcpother', 'Path Control Module', false),
    a('algorithm', 'fail_over', 'Algorithm'),
    a('clr_q', 'no', 'Device CLEARS its Queue on error'),
    a('dist_err_pcnt', '0', 'Distributed Error Percentage'),
    a('dist_tw_width', '50', 'Distributed Error Sample Time'),
    a('hcheck_cmd', 'test_unit_rdy', 'Health Check Command'),
    a('hcheck_interval', '60', 'Health Check Interval'),
    a('hcheck_mode', 'nonactive', 'Health Check Mode'),
    a('lun_id', lun, 'Logical Unit Number ID', false),
    a('max_transfer', '0x80000', 'Maximum TRANSFER Size'),
    a('pvid', pvid, 'Physical volume identifier', false),
    a('q_err', 'yes', 'Use QERR bit'),
    a('q_type', 'simple', 'Queuing TYPE'),
    a('queue_depth', '20', 'Queue DEPTH'),
    a('reserve_policy', 'no_reserve', 'Reserve Policy'),
    a('rw_timeout', '30', 'READ/WRITE time out value'),
    a('size_in_mb', String(d.sizeMb), 'Size in Megabytes', false),
    a('start_timeout', '60', 'START unit time out value'),
  ];
}

export function lsattr(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'DERl:a:F:OHc:t:', USAGE);
  if (typeof p === 'number') return p;
  if (has(p, 'R')) return notSimulated(ctx, 'lsattr -R (legal values)');
  if (has(p, 'c') || has(p, 't')) return notSimulated(ctx, 'lsattr -c/-t (predefined attributes)');
  const name = value(p, 'l');
  if (name === null || has(p, 'D') === has(p, 'E') || p.operands.length > 0 || (has(p, 'F') && has(p, 'O'))) {
    return usageError(ctx, null, USAGE);
  }
  const state = ctx.state();
  const d = diskByName(state, name);
  const other = systemDevices(state.generation).find((x) => x.name === name);
  if (!d && !other) {
    MSG.lsattrNoDevice(name).forEach((l) => ctx.err(l));
    return 1;
  }
  if (!d && name !== 'sys0') return notSimulated(ctx, `lsattr -l ${name} (attributes of devices other than disks and sys0)`);
  const all = d
    ? diskAttributes(state, d, has(p, 'D'))
    : sys0Attributes(state).map((x) => ({ attribute: x.attribute, value: x.value, description: x.description, user_settable: x.settable ? ('True' as const) : ('False' as const) }));
  const wanted = p.flags.filter((f) => f.flag === 'a').map((f) => f.value!);
  const attrs: Attr[] = [];
  for (const w of wanted) {
    const found = all.find((x) => x.attribute === w);
    if (!found) {
      ctx.err(MSG.lsattrNoAttr(w));
      return 1;
    }
    attrs.push(found);
  }
  const shown = wanted.length > 0 ? attrs : all;
  const format = value(p, 'F');
  if (has(p, 'O')) {
    // [V §16] `#size_in_mb` then the value; several attributes are colon-separated.
    ctx.out('#' + shown.map((x) => x.attribute).join(':'));
    ctx.out(shown.map((x) => x.value).join(':'));
    return 0;
  }
  if (format !== null) {
    for (const x of shown) ctx.out(applyFormat(format, { ...x }));
    return 0;
  }
  // [V §16] attribute, value, description, user-settable in columns as wide as their widest value + 1.
  const rows = shown.map((x) => [x.attribute, x.value, x.description, x.user_settable]);
  if (has(p, 'H')) rows.unshift(['attribute', 'value', 'description', 'user_settable']);
  dynamicColumns(rows).forEach((l) => ctx.out(l));
  return 0;
}
