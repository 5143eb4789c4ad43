// Host entries of an inventory: `lpar01`, `lpar01:2222`, `lpar[01:20]`, `db-[a:f]-node`,
// `lpar[01:20:2]` (Ansible's ranges: zero-padded by the first bound, letters or numbers, a step).

export interface HostEntry {
  names: string[];
  port: number | null;
}

/** Outside square brackets, the text after the last colon is a port when it is all digits. */
function splitPort(pattern: string): { host: string; port: number | null } {
  let depth = 0;
  const colons: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ':' && depth === 0) colons.push(i);
  }
  // More than one bare colon: an IPv6 address without a port.
  if (colons.length !== 1) return { host: pattern, port: null };
  const at = colons[0]!;
  const port = pattern.slice(at + 1);
  if (!/^\d+$/.test(port)) throw new Error(`"${pattern}": the part after ":" must be a port number`);
  return { host: pattern.slice(0, at), port: Number(port) };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Expand every [begin:end(:step)] of a host name, left to right. */
export function expandRanges(pattern: string): string[] {
  const open = pattern.indexOf('[');
  if (open < 0) return [pattern];
  const close = pattern.indexOf(']', open);
  if (close < 0) throw new Error(`"${pattern}": a host range needs a closing "]"`);
  if (!pattern.slice(open, close).includes(':')) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = pattern.slice(open + 1, close).split(':');
  if (bounds.length !== 2 && bounds.length !== 3) throw new Error(`"${pattern}": a host range is [begin:end] or [begin:end:step]`);
  const beg = bounds[0] || '0';
  const end = bounds[1]!;
  const step = bounds.length === 3 ? Number(bounds[2]) : 1;
  if (!end) throw new Error(`"${pattern}": a host range must give its end`);
  if (!Number.isInteger(step) || step < 1) throw new Error(`"${pattern}": the step of a host range is a whole number of at least 1`);
  let seq: string[];
  const ib = LETTERS.indexOf(beg);
  const ie = LETTERS.indexOf(end);
  if (beg.length === 1 && end.length === 1 && ib >= 0 && ie >= 0) {
    if (ib > ie) throw new Error(`"${pattern}": a host range must have begin <= end`);
    seq = [];
    for (let i = ib; i <= ie; i += step) seq.push(LETTERS[i]!);
  } else {
    if (!/^\d+$/.test(beg) || !/^\d+$/.test(end)) throw new Error(`"${pattern}": a host range is numbers or single letters`);
    const width = beg.length > 1 && beg.startsWith('0') ? beg.length : 0;
    if (width && end.length !== width) throw new Error(`"${pattern}": a zero-padded host range needs begin and end of the same length`);
    seq = [];
    for (let i = Number(beg); i <= Number(end); i += step) seq.push(width ? String(i).padStart(width, '0') : String(i));
  }
  return seq.flatMap((s) => expandRanges(`${head}${s}${tail}`));
}

export function parseHostEntry(pattern: string): HostEntry {
  const { host, port } = splitPort(pattern.trim());
  if (host === '') throw new Error(`"${pattern}" names no host`);
  return { names: expandRanges(host), port };
}
