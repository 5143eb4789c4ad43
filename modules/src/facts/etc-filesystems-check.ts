import { parseEtcFilesystems } from './parse/etc-filesystems.js';
import type { LvRow } from './parse/lsvg.js';
import type { EtcFilesystemsFacts } from './types.js';

// The seed's warning: exportvg of altinst_rootvg deletes the /etc/filesystems stanzas of the
// running rootvg (the clone's LVs carry the same names), and "the system will not reboot without
// a correct /etc/filesystems file". Which mount points to expect comes from rootvg itself, so a
// 4.3 rootvg without hd10opt is not reported for a missing /opt.

export const ROOTVG_FILE_SYSTEMS: readonly (readonly [mountPoint: string, lv: string])[] = [
  ['/', 'hd4'],
  ['/usr', 'hd2'],
  ['/var', 'hd9var'],
  ['/tmp', 'hd3'],
  ['/home', 'hd1'],
  ['/opt', 'hd10opt'],
];

/** `text` is /etc/filesystems (null: could not be read); `rootvgLvs` from `lsvg -l rootvg`. */
export function checkEtcFilesystems(text: string | null, rootvgLvs: LvRow[]): EtcFilesystemsFacts {
  const inRootvg = new Set(rootvgLvs.map((lv) => lv.name));
  const expected = ROOTVG_FILE_SYSTEMS.filter(([, lv]) => inRootvg.has(lv));
  const stanzas = text === null ? [] : parseEtcFilesystems(text);
  const missing = expected
    .filter(([mountPoint, lv]) => !stanzas.some((s) => s.mountPoint === mountPoint && s.attrs.dev === `/dev/${lv}`))
    .map(([mountPoint, lv]) => ({ mountPoint, device: `/dev/${lv}` }));
  return { present: text !== null, checked: expected.map(([m]) => m), missing };
}
