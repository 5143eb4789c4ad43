import { contentLines } from './text.js';

// `mount` without arguments: the AIX mount table (layout as in the real samples of IBM's
// ansible-power-aix tests, sample_mount_output1/2):
//     node       mounted        mounted over    vfs       date        options
//   -------- ---------------  ---------------  ------ ------------ ---------------
//            /dev/hd4         /                jfs2   Nov 07 19:11 rw,log=/dev/hd8
//            /dev/livedump    /var/adm/ras/livedump jfs2   Nov 07 19:11 rw,log=/dev/hd8
//   nfssrv   /export/data     /data            nfs3   Nov 07 19:20 rw,bg,hard
// Columns overflow (long mount points, "host:/path" in the mounted column), so lines are read
// as blank-separated words; a local file system leaves the node column blank.

export interface MountEntry {
  /** Remote node for NFS mounts, null for local file systems. */
  node: string | null;
  /** "/dev/hd4", "/proc", "/export/data" */
  device: string;
  mountPoint: string;
  vfs: string;
  /** As printed: "Nov 07 19:11". */
  date: string;
  options: string[];
}

const MONTH = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/;

export function parseMount(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of contentLines(text)) {
    if (/\bmounted over\b/.test(line) || /^[\s-]+$/.test(line)) continue;
    const words = line.trim().split(/\s+/);
    const local = /^\s/.test(line);
    // A table that lost its leading blanks (copied from a web page) still has the date at word 3.
    const hasNode = !local && words.length >= 7 && MONTH.test(words[4] ?? '');
    const node = hasNode ? words.shift()! : null;
    const [device, mountPoint, vfs, ...tail] = words;
    if (!device || !mountPoint || !vfs) continue;
    const dateWords = MONTH.test(tail[0] ?? '') ? tail.splice(0, 3) : [];
    out.push({ node, device, mountPoint, vfs, date: dateWords.join(' '), options: tail.length > 0 ? tail.join(' ').split(',') : [] });
  }
  return out;
}

/** Entries mounted at or below a directory ("/alt_inst": /alt_inst, /alt_inst/usr, ...). */
export function mountedUnder(entries: MountEntry[], dir: string): MountEntry[] {
  return entries.filter((e) => e.mountPoint === dir || e.mountPoint.startsWith(dir.endsWith('/') ? dir : `${dir}/`));
}
