import type { HostState } from '../state/types.js';
import { runningImage } from './host.js';

// Output layouts changed between AIX releases (lsvg grew lines, labels widened in 5.3, QUORUM
// gained "(Enabled)" in 7.1): the running system's version.release selects the layout.

/** 43, 53, 61, 71, 72, 73 for the running image. */
export function runningRelease(state: HostState): number {
  const [v, r] = runningImage(state).level.base.split('.');
  return Number(v) * 10 + Number(r);
}
