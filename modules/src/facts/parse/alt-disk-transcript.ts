// How far an alternate-disk command got, from the lines it printed as they came (§7.1 [V], §7.2):
// the restore of the copy prints nothing until it is done, so any line after its announcement
// means the copy is whole; phase 3 starts renaming with "Changing logical volume names" and the
// copy is a finished place holder once it has gone through "Fixing file system superblocks..." and
// the command ended (or printed "Bootlist is set"). The runtime keeps the stage of each command in
// the run record: what a later task reads when the command was killed before it could say more.

export type BuildStage = 'starting' | 'copying' | 'copied' | 'finishing' | 'finished';

const ORDER: BuildStage[] = ['starting', 'copying', 'copied', 'finishing', 'finished'];

/** a is at least as far as b. */
export function reached(a: BuildStage | undefined, b: BuildStage): boolean {
  return ORDER.indexOf(a ?? 'starting') >= ORDER.indexOf(b);
}

const COPY_STARTS = /^(Backing-up the rootvg files|Restoring mksysb image to alternate disk)/;
/** The second line of the clone's two-line announcement [U §7.2]. */
const COPY_CONTINUATION = /^alternate file system\.\.\.$/;
const RENAME_STARTS = /^Changing logical volume names in volume group descriptor area/;
const BOOTLIST_SET = /^Bootlist is set to the boot disk/;

/** The stage after one more line of the command's standard output. */
export function nextStage(stage: BuildStage, line: string): BuildStage {
  const l = line.trim();
  if (BOOTLIST_SET.test(l)) return 'finished';
  if (RENAME_STARTS.test(l)) return reached(stage, 'finishing') ? stage : 'finishing';
  if (COPY_STARTS.test(l)) return reached(stage, 'copying') ? stage : 'copying';
  if (stage === 'copying' && l !== '' && !COPY_CONTINUATION.test(l)) return 'copied';
  return stage;
}
