// What the console shows while the simulated host boots, and why a boot stops. All [U]: a short
// reconstruction of an AIX console boot and LED codes from memory; replace with a real console log.

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function stamp(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

const RULE = '-------------------------------------------------------------------------------';

export const BOOT = {
  shutdown: (host: string): string[] => [`Shutting down ${host} . . .`, 'Rebooting . . .'],
  welcome: (o: { built: Date; now: Date; memoryMb: number; device: string; legacy: boolean }): string[] => [
    RULE,
    '                                Welcome to AIX.',
    `                   boot image timestamp: ${stamp(o.built)}`,
    `                 The current time and date: ${stamp(o.now)}`,
    `        processor count: 4;  memory size: ${o.memoryMb}MB;  kernel size: ${o.legacy ? 9437184 : 52012556}`,
    `boot device: ${o.device}`,
    RULE,
  ],
  /** Device configuration reset (-O) without -c: the first boot asks for a console. */
  consolePrompt: [
    '******* Please define the System Console. *******',
    '',
    'Type a 1 and press Enter to use this terminal as the system console.',
    '(aixsim: console defined as /dev/vty0)',
  ],
  renumbered: (pairs: string[]): string => `cfgmgr: disks configured afresh (${pairs.join(', ')})`,
  firstBootScript: (script: string): string => `Running the first boot script ${script}`,
  multiUser: (legacy: boolean, year: number): string[] => [
    'Saving Base Customize Data to boot disk',
    'Starting the sync daemon',
    'Starting the error daemon',
    'System initialization completed.',
    'Starting Multi-user Initialization',
    ' Performing auto-varyon of Volume Groups',
    ' Activating all paging spaces',
    ' Performing all automatic mounts',
    'Multi-user initialization completed',
    legacy ? 'AIX Version 4' : 'AIX Version 7',
    legacy ? '(C) Copyrights by IBM and by others 1982, 2000.' : `Copyright IBM Corporation, 1982, ${year}.`,
    'Console login:',
  ],
};

/** Why the boot stopped, as state.down.reason ([U] LED-style). */
export const DOWN = {
  noBootDevice: 'firmware: no bootable device in the normal boot list; the system stays in SMS (Select Boot Options)',
  notPutToSleep: (disk: string): string =>
    `LED 554: the boot device ${disk} cannot be used: its volume group still has alt_ logical volume names (phase 3 not run, or woken up and not put to sleep)`,
  noFilesystemStanza: (disk: string, mounts: string[]): string =>
    `LED 518: mount of ${mounts.join(', ')} failed while booting from ${disk}: /etc/filesystems has no stanza for it`,
  diskMissing: (disk: string, gone: string[]): string =>
    `LED 554: the boot device ${disk} cannot be used: its volume group cannot be varied on without ${gone.join(', ')}`,
  notRestored: (disk: string, mounts: string[]): string =>
    `LED 518: mount of ${mounts.join(', ')} failed while booting from ${disk}: phase 1 of the copy never created or restored ${mounts.length > 1 ? 'them' : 'it'}`,
  superblocksNotFixed: (disk: string): string =>
    `LED 518: mount of / failed while booting from ${disk}: the file systems still name the alt_ log device (phase 3 or put-to-sleep did not finish)`,
};
