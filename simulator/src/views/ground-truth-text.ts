import type { ShowCopy, ShowJson } from './ground-truth.js';

// The readable form of `aixsim show` (without --json): the same ground truth, a line per fact.

function copyLine(c: ShowCopy): string {
  const where = `${c.name ?? '(no volume group)'} on ${c.disks.join(' ')}`;
  const boot = c.boot.ok ? 'boots' : `does not boot: ${c.boot.reason}`;
  const op = c.operation ? `; ${c.operation.command} (process ${c.operation.pid}) working on it` : '';
  const progress = c.build && c.build.step !== 'complete' ? ` [phase 1 reached ${c.build.step}; restored: ${c.build.restored.join(' ') || 'nothing'}]` : '';
  return `  ${where}: ${c.state} (${c.level}, ${c.origin})${progress}; ${boot}${op}`;
}

/** The readable form of `aixsim show` (without --json). */
export function showText(j: ShowJson): string[] {
  const nb = j.nextBoot;
  const next = nb.ok
    ? `${nb.disk} starts ${nb.startsRunningRootvg ? 'the running rootvg' : 'another rootvg'} (${nb.level})`
    : nb.disk === null
      ? `no bootable device (${nb.reason})`
      : `${nb.disk} fails: ${nb.reason}`;
  const out = [
    `host ${j.host} (profile ${j.profile}, ${j.level})${j.down ? `: DOWN, ${j.down.reason}` : ''}`,
    `next boot: ${next}; normal boot list: ${nb.bootlist.join(' ') || '(empty)'}`,
    `rootvg: ${j.rootvg.disks.join(' ')} (boot records on ${j.rootvg.bootDisks.join(' ') || 'none'}), digest ${j.rootvg.digest.slice(0, 16)}`,
  ];
  out.push(j.copies.length === 0 ? 'rootvg copies: none' : 'rootvg copies:', ...j.copies.map(copyLine));
  const foreign = j.disks.filter((d) => d.foreignVgda && !d.vgda?.rootvgCopy);
  for (const d of foreign) out.push(`  ${d.name}: a volume group the system does not know (VGDA ${d.vgda!.vgid}, LVs ${d.vgda!.lvs.join(' ') || 'none'})`);
  const gone = j.disks.filter((d) => !d.present).map((d) => d.name);
  if (gone.length > 0) out.push(`disks gone: ${gone.join(' ')}`);
  if (j.operation) out.push(`operation: ${[j.operation.command, ...j.operation.args].join(' ')} (process ${j.operation.pid}, ${j.operation.alive ? 'running' : 'dead, its claim left behind'})`);
  else out.push('operation: none');
  for (const f of j.faults) out.push(`fault armed: ${f.step}${f.disk ? ' ' + f.disk : ''} times=${f.remaining}${f.takenBy ? `, taken by ${f.takenBy}` : ''}`);
  return out;
}
