import { nodeCrypto } from '../runtime/lazy-builtins.js';
import type { HostState } from './types.js';

// AIX PVIDs start with the machine id of the system that wrote them and end with a time stamp;
// VGIDs embed the same machine id. Deriving both from the host name and a counter keeps them
// realistic-looking and stable from one test run to the next.

function hex(input: string, length: number): string {
  return nodeCrypto().createHash('sha256').update(input).digest('hex').slice(0, length);
}

export function machineId(hostname: string): string {
  return '00' + hex(`machine:${hostname}`, 6);
}

export function nextPvid(state: HostState): string {
  state.seq += 1;
  return machineId(state.hostname) + hex(`pvid:${state.hostname}:${state.seq}`, 8);
}

export function nextVgid(state: HostState): string {
  state.seq += 1;
  return machineId(state.hostname) + '00004c00' + '0000' + hex(`vgid:${state.hostname}:${state.seq}`, 12);
}

export function nextImageId(state: HostState): string {
  state.seq += 1;
  return `img${state.seq}`;
}
