// The answer of the facts module as it travels (ansible_facts.altdisk, snake_case): what
// modules/src/plan/facts-result.ts exports from HostFacts (modules/src/facts/types.ts). Read by
// the runner (state after an interrupt), the CLI (`altdisk facts`) and the simulator (twins).

export interface FactsDisk {
  name: string;
  pvid: string | null;
  vg: string | null;
  active: boolean;
  size_mb: number | null;
  free: boolean;
  bootable: boolean;
  rootvg_copy: boolean;
  fits_rootvg?: boolean;
}

export interface FactsLv {
  name: string;
  type: string;
  lps: number;
  pps: number;
  state: string;
  mount: string | null;
}

export interface FactsBootlistEntry {
  device: string | null;
  attrs: Record<string, string>;
  present: boolean;
}

export interface AltdiskFacts {
  generation: 'legacy' | 'modern';
  oslevel: { base: string; tl: string; sp: string | null };
  disks: FactsDisk[];
  free_disks: FactsDisk[];
  volume_groups: { name: string; role: string; active: boolean; disks: string[]; vgid?: string | null }[];
  rootvg: {
    disks: string[];
    boot_disks: string[];
    pp_size_mb: number;
    total_pps: number;
    used_pps: number;
    free_pps: number;
    copies: number;
    size_mb: number;
    used_mb: number;
    lvs: FactsLv[];
  };
  altinst: { state: string; disks: string[]; boot_disk: string | null; mounted_at: string[]; made_by: string | null };
  old_rootvg: { disks: string[]; boot_disk: string | null } | null;
  bootlist: { normal: FactsBootlistEntry[]; service: FactsBootlistEntry[] };
  filesets: Record<string, string | null>;
  boot_device: string | null;
  etc_filesystems: { present: boolean; missing: { mount_point: string; device: string }[] };
  health: string[];
}

/** ansible_facts.altdisk of a facts answer (or the facts themselves), when it has that shape. */
export function altdiskFactsOf(doc: unknown): AltdiskFacts | null {
  if (doc === null || typeof doc !== 'object') return null;
  const d = doc as Record<string, unknown>;
  const inner = (d.ansible_facts as Record<string, unknown> | undefined)?.altdisk ?? d;
  if (inner === null || typeof inner !== 'object') return null;
  const f = inner as Record<string, unknown>;
  if (!Array.isArray(f.disks) || typeof f.rootvg !== 'object' || typeof f.oslevel !== 'object' || typeof f.altinst !== 'object') return null;
  return inner as AltdiskFacts;
}
