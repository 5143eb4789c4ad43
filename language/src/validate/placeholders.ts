import type { OptionSpec } from '../../../modules/src/schema/types.js';
import type { ValueFormat } from '../../../modules/src/schema/formats.js';
import { isTemplate } from '../playbook/values.js';

// A Jinja value is only known at run time: for validation it stands in as a value the option
// accepts, and every message about it is dropped. The literal parts around it are still checked.

const SAMPLE: Record<ValueFormat, string> = {
  disk: 'hdisk1',
  vg: 'datavg',
  abspath: '/tmp/x',
  device_or_path: '/tmp/x',
  bundle: 'update_all',
  fileset: 'bos.rte',
  fix: 'IJ00001',
  installp_flags: '-acgX',
  vrm: '7.3.0',
  platform: 'chrp',
  console: '/dev/vty0',
  bootlist_device: 'hdisk0',
  attr_value: 'x',
};

function scalarSample(o: OptionSpec): unknown {
  switch (o.type) {
    case 'bool':
      return typeof o.default === 'boolean' ? o.default : false;
    case 'int':
      return o.minimum ?? 0;
    case 'dict':
      return {};
    case 'list':
      return [elementSample(o)];
    case 'raw':
      return 'x';
    default:
      return o.choices?.[0] ?? (o.format ? SAMPLE[o.format] : 'x');
  }
}

function elementSample(o: OptionSpec): unknown {
  if (o.elements === 'dict') return {};
  if (o.choices) return o.choices[0];
  return o.format ? SAMPLE[o.format] : 'x';
}

/** The value with each template replaced by an accepted value of its place in the option. */
export function withPlaceholders(v: unknown, o: OptionSpec): unknown {
  if (isTemplate(v)) return scalarSample(o);
  if (o.type === 'list' && Array.isArray(v)) {
    return v.map((e) => {
      if (isTemplate(e)) return elementSample(o);
      if (e !== null && typeof e === 'object' && !Array.isArray(e)) return dictPlaceholders(e as Record<string, unknown>, o.suboptions ?? {});
      return e;
    });
  }
  if (o.type === 'dict' && v !== null && typeof v === 'object' && !Array.isArray(v)) return dictPlaceholders(v as Record<string, unknown>, o.suboptions ?? {});
  return v;
}

function dictPlaceholders(d: Record<string, unknown>, sub: Record<string, OptionSpec>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, val] of Object.entries(d)) {
    const s = Object.hasOwn(sub, k) ? sub[k] : undefined;
    out[k] = s ? withPlaceholders(val, s) : isTemplate(val) ? 'x' : val;
  }
  return out;
}
