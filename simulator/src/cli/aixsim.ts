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
  aixsim mksysb <dir> <file> [--level 7300-02-01-2346]   write a mksysb image of the running system
  aixsim lppsource <dir> <folder> --level 7300-03-01-2420  write an installp image folder (for -l)
  aixsim path <dir> <aix-path>               where an AIX file of the running system lives on this machine
  aixsim calls <dir>                          the call log (one JSON object per simulated command)

Use a host from a shell with PATH=<dir>/bin:$PATH, and from the altdisk modules with ALTDISK_SIM_HOST=<dir>.`;

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
