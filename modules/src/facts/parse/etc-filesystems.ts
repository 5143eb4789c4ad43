import { outputLines } from './text.js';

// /etc/filesystems: stanzas "mount point:" followed by indented "attribute = value" lines,
// comments starting with "*". The system does not boot without the stanzas of its rootvg file
// systems (seed: exportvg of altinst_rootvg deletes them), so the facts check them.

export interface FilesystemStanza {
  /** The stanza name: the mount point ("/", "/usr", "/alt_inst/var"). */
  mountPoint: string;
  attrs: Record<string, string>;
}

export function parseEtcFilesystems(text: string): FilesystemStanza[] {
  const stanzas: FilesystemStanza[] = [];
  let current: FilesystemStanza | null = null;
  for (const line of outputLines(text)) {
    if (line.trim() === '' || line.trimStart().startsWith('*')) continue;
    const head = /^(\S[^=]*?):$/.exec(line);
    if (head) {
      current = { mountPoint: head[1]!, attrs: {} };
      stanzas.push(current);
      continue;
    }
    const attr = /^\s+([\w.]+)\s*=\s*(.*)$/.exec(line);
    if (attr && current) current.attrs[attr[1]!] = attr[2]!.trim();
  }
  return stanzas;
}
