// What values look like. Every name or path that ends up in an AIX argv is checked against one of
// these before any command runs: the alt_disk commands are ksh scripts that pass values on to other
// commands, so we accept only what an AIX name or path really contains.

export type ValueFormat =
  | 'disk'
  | 'vg'
  | 'abspath'
  | 'device_or_path'
  | 'bundle'
  | 'fileset'
  | 'fix'
  | 'installp_flags'
  | 'vrm'
  | 'platform'
  | 'console'
  | 'bootlist_device'
  | 'attr_value';

export interface FormatDef {
  pattern: string;
  maxLength: number;
  /** How the accepted values are described in messages and docs. */
  describe: string;
  /** The same, for a list of them. */
  many: string;
}

const PATH_CHARS = "A-Za-z0-9._+,@%=:/-";

export const FORMATS: Record<ValueFormat, FormatDef> = {
  disk: { pattern: '^hdisk(power)?[0-9]{1,5}$', maxLength: 15, describe: 'a disk name such as hdisk1', many: 'disk names such as hdisk1' },
  vg: {
    pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,14}$',
    maxLength: 15,
    describe: 'a volume group name (a letter, then up to 14 letters, digits, "_", "-" or ".")',
    many: 'volume group names',
  },
  abspath: {
    pattern: `^/[${PATH_CHARS}]{0,1022}$`,
    maxLength: 1023,
    describe: 'a full path name such as /home/myscript (letters, digits and ._+,@%=:/- only)',
    many: 'full path names',
  },
  device_or_path: {
    pattern: `^/[${PATH_CHARS}]{0,1022}$`,
    maxLength: 1023,
    describe: 'a device such as /dev/rmt0 or a full path name (letters, digits and ._+,@%=:/- only)',
    many: 'devices or full path names',
  },
  bundle: {
    pattern: `^(update_all|/[${PATH_CHARS}]{0,1022})$`,
    maxLength: 1023,
    describe: 'update_all or the full path of a bundle file',
    many: 'bundles',
  },
  fileset: { pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$', maxLength: 128, describe: 'a fileset name such as bos.rte.install', many: 'fileset names such as bos.rte.install' },
  fix: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', maxLength: 64, describe: 'an APAR or fix name such as IJ12345', many: 'APAR or fix names such as IJ12345' },
  installp_flags: { pattern: '^-?[A-Za-z]{1,20}$', maxLength: 21, describe: 'installp flags such as -acgXY', many: 'installp flags' },
  vrm: { pattern: '^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{1,2}$', maxLength: 8, describe: 'a level in V.R.M form such as 7.3.2', many: 'levels in V.R.M form' },
  platform: { pattern: '^[a-z][a-z0-9_]{0,15}$', maxLength: 16, describe: 'a platform name such as chrp', many: 'platform names' },
  console: { pattern: '^(/dev/)?[a-z]{1,12}[0-9]{1,4}$', maxLength: 21, describe: 'a console device such as /dev/vty0', many: 'console devices' },
  bootlist_device: {
    pattern: '^(hdisk(power)?[0-9]{1,5}|cd[0-9]{1,4}|rmt[0-9]{1,4}|ent[0-9]{1,4}|fcs[0-9]{1,4})$',
    maxLength: 15,
    describe: 'a boot device such as hdisk1, cd0 or ent0',
    many: 'boot devices (hdisk1, cd0, ent0, or a mapping with device and attributes)',
  },
  attr_value: { pattern: '^[A-Za-z0-9._:,-]{1,64}$', maxLength: 64, describe: 'a value of letters, digits and ._:,-', many: 'values' },
};
