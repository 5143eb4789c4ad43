import type { HostFacts } from '../facts/types.js';
import type { HostAccess } from '../runtime/host-access.js';
import type { MksysbContext, MksysbParams } from './mksysb.js';
import { aixCommand } from '../aix/commands.js';
import { parseLsmksysb } from '../facts/parse/lsmksysb.js';
import { ModuleFailure } from '../runtime/failure.js';
import { BOOT_IMAGES_DIR, LEGACY_DEFAULT_LEVEL, imageVrm, legacyBootImageName } from './mksysb.js';

// The read-only queries a mksysb install plans from: what lsmksysb says of the image and, below
// AIX 5.3, whether the boot image alt_disk_install will look for exists. None for phase 2/3 alone.

function readsImage(p: MksysbParams): boolean {
  return !(p.phase === '2' || p.phase === '3' || p.phase === '23');
}

const lsmksysbArgv = (p: MksysbParams) => aixCommand('lsmksysb', '-l', '-f', p.source);

/** Start the image question with the facts (the plan's own read then answers from memory). */
export function prefetchImage(host: HostAccess, p: MksysbParams): void {
  if (readsImage(p)) void host.run(lsmksysbArgv(p));
}

export async function readImageContext(host: HostAccess, facts: HostFacts, p: MksysbParams): Promise<MksysbContext> {
  if (!readsImage(p)) {
    return { image: { image: false, message: 'not read for phase 2/3' }, legacyBootImage: null };
  }
  const r = await host.run(lsmksysbArgv(p));
  // Below AIX 5.3 there is no lsmksysb: alt_disk_install checks the image against -L itself.
  if (r.rc === 127 && facts.generation === 'legacy') return { image: null, legacyBootImage: await legacyBootImage(host, p, null) };
  let image;
  try {
    image = parseLsmksysb(r);
  } catch (e) {
    throw new ModuleFailure(`source: lsmksysb -l -f ${p.source} failed (rc ${r.rc}): ${(e as Error).message}`, { rc: r.rc });
  }
  if (facts.generation !== 'legacy') return { image, legacyBootImage: null };
  return { image, legacyBootImage: await legacyBootImage(host, p, image.image ? imageVrm(image) : null) };
}

async function legacyBootImage(host: HostAccess, p: MksysbParams, vrm: string | null): Promise<NonNullable<MksysbContext['legacyBootImage']>> {
  let platform = p.platform ?? null;
  if (!platform) {
    const b = await host.run(aixCommand('bootinfo', '-p'));
    platform = (b.rc === 0 && b.stdout.trim()) || 'chrp';
  }
  const name = legacyBootImageName(platform, p.mksysb_level ?? vrm ?? LEGACY_DEFAULT_LEVEL);
  const exists = (await host.readFile(`${BOOT_IMAGES_DIR}/${name}`)) !== null;
  return { name, platform, exists };
}
