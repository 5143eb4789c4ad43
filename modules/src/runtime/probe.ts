import * as fs from 'node:fs';

// Files named in the options (scripts, resolv.conf, images, mksysb files) are checked before any
// command runs: a missing script must fail the task, not phase 2 half an hour into a clone.
// They are paths on the machine the module runs on — the AIX host (or, for a simulated host,
// this machine, where the simulator runs the scripts).

export interface PathInfo {
  exists: boolean;
  kind: 'file' | 'directory' | 'device' | 'other' | null;
  executable: boolean;
  readable: boolean;
}

export function probePath(p: string): PathInfo {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return { exists: false, kind: null, executable: false, readable: false };
  }
  const can = (mode: number) => {
    try {
      fs.accessSync(p, mode);
      return true;
    } catch {
      return false;
    }
  };
  const kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : 'other';
  return { exists: true, kind, executable: st.isFile() && can(fs.constants.X_OK), readable: can(fs.constants.R_OK) };
}

export type PathProbe = (p: string) => PathInfo;
