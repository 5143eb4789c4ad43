// Where each simulated command lives on AIX: what ps shows for it. [V] /usr/sbin/alt_disk_copy run by
// /usr/bin/ksh (a real process listing, peer report §7, IBM/ansible-power-aix #409) and
// /usr/sbin/getlvodm (§8); the others [U] (AIX 7.x from memory, as the modules' own table).

export const AIX_PATHS: Readonly<Record<string, string>> = {
  lspv: '/usr/sbin/lspv',
  lsvg: '/usr/sbin/lsvg',
  lslv: '/usr/sbin/lslv',
  getlvodm: '/usr/sbin/getlvodm',
  getconf: '/usr/bin/getconf',
  bootinfo: '/usr/sbin/bootinfo',
  bootlist: '/usr/bin/bootlist',
  oslevel: '/usr/bin/oslevel',
  lslpp: '/usr/bin/lslpp',
  lsdev: '/usr/sbin/lsdev',
  lsattr: '/usr/sbin/lsattr',
  mount: '/usr/sbin/mount',
  chpv: '/usr/sbin/chpv',
  exportvg: '/usr/sbin/exportvg',
  varyonvg: '/usr/sbin/varyonvg',
  varyoffvg: '/usr/sbin/varyoffvg',
  reducevg: '/usr/sbin/reducevg',
  bosboot: '/usr/sbin/bosboot',
  lqueryvg: '/usr/sbin/lqueryvg',
  ps: '/usr/bin/ps',
  alt_disk_copy: '/usr/sbin/alt_disk_copy',
  alt_disk_mksysb: '/usr/sbin/alt_disk_mksysb',
  alt_rootvg_op: '/usr/sbin/alt_rootvg_op',
  alt_disk_install: '/usr/sbin/alt_disk_install',
  lsmksysb: '/usr/bin/lsmksysb',
};

/** Commands that are ksh scripts on AIX: ps shows the shell running them [V for alt_disk_copy; U for the others]. */
export const KSH_SCRIPTS: ReadonlySet<string> = new Set(['alt_disk_copy', 'alt_disk_mksysb', 'alt_rootvg_op', 'alt_disk_install']);

/** The argument list ps shows for a simulated command: `/usr/bin/ksh /usr/sbin/alt_disk_copy -d hdisk1`. */
export function processArgs(command: string, args: string[]): string[] {
  const file = AIX_PATHS[command] ?? command;
  return KSH_SCRIPTS.has(command) ? ['/usr/bin/ksh', file, ...args] : [file, ...args];
}
