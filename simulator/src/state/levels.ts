import type { OsLevel } from './types.js';

// Levels are written the way oslevel prints them. Modern levels come as "7300-02-01-2346"
// (version+release, technology level, service pack, build); legacy ones as "4.3.3.0" with a
// maintenance level "4330-11".

const MODERN = /^(\d)(\d)00-(\d{2})-(\d{2})-(\d{4})$/;
const LEGACY = /^(\d)\.(\d)\.(\d)\.\d+(?:-(\d{2}))?$/;

export function parseLevel(spec: string): OsLevel {
  const m = MODERN.exec(spec);
  if (m) {
    const [, v, r, tl] = m;
    return { base: `${v}.${r}.0.0`, tl: `${v}${r}00-${tl}`, sp: spec };
  }
  const l = LEGACY.exec(spec);
  if (l) {
    const [, v, r, mod, ml] = l;
    return { base: `${v}.${r}.${mod}.0`, tl: `${v}${r}${mod}0-${ml ?? '00'}`, sp: null };
  }
  throw new Error(`aixsim: level "${spec}" is neither V.R.M.F (4.3.3.0, 4.3.3.0-11) nor oslevel -s form (7300-02-01-2346)`);
}

/** V.R.M as alt_disk_install -L and boot image names use it: 7.3.2 for 7300-02, 4.3.3 for 4.3.3.0. */
export function vrm(level: OsLevel): string {
  const [v, r, mod] = level.base.split('.');
  if (level.sp === null) return `${v}.${r}.${mod}`;
  return `${v}.${r}.${Number(level.tl.split('-')[1])}`;
}

/** Fileset level of the base filesets at this OS level, e.g. 7.3.2.1 for 7300-02-01. */
export function filesetLevel(level: OsLevel, fix?: number): string {
  const sp = level.sp === null ? 0 : Number(level.sp.split('-')[2]);
  return `${vrm(level)}.${fix ?? sp}`;
}

export { compareLevels } from '../../../common/levels.js';

/** Version.release only ("7.3"), used for the "cannot install an earlier version" rule. */
export function versionRelease(level: OsLevel): string {
  return level.base.split('.').slice(0, 2).join('.');
}
