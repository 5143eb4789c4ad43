import { parseLabelledPairs, leadingInt } from './pairs.js';
import { parseLsvgLBlocks, type LvRow } from './lsvg.js';
import { AixParseError, hasMessage, joinMessage, outputLines, type CommandOutput } from './text.js';
import { parseOslevel } from './oslevel.js';

// `lsmksysb -l -f <file>`: a header of "LABEL: value" lines, then the lsvg -l table of the image's
// rootvg. The header labels are [U] (recollection of AIX 6.1/7.x output):
//   VOLUME GROUP:           rootvg
//   BACKUP DATE/TIME:       Mon Jun  6 04:00:06 MST 2011
//   UNAME INFO:             AIX test1 1 6 0008CB1A4C00
//   BACKUP OSLEVEL:         6.1.6.0
//   MAINTENANCE LEVEL:      6100-06
//   BACKUP SIZE (MB):       49920
//   SHRINK SIZE (MB):       17377
//   VG DATA ONLY:           no
// A file that is not a backup answers with 0512-054 on stdout (peer §5: IBM's module reads it there).

export type LsmksysbAnswer =
  | { image: false; /** The 0512-054 message. */ message: string }
  | {
      image: true;
      volumeGroup: string | null;
      /** BACKUP OSLEVEL as printed (V.R.M.F, or the oslevel -s form on levels that print it). */
      oslevel: string | null;
      /** MAINTENANCE LEVEL ("6100-06"), or the TL part of an oslevel -s form. */
      maintenanceLevel: string | null;
      /** oslevel -s form when the image states one. */
      servicePack: string | null;
      backupSizeMb: number | null;
      lvs: LvRow[];
      fields: Map<string, string | null>;
    };

export function parseLsmksysb(out: CommandOutput): LsmksysbAnswer {
  const all = `${out.stdout}\n${out.stderr}`;
  if (hasMessage(all, '0512-054')) {
    const line = outputLines(all).find((l) => l.includes('0512-054')) ?? '';
    return { image: false, message: joinMessage(line) };
  }
  const lines = outputLines(out.stdout);
  const tableAt = lines.findIndex((l) => /^\S+:$/.test(l));
  const headText = (tableAt < 0 ? lines : lines.slice(0, tableAt)).join('\n');
  const { fields } = parseLabelledPairs(headText, []);
  if (out.rc !== 0 || fields.size === 0) {
    throw new AixParseError('lsmksysb', joinMessage(all) || `no image description in the output (exit code ${out.rc})`, all);
  }
  const oslevel = fields.get('BACKUP OSLEVEL') ?? null;
  let maintenanceLevel = fields.get('MAINTENANCE LEVEL') ?? null;
  let servicePack: string | null = null;
  if (oslevel) {
    try {
      const parsed = parseOslevel(oslevel);
      if (parsed.form === 'sp') servicePack = parsed.sp;
      if (parsed.form !== 'base' && maintenanceLevel === null) maintenanceLevel = parsed.tl;
    } catch {
      // an unfamiliar level format stays as printed
    }
  }
  const lvs = tableAt < 0 ? [] : parseLsvgLBlocks(lines.slice(tableAt).join('\n')).flatMap((b) => b.lvs);
  return {
    image: true,
    volumeGroup: fields.get('VOLUME GROUP') ?? null,
    oslevel,
    maintenanceLevel,
    servicePack,
    backupSizeMb: leadingInt(fields.get('BACKUP SIZE (MB)')),
    lvs,
    fields,
  };
}
