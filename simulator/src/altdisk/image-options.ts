import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandContext } from '../runtime/context.js';

// Options that change how the alternate image behaves on its first boot (-O, -c, -x). They are
// recorded on the image whenever they are given (phase 1 or a later phase 3), and the first boot
// honours them once.

/** [U] Where the -x script is kept inside the alternate image until its first boot. */
export const FIRST_BOOT_SCRIPT = '/etc/alt_disk_install/first_boot_script';

export interface ImageOptions {
  deviceReset: boolean;
  console: string | null;
  /** -x script on this machine. */
  firstBootScript: string | null;
}

export function applyImageOptions(ctx: CommandContext, imageId: string, o: ImageOptions): void {
  if (o.firstBootScript) {
    const dst = ctx.imagePath(imageId, FIRST_BOOT_SCRIPT);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(o.firstBootScript, dst);
    fs.chmodSync(dst, 0o755);
  }
  if (!o.deviceReset && !o.console && !o.firstBootScript) return;
  ctx.update((s) => {
    const img = s.images[imageId]!;
    if (o.deviceReset) {
      img.deviceReset = true;
      img.renumberOnBoot = true;
    }
    if (o.console) img.console = o.console;
    if (o.firstBootScript) img.firstBootScript = FIRST_BOOT_SCRIPT;
  });
}
