// Absolute paths of the AIX commands the modules run. Modules never rely on PATH: an Ansible
// connection's PATH on AIX often lacks /usr/sbin, and IBM's own module failed that way
// (ansible-power-aix issue #420, peer report §3.2/§10). Paths marked [U] are from memory of AIX
// 7.x and must be checked on a real system (`ls -l <path>`); everything else is named with its
// path by a source in the reference (§2, §8, §13, §18, §23) or by the brief.

export const AIX_COMMAND_PATHS = {
  // LVM queries and helpers
  lspv: '/usr/sbin/lspv',
  lsvg: '/usr/sbin/lsvg',
  lslv: '/usr/sbin/lslv',
  getlvodm: '/usr/sbin/getlvodm', // [V] §8: "0516-320 /usr/sbin/getlvodm: ..."
  chpv: '/usr/sbin/chpv', // [V] §23 (IBM module)
  exportvg: '/usr/sbin/exportvg', // [U]
  varyonvg: '/usr/sbin/varyonvg', // [U]
  varyoffvg: '/usr/sbin/varyoffvg', // [U]
  reducevg: '/usr/sbin/reducevg', // [U]
  lqueryvg: '/usr/sbin/lqueryvg', // [U]
  // boot and system information
  bootlist: '/usr/bin/bootlist',
  bootinfo: '/usr/sbin/bootinfo', // [V] §13
  bosboot: '/usr/sbin/bosboot', // [U]
  getconf: '/usr/bin/getconf',
  oslevel: '/usr/bin/oslevel',
  lslpp: '/usr/bin/lslpp',
  lsdev: '/usr/sbin/lsdev', // [U]
  lsattr: '/usr/sbin/lsattr', // [U]
  ps: '/usr/bin/ps',
  mount: '/usr/sbin/mount', // [U] (/etc/mount is a link to it)
  lsfs: '/usr/sbin/lsfs', // [U]
  df: '/usr/bin/df', // [U]
  shutdown: '/usr/sbin/shutdown', // [U]
  installp: '/usr/sbin/installp', // [U]
  // backups and the alternate-disk tool set
  mksysb: '/usr/bin/mksysb', // peer §5 runs /bin/mksysb; /bin is a link to /usr/bin on AIX
  lsmksysb: '/usr/bin/lsmksysb', // peer §5 runs /bin/lsmksysb
  alt_disk_copy: '/usr/sbin/alt_disk_copy', // [V] §9, issue #409 process listing
  alt_disk_mksysb: '/usr/sbin/alt_disk_mksysb', // [V] peer §2
  alt_rootvg_op: '/usr/sbin/alt_rootvg_op', // [V] §23 (IBM module)
  alt_disk_install: '/usr/sbin/alt_disk_install', // [V] seed (files section)
  nimadm: '/usr/sbin/nimadm', // [V] peer §2
} as const;

export type AixCommandName = keyof typeof AIX_COMMAND_PATHS;

/** The argv to run an AIX command by its absolute path: aixCommand('lsvg', '-l', 'rootvg'). */
export function aixCommand(name: AixCommandName, ...args: string[]): string[] {
  return [AIX_COMMAND_PATHS[name], ...args];
}

/** The command name of an argv planned with aixCommand (for messages): "/usr/sbin/lsvg" -> "lsvg". */
export function commandName(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}
