import type { LogicalVolume } from '../state/types.js';

// /etc/filesystems in AIX stanza form. The simulator keeps it as a real file in each image's
// folder because the seed's exportvg hazard is about exactly this file: exportvg of a clone
// deletes the stanzas whose dev names match the clone's LVs, which are the running rootvg's names.

export interface Stanza {
  mount: string;
  attrs: [string, string][];
}

const ROOT_MOUNTS = new Set(['/', '/usr', '/var', '/tmp', '/home', '/opt', '/admin']);

export function stanzaFor(lv: LogicalVolume, logDev: string | null, prefix = ''): Stanza | null {
  if (!lv.mount || (lv.type !== 'jfs2' && lv.type !== 'jfs')) return null;
  const attrs: [string, string][] = [
    ['dev', `/dev/${lv.name}`],
    ['vfs', lv.type],
  ];
  if (logDev) attrs.push(['log', logDev]);
  attrs.push(['mount', ROOT_MOUNTS.has(lv.mount) || lv.mount.startsWith('/var/') ? 'automatic' : 'true']);
  attrs.push(['check', ROOT_MOUNTS.has(lv.mount) && lv.mount !== '/home' ? 'false' : 'true']);
  if (lv.mount === '/') attrs.push(['type', 'bootfs'], ['vol', 'root']);
  else if (lv.mount === '/usr') attrs.push(['type', 'bootfs'], ['vol', '/usr']);
  else if (lv.mount === '/var') attrs.push(['type', 'bootfs'], ['vol', '/var']);
  else attrs.push(['vol', lv.mount]);
  attrs.push(['free', 'false']);
  if (lv.type === 'jfs2') attrs.push(['quota', 'no']);
  return { mount: prefix + lv.mount, attrs };
}

export function systemStanzas(): Stanza[] {
  return [
    { mount: '/proc', attrs: [['dev', '/proc'], ['vol', '/proc'], ['mount', 'true'], ['check', 'false'], ['free', 'false'], ['vfs', 'procfs']] },
  ];
}

export function renderFilesystems(stanzas: Stanza[]): string {
  const header = [
    '* @(#)filesystems @(#)29\t1.22  src/bos/etc/filesystems/filesystems, cmdfs, bos730',
    '*',
    '* This version of /etc/filesystems assumes that only the root file system',
    '* is created and ready. As new file systems are added, change the check,',
    '* mount, free, log, vol and vfs entries for the appropriate stanza.',
    '*',
    '',
  ];
  const body = stanzas.flatMap((s) => [`${s.mount}:`, ...s.attrs.map(([k, v]) => `\t${k.padEnd(15)}= ${v}`), '']);
  return [...header, ...body].join('\n');
}

export function parseFilesystems(text: string): Stanza[] {
  const out: Stanza[] = [];
  let current: Stanza | null = null;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('*') || raw.trim() === '') continue;
    const head = /^(\S.*):\s*$/.exec(raw);
    if (head) {
      current = { mount: head[1]!, attrs: [] };
      out.push(current);
      continue;
    }
    const kv = /^\s+(\S+)\s*=\s*(.*)$/.exec(raw);
    if (kv && current) current.attrs.push([kv[1]!, kv[2]!.trim()]);
  }
  return out;
}

export function stanzaAttr(s: Stanza, key: string): string | undefined {
  return s.attrs.find(([k]) => k === key)?.[1];
}

/** Mount points a system cannot boot without, and the LV that must back each. */
export const BOOT_CRITICAL: [string, string][] = [
  ['/', '/dev/hd4'],
  ['/usr', '/dev/hd2'],
  ['/var', '/dev/hd9var'],
];
