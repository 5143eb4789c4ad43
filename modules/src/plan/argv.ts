import { aixCommand } from '../aix/commands.js';

// The argv of the alternate-disk commands, built in the order of their documented syntax
// (reference §2.1, §3.1, §4.1). Values are never joined into a shell string: a target list is one
// argv element "hdisk1 hdisk2", as IBM's own automation passes it (reference §3.3).

export interface AltDiskFlags {
  targets: string[];
  source?: string;
  imageData?: string;
  script?: string;
  resolvConf?: string;
  excludeList?: string;
  bundle?: string;
  fixBundle?: string;
  fixes?: string[];
  filesets?: string[];
  installpFlags?: string;
  imagesLocation?: string;
  remainNimClient?: boolean;
  /** Omitted when 'all' (the AIX default). */
  phase?: string;
  console?: string;
  firstBootScript?: string;
  debug?: boolean;
  noBootlist?: boolean;
  deviceReset?: boolean;
  verbose?: boolean;
  skipBootableCheck?: boolean;
  reboot?: boolean;
  convertJfs?: boolean;
  skipSpaceCheck?: boolean;
  platform?: string;
  mksysbLevel?: string;
  kernel64?: boolean;
  keepDevices?: boolean;
  importVg?: boolean;
  noImport?: boolean;
}

/** The phase-2 options as the modules name them (clone, mksysb_install and phase share them). */
export interface Phase2Options {
  script?: string;
  resolv_conf?: string;
  remain_nim_client?: boolean;
  bundle?: string;
  fix_bundle?: string;
  fixes?: string[];
  filesets?: string[];
  installp_flags?: string;
  images_location?: string;
}

export function phase2Flags(p: Phase2Options): Partial<AltDiskFlags> {
  return {
    script: p.script,
    resolvConf: p.resolv_conf,
    remainNimClient: p.remain_nim_client,
    bundle: p.bundle,
    fixBundle: p.fix_bundle,
    fixes: p.fixes,
    filesets: p.filesets,
    installpFlags: p.installp_flags,
    imagesLocation: p.images_location,
  };
}

type Step = [flag: string, value: string | string[] | boolean | undefined];

function emit(steps: Step[]): string[] {
  const out: string[] = [];
  for (const [flag, v] of steps) {
    if (v === undefined || v === false) continue;
    if (v === true) out.push(flag);
    else out.push(flag, Array.isArray(v) ? v.join(' ') : v);
  }
  return out;
}

const phaseOf = (f: AltDiskFlags) => (f.phase && f.phase !== 'all' ? f.phase : undefined);

/** alt_disk_copy -d targetdisks [-i] [-s] [-b] [-I] [-l] [-f] [-F] [-e] [-w] [-n] [-P] [-c] [-x] [-R] [-DBOVgrTS] */
export function altDiskCopyArgv(f: AltDiskFlags): string[] {
  return aixCommand(
    'alt_disk_copy',
    ...emit([
      ['-d', f.targets],
      ['-i', f.imageData],
      ['-s', f.script],
      ['-b', f.bundle],
      ['-I', f.installpFlags],
      ['-l', f.imagesLocation],
      ['-f', f.fixBundle],
      ['-F', f.fixes],
      ['-e', f.excludeList],
      ['-w', f.filesets],
      ['-n', f.remainNimClient],
      ['-P', phaseOf(f)],
      ['-c', f.console],
      ['-x', f.firstBootScript],
      ['-R', f.resolvConf],
      ['-D', f.debug],
      ['-B', f.noBootlist],
      ['-O', f.deviceReset],
      ['-V', f.verbose],
      ['-g', f.skipBootableCheck],
      ['-r', f.reboot],
      ['-T', f.convertJfs],
      ['-S', f.skipSpaceCheck],
    ]),
  );
}

/** alt_disk_mksysb -m device -d target_disks [-i] [-s] [-R] [-p] [-L] [-n] [-P] [-c] [-K] [-DBOVgkryzTS] */
export function altDiskMksysbArgv(f: AltDiskFlags): string[] {
  return aixCommand(
    'alt_disk_mksysb',
    ...emit([
      ['-m', f.source],
      ['-d', f.targets],
      ['-i', f.imageData],
      ['-s', f.script],
      ['-R', f.resolvConf],
      ['-p', f.platform],
      ['-L', f.mksysbLevel],
      ['-n', f.remainNimClient],
      ['-P', phaseOf(f)],
      ['-c', f.console],
      ['-K', f.kernel64],
      ['-D', f.debug],
      ['-B', f.noBootlist],
      ['-O', f.deviceReset],
      ['-V', f.verbose],
      ['-g', f.skipBootableCheck],
      ['-k', f.keepDevices],
      ['-r', f.reboot],
      ['-y', f.importVg],
      ['-z', f.noImport],
      ['-T', f.convertJfs],
      ['-S', f.skipSpaceCheck],
    ]),
  );
}

/**
 * The seed's syntax: alt_disk_install -d device || -C [-i] [-s] [-R] [-D] [-B] [-V] [-r] [-p] [-L] [-b] [-I] [-l]
 * [-f] [-F] [-e] [-w] [-n] [-P] target_disks...  (targets positional, last).
 */
export function altDiskInstallArgv(kind: 'clone' | 'mksysb', f: AltDiskFlags): string[] {
  return aixCommand(
    'alt_disk_install',
    ...emit([
      ['-C', kind === 'clone'],
      ['-d', kind === 'mksysb' ? f.source : undefined],
      ['-i', f.imageData],
      ['-s', f.script],
      ['-R', f.resolvConf],
      ['-D', f.debug],
      ['-B', f.noBootlist],
      ['-V', f.verbose],
      ['-r', f.reboot],
      ['-p', f.platform],
      ['-L', f.mksysbLevel],
      ['-b', f.bundle],
      ['-I', f.installpFlags],
      ['-l', f.imagesLocation],
      ['-f', f.fixBundle],
      ['-F', f.fixes],
      ['-e', f.excludeList],
      ['-w', f.filesets],
      ['-n', f.remainNimClient],
      ['-P', phaseOf(f)],
    ]),
    ...f.targets,
  );
}
