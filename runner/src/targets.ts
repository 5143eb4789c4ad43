import * as path from 'node:path';
import type { HostSpec } from './types.js';

// Hosts given on the command line rather than in an inventory.

/** `--host [user@]host[:port]` (IPv6 in brackets: [::1]:22). */
export function hostFromAddress(text: string): HostSpec {
  const m = /^(?:([^@\s]+)@)?(\[[^\]]+\]|[^:@\s]+)(?::(\d+))?$/.exec(text.trim());
  if (!m || m[2]!.startsWith('-')) throw new Error(`"${text}" is not [user@]host[:port]`);
  const address = m[2]!.replace(/^\[(.*)\]$/, '$1');
  const vars: Record<string, unknown> = { ansible_host: address };
  if (m[1]) vars.ansible_user = m[1];
  if (m[3]) {
    const port = Number(m[3]);
    if (port < 1 || port > 65535) throw new Error(`"${text}": ${port} is not a port number`);
    vars.ansible_port = port;
  }
  return { name: address, vars };
}

/** `--sim DIR`: a simulated host on this machine, named after its folder. */
export function simHost(dir: string): HostSpec {
  const abs = path.resolve(dir);
  return { name: path.basename(abs), vars: { altdisk_sim_dir: abs } };
}
