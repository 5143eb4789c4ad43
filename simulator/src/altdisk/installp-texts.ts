import type { LppImage } from './lpp-source.js';

// installp's report as alt_disk_copy passes it through during phase 2. All [U]: reconstructed from
// memory of AIX installp output (section banners, SUCCESSES / FAILURES, Installation Summary table);
// replace with a real capture of `alt_disk_copy -b update_all -l <dir>`.

const BANNER = '+-----------------------------------------------------------------------------+';

function banner(title: string): string[] {
  const pad = Math.max(0, Math.floor((79 - title.length) / 2));
  return [BANNER, ' '.repeat(pad) + title, BANNER];
}

export const INSTALLP = {
  verification(selected: LppImage[], missing: string[], already: LppImage[]): string[] {
    const out = [...banner('Pre-installation Verification...'), 'Verifying selections...done', 'Verifying requisites...done', 'Results...', ''];
    if (selected.length > 0) {
      out.push(
        'SUCCESSES',
        '---------',
        '  Filesets listed in this section passed pre-installation verification',
        '  and will be installed.',
        '',
        '  Selected Filesets',
        '  -----------------',
        ...selected.map((s) => `  ${`${s.name} ${s.level}`.padEnd(44)}# ${s.description}`),
        '',
        '  << End of Success Section >>',
        '',
      );
    }
    if (already.length > 0) {
      out.push(
        'WARNINGS',
        '--------',
        '  Problems described in this section are not likely to be the source of any',
        '  immediate or serious failures, but further actions may be necessary or',
        '  desired.',
        '',
        '  Already Installed',
        '  -----------------',
        '  The following filesets which you selected are either already installed',
        '  or effectively installed through superseding filesets.',
        '',
        ...already.map((s) => `  ${`${s.name} ${s.level}`.padEnd(44)}# ${s.description}`),
        '',
        '  << End of Warning Section >>',
        '',
      );
    }
    if (missing.length > 0) {
      out.push(
        'FAILURES',
        '--------',
        '  Filesets listed in this section failed pre-installation verification',
        '  and will not be installed.',
        '',
        '  Missing Filesets',
        '  ----------------',
        '  The following filesets could not be found on the installation media.',
        '  If you feel these filesets really are on the media, check for typographic',
        '  errors in the name specified or, if installing from directory, check for',
        '  discrepancies between the Table of Contents file (.toc) and the images that',
        '  reside in the directory.',
        '',
        ...missing.map((m) => `    ${m}`),
        '',
        '  << End of Failure Section >>',
        '',
      );
    }
    return out;
  },
  nothingToUpdate: ['installp: There are no new updates on the media for the installed software.', ''],
  installingHeader: [...banner('Installing Software...'), ''],
  applying(s: LppImage): string[] {
    return ['installp: APPLYING software for:', `        ${s.name} ${s.level}`, ''];
  },
  summary(selected: LppImage[], commit: boolean): string[] {
    const row = (name: string, level: string, part: string, event: string) =>
      `${name.padEnd(28)}${level.padEnd(16)}${part.padEnd(12)}${event.padEnd(12)}SUCCESS`;
    const rows = selected.flatMap((s) => {
      const r = [row(s.name, s.level, 'USR', 'APPLY'), row(s.name, s.level, 'ROOT', 'APPLY')];
      if (commit) r.push(row(s.name, s.level, 'USR', 'COMMIT'), row(s.name, s.level, 'ROOT', 'COMMIT'));
      return r;
    });
    return [
      `Finished processing all filesets.  (Total time:  ${Math.max(1, Math.round(selected.length / 4))} mins ${(selected.length * 8) % 60} secs).`,
      '',
      ...banner('Summaries:'),
      '',
      'Installation Summary',
      '--------------------',
      'Name                        Level           Part        Event       Result',
      '-------------------------------------------------------------------------------',
      ...rows,
      '',
    ];
  },
  fixes(apars: string[]): string[] {
    return ['Installing fixes:', ...apars.map((a) => `    All filesets for ${a} were found.`), ''];
  },
} as const;
