// bos.alt_disk_install.boot_images ships prebuilt boot images that alt_disk_mksysb copies to the
// new boot logical volume. On AIX 4.3 their names are <platform>_<V.R.M>_boot (the seed's -p/-L
// flags build that name, e.g. rspc_4.3.0_boot); later levels ship bosboot.disk.chrp.

export const BOOT_IMAGES_DIR = 'usr/lpp/bos.alt_disk_install/boot_images';

export function legacyBootImageName(platform: string, vrm: string): string {
  return `${platform}_${vrm}_boot`;
}

export function bootImageFiles(fsDir: string, filesetLevel: string, legacy: boolean): Record<string, string> {
  const vrm = filesetLevel.split('.').slice(0, 3).join('.');
  const body = (name: string) => `aixsim boot image ${name} from bos.alt_disk_install.boot_images ${filesetLevel}\n`;
  if (!legacy) return { [`${fsDir}/${BOOT_IMAGES_DIR}/bosboot.disk.chrp`]: body('bosboot.disk.chrp') };
  const out: Record<string, string> = {};
  for (const platform of ['chrp', 'rspc', 'rs6k']) {
    const name = legacyBootImageName(platform, vrm);
    out[`${fsDir}/${BOOT_IMAGES_DIR}/${name}`] = body(name);
  }
  return out;
}
