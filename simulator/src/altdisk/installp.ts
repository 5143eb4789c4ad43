import * as fs from 'node:fs';
import type { CommandContext } from '../runtime/context.js';
import type { Fileset, OsImage } from '../state/types.js';
import { compareLevels, parseLevel } from '../state/levels.js';
import { sortFilesets } from '../state/filesets.js';
import type { Transcript } from './log.js';
import { readLppSource, type LppImage } from './lpp-source.js';
import { NOMINAL } from './durations.js';
import { AltFailure } from './failure.js';
import { ERR } from './texts.js';
import { INSTALLP } from './installp-texts.js';

// Phase-2 software work on the alternate image (clone only [V §5]): -b bundle (update_all or a
// bundle file), -w filesets, -F / -f APARs, with images from -l. The clone's fileset levels, APARs
// and, when its base filesets reach the level an image folder was built for, its oslevel follow.

export interface InstallRequest {
  /** "update_all" or a bundle file path. */
  bundle: string | null;
  /** -w value (blank separated). */
  filesets: string | null;
  /** -F value (blank separated APARs). */
  fixes: string | null;
  /** -f file listing APARs. */
  fixBundle: string | null;
  /** -I flags, default -acgX. */
  flags: string;
  /** -l folder on this machine. */
  location: string;
}

export function wantsInstall(r: Omit<InstallRequest, 'flags' | 'location'>): boolean {
  return r.bundle !== null || r.filesets !== null || r.fixes !== null || r.fixBundle !== null;
}

/** Fileset names from a bundle file: "I:bos.rte" / "bos.rte" lines, # comments. */
function readBundle(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => l.replace(/^[IR]:/, ''));
}

function readAparList(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split(/\s+/).map((l) => l.trim()).filter(Boolean);
}

function newest(images: LppImage[], name: string): LppImage | null {
  let best: LppImage | null = null;
  for (const i of images) if (i.name === name && (!best || compareLevels(i.level, best.level) > 0)) best = i;
  return best;
}

interface Plan {
  selected: LppImage[];
  missing: string[];
  alreadyInstalled: LppImage[];
}

function plan(img: OsImage, images: LppImage[], r: InstallRequest): Plan {
  const p: Plan = { selected: [], missing: [], alreadyInstalled: [] };
  const installed = new Map(img.filesets.map((f) => [f.name, f]));
  const consider = (name: string, requested: boolean) => {
    const candidate = newest(images, name);
    const have = installed.get(name);
    if (!candidate) {
      if (requested) p.missing.push(name);
      return;
    }
    if (have && compareLevels(candidate.level, have.level) <= 0) {
      if (requested) p.alreadyInstalled.push(candidate);
      return;
    }
    if (!p.selected.some((s) => s.name === name)) p.selected.push(candidate);
  };
  if (r.bundle === 'update_all') {
    for (const f of img.filesets) consider(f.name, false);
  } else if (r.bundle !== null) {
    for (const n of readBundle(r.bundle)) consider(n, true);
  }
  for (const n of (r.filesets ?? '').split(/\s+/).filter(Boolean)) consider(n, true);
  return p;
}

/** Apply what -l offers to the image; prints installp-style output; fails on missing filesets. */
export function runInstallp(ctx: CommandContext, t: Transcript, prog: string, imageId: string, r: InstallRequest): void {
  if (!fs.existsSync(r.location)) throw new AltFailure([ERR.imagesNotFound(prog, r.location)]);
  const src = readLppSource(r.location);
  const img = ctx.state().images[imageId]!;
  const p = plan(img, src.images, r);
  const apars = [...(r.fixes ?? '').split(/\s+/).filter(Boolean), ...(r.fixBundle ? readAparList(r.fixBundle) : [])];
  const commit = r.flags.replace(/^-/, '').includes('c');

  t.trace(`installp ${r.flags.startsWith('-') ? r.flags : '-' + r.flags} -d ${r.location}`);
  ctx.pause(NOMINAL.installpSetup);
  if (p.selected.length > 0 || p.missing.length > 0 || p.alreadyInstalled.length > 0) {
    INSTALLP.verification(p.selected, p.missing, p.alreadyInstalled).forEach((l) => t.line(l));
  } else if (r.bundle === 'update_all') {
    INSTALLP.nothingToUpdate.forEach((l) => t.line(l));
  }
  if (p.selected.length > 0) {
    INSTALLP.installingHeader.forEach((l) => t.line(l));
    for (const s of p.selected) {
      INSTALLP.applying(s).forEach((l) => t.line(l));
      ctx.pause(NOMINAL.installpPerFileset);
    }
    INSTALLP.summary(p.selected, commit).forEach((l) => t.line(l));
  }
  if (apars.length > 0) INSTALLP.fixes(apars).forEach((l) => t.line(l));

  ctx.update((s) => {
    const target = s.images[imageId]!;
    const byName = new Map(target.filesets.map((f) => [f.name, f]));
    for (const sel of p.selected) {
      const f: Fileset = { name: sel.name, level: sel.level, state: commit ? 'COMMITTED' : 'APPLIED', description: byName.get(sel.name)?.description ?? sel.description };
      byName.set(sel.name, f);
    }
    target.filesets = sortFilesets([...byName.values()]);
    for (const a of apars) if (!target.apars.includes(a)) target.apars.push(a);
    const bos = byName.get('bos.rte');
    const srcBos = newest(src.images, 'bos.rte');
    if (src.oslevel && bos && srcBos && bos.level === srcBos.level) target.level = parseLevel(src.oslevel);
    s.history.push({ at: new Date().toISOString(), event: `${prog}: installp applied ${p.selected.length} fileset(s), ${apars.length} APAR(s) to ${imageId}` });
  });
  if (p.missing.length > 0) throw new AltFailure([ERR.installpFailed(prog, 1)]);
}
