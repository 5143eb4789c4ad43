import type { AltdiskFacts, FactsDisk } from '../../../common/facts-answer.js';
import { paint, type Style } from './style.js';

// `altdisk facts`: one table per host, what an admin looks at before an alternate-disk install:
// disks (PVID, VG, size, state), rootvg, altinst_rootvg and old_rootvg, boot lists, levels, health.

const gb = (mb: number | null) => (mb === null ? '?' : `${(mb / 1024).toFixed(1)} GB`);

function diskState(d: FactsDisk, f: AltdiskFacts): string {
  const words: string[] = [];
  if (d.active) words.push('active');
  if (f.rootvg.boot_disks.includes(d.name) || f.altinst.boot_disk === d.name || f.old_rootvg?.boot_disk === d.name) words.push('boot image');
  const free = f.free_disks.find((x) => x.name === d.name);
  if (free) words.push(free.fits_rootvg ? 'free, fits rootvg' : 'free, too small for rootvg');
  if (d.rootvg_copy) words.push('holds a rootvg copy (lqueryvg)');
  if (f.boot_device === d.name) words.push('booted');
  return words.join(', ');
}

function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => (indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).trimEnd());
}

export function factsTable(host: string, f: AltdiskFacts, style: Style): string[] {
  const level = f.oslevel.sp ?? `${f.oslevel.base} (${f.oslevel.tl})`;
  const lines = [paint(style, 'bold', `${host}  AIX ${level}  booted from ${f.boot_device ?? '?'}`)];
  lines.push(...table([['DISK', 'PVID', 'VG', 'SIZE', 'STATE'], ...f.disks.map((d) => [d.name, d.pvid ?? 'none', d.vg ?? 'None', gb(d.size_mb), diskState(d, f)])]));
  const rv = f.rootvg;
  const copies = rv.copies === 1 ? '1 copy' : `${rv.copies} copies`;
  const bl = (list: AltdiskFacts['bootlist']['normal']) => list.map((e) => `${e.device ?? '-'}${e.attrs.blv ? ` (blv=${e.attrs.blv})` : ''}${e.present ? '' : ' (gone)'}`).join(' ') || '(empty)';
  const alt = f.altinst;
  const other = f.volume_groups.filter((v) => v.role === 'other').map((v) => `${v.name} (${v.disks.join(' ')}${v.active ? '' : ', varied off'})`);
  const rte = f.filesets['bos.alt_disk_install.rte'];
  const bi = f.filesets['bos.alt_disk_install.boot_images'];
  lines.push(
    ...table(
      [
        ['rootvg', `${rv.disks.join(' ')} (${copies}), PP ${rv.pp_size_mb} MB, ${rv.used_pps} of ${rv.total_pps} PPs used (${gb(rv.used_mb)} of ${gb(rv.size_mb)})`],
        ['altinst_rootvg', alt.state === 'none' ? 'none' : `${alt.state} on ${alt.disks.join(' ')}${alt.boot_disk ? `, boot image on ${alt.boot_disk}` : ''}${alt.mounted_at.length ? `, mounted at ${alt.mounted_at[0]}` : ''}${alt.made_by ? `, made by ${alt.made_by}` : ''}`],
        ['old_rootvg', f.old_rootvg ? `${f.old_rootvg.disks.join(' ')}${f.old_rootvg.boot_disk ? `, boot image on ${f.old_rootvg.boot_disk}` : ''}` : 'none'],
        ['other VGs', other.join(', ') || 'none'],
        ['boot list', `normal: ${bl(f.bootlist.normal)}   service: ${bl(f.bootlist.service)}`],
        ['levels', `oslevel ${f.oslevel.base}, TL ${f.oslevel.tl}${f.oslevel.sp ? `, SP ${f.oslevel.sp}` : ''}; bos.alt_disk_install.rte ${rte ?? 'not installed'}, boot_images ${bi ?? 'not installed'}`],
        ['health', f.health.length ? '' : 'no warnings'],
      ],
      '  ',
    ),
  );
  for (const h of f.health) lines.push(paint(style, 'magenta', `    [WARNING] ${h}`));
  return lines;
}
