import type { DiskFacts, HostFacts } from '../facts/types.js';
import { isCloneCandidate, rootvgSizeNeed } from '../facts/size.js';
import { bootlistResult } from './bootlist.js';

// ansible_facts.altdisk: the facts in Ansible's snake_case, shaped for playbook expressions
// (free_disks sorted by size, so `first` is the smallest).

export function exportFacts(f: HostFacts, health: string[]): Record<string, unknown> {
  const need = rootvgSizeNeed(f.rootvg);
  const exported = (d: DiskFacts) => ({ name: d.name, pvid: d.pvid, vg: d.vg, active: d.active, size_mb: d.sizeMb, free: d.free, bootable: d.bootable, rootvg_copy: d.rootvgCopy, available: d.unavailable === null, exported_vg: d.exportedVg ? { lvs: d.exportedVg.lvs } : null });
  const disks = f.disks.map(exported);
  const free = f.disks
    .filter(isCloneCandidate)
    .map(exported)
    .sort((a, b) => (a.size_mb ?? 0) - (b.size_mb ?? 0) || a.name.localeCompare(b.name, 'en', { numeric: true }))
    .map((d) => ({ ...d, fits_rootvg: d.size_mb !== null && d.size_mb >= need.usedMb }));
  return {
    generation: f.generation,
    oslevel: { base: f.oslevel.base, tl: f.oslevel.tl, sp: f.oslevel.sp },
    disks,
    free_disks: free,
    volume_groups: f.volumeGroups.map((v) => ({ name: v.name, role: v.role, active: v.active, disks: v.disks })),
    rootvg: {
      disks: f.rootvg.disks,
      boot_disks: f.rootvg.bootDisks,
      pp_size_mb: f.rootvg.ppSizeMb,
      total_pps: f.rootvg.totalPps,
      used_pps: f.rootvg.usedPps,
      free_pps: f.rootvg.freePps,
      copies: f.rootvg.copies,
      size_mb: need.totalMb,
      used_mb: need.usedMb,
      lvs: f.rootvg.lvs.map((l) => ({ name: l.name, type: l.type, lps: l.lps, pps: l.pps, state: l.state, mount: l.mount })),
    },
    altinst: {
      state: f.altRootvg.state,
      disks: f.altRootvg.disks,
      boot_disk: f.altRootvg.bootDisk,
      mounted_at: f.altRootvg.mountedAt,
      varied_on: f.altRootvg.variedOn,
      problem: f.altRootvg.problem,
      made_by: f.altRootvg.decidedBy?.commandLine ?? null,
    },
    operations: f.operations.map((o) => ({ pid: o.pid, command: o.command, by: o.by })),
    old_rootvg: f.oldRootvg ? { disks: f.oldRootvg.disks, boot_disk: f.oldRootvg.bootDisk } : null,
    bootlist: bootlistResult(f),
    filesets: { 'bos.alt_disk_install.rte': f.altDiskFilesets.rte, 'bos.alt_disk_install.boot_images': f.altDiskFilesets.bootImages },
    boot_device: f.bootDevice,
    etc_filesystems: { present: f.etcFilesystems.present, missing: f.etcFilesystems.missing.map((m) => ({ mount_point: m.mountPoint, device: m.device })) },
    health,
  };
}
