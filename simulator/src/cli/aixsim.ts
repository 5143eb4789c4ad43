import { SUBCOMMANDS } from './subcommands.js';

// `aixsim <subcommand>`: manage simulated hosts (the simulated AIX commands themselves live in
// <host>/bin and are reached through PATH).

export const HELP = `aixsim: a simulated AIX host for altdisk

usage:
  aixsim init <dir> [--profile aix73|aix72|aix71|aix53|aix43|<file.json>] [--speed instant|demo|realistic|<n>]
                    [--level 7300-03-01-2420] [--hostname NAME] [--mirrored] [--disk NAME:SIZE_MB[:none]]...
                    [--no-fileset rte|boot_images] [--rte-level V.R.M.F] [--boot-images-level V.R.M.F] [--force]
  aixsim init <dir> --from-facts <facts.json> [--hostname NAME] [--force]
                    a twin of a real host, from the answer of the altdisk facts module
  aixsim reboot <dir> [--from hdiskN]        boot from the first bootable disk of the normal bootlist
  aixsim fault <dir> <step> [hdiskN] [--times N] [--during alt_disk_copy] | --list | --clear
                    steps: phase1-space, phase2-script, bootlist, disk-gone (now, or --during the next restore),
                           crash-between-phases, bosboot
  aixsim show <dir> [--json]                 the ground truth: what the next reboot starts, rootvg, every
                                             rootvg copy and its true state, the disks, what runs now
  aixsim mksysb <dir> <file> [--level 7300-02-01-2346]   write a mksysb image of the running system
  aixsim lppsource <dir> <folder> --level 7300-03-01-2420  write an installp image folder (for -l)
  aixsim path <dir> <aix-path>               where an AIX file of the running system lives on this machine
  aixsim calls <dir>                          the call log (one JSON object per simulated command)

Use a host from a shell with PATH=<dir>/bin:$PATH, and from the altdisk modules with ALTDISK_SIM_HOST=<dir>.

Failing like AIX: a command whose output reader goes away dies of SIGPIPE at its next line; a killed
command (or a reboot, which ends every command of the host) leaves what it had written: phase 1 saves
each step, so a half-made altinst_rootvg does not boot. <dir>/bin/ps lists the commands running on <dir>.

Faults: an armed fault belongs to the next operation that can reach its step (install commands by the
phases they run: 1 = phase1-space, disk-gone, crash-between-phases; 2 = phase2-script; 3 = bosboot,
bootlist; alt_rootvg_op -C = phase2-script, -S -t = bosboot; the bootlist command setting a list; the
bosboot command). It fires there, or is cleared when that operation ends or dies without reaching it.

aixsim show --json (schema 1; fields are only ever added):
  { schema, host, profile, generation: "modern"|"legacy", level, down: null | { reason, since },
    nextBoot: { bootlist: [hdisk], disk: hdisk|null, vgid, ok, led: "554"|"518"|null,
                noBootableDevice, reason, startsRunningRootvg, level },
    rootvg: { vgid, disks, bootDisks, level, digest },      digest: equal = rootvg untouched
    copies: [ { vgid, name: ODM name|null, disks, bootDisk, state, level, origin, wasSystemRootvg, lvs,
                build: null | { command, pid, start, step: "mkvg"|"mklv"|"crfs"|"restore"|"complete",
                                filesystems, created, restored },
                odm: null | { name, active, lvsInOdm, phase: 1|3|null, awake },
                boot: { ok, led, reason },                  what booting it would do
                operation: null | <operation> } ],
        state: phase1-in-progress, phase1-broken, phase1-mounted, phase1-varied-off, phase3-in-progress,
               phase3-broken, complete, awake, old-rootvg, removed (VGDA on disk, no volume group)
    disks: [ { name, id, pvid, sizeMb, present, bootRecord, vgda: null | { vgid, lvs, rootvgCopy },
               odmVg, foreignVgda } ],
    operation: null | { command, args, pid, since, alive },   the alt-disk claim (alive: false = killed)
    processes: [ { pid, ppid, command, args, since } ],
    faults: [ { step, disk, remaining, during, takenBy } ] }`;

export async function runAixsim(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '-h' || sub === '--help' || sub === 'help') {
    (sub ? process.stdout : process.stderr).write(HELP + '\n');
    return sub ? 0 : 2;
  }
  const impl = SUBCOMMANDS[sub];
  if (!impl) {
    process.stderr.write(`aixsim: unknown subcommand "${sub}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await impl(rest);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}
