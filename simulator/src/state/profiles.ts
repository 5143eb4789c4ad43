import type { Generation, LvType, Platform } from './types.js';

// A profile is plain data (also accepted as a JSON file by `aixsim init --profile file.json`),
// so a test or an admin can describe any layout: a mirrored rootvg, more disks, other sizes and levels.

export interface LvSpec {
  name: string;
  type: LvType;
  lps: number;
  mount?: string | null;
}

export interface DiskSpec {
  name: string;
  sizeMb: number;
  /** 'auto' (default): a generated PVID; 'none': no PVID yet; or 16 hex digits. */
  pvid?: string;
  description?: string;
  paths?: number;
}

export interface VgSpec {
  name: string;
  disks: string[];
  ppSizeMb?: number;
  lvs?: LvSpec[];
  /** Varied on at boot (default true). */
  active?: boolean;
}

export interface ProfileSpec {
  name: string;
  hostname: string;
  /** oslevel -s form for 5.3+ (7300-02-01-2346), V.R.M.F with optional -ML for older (4.3.3.0-11). */
  level: string;
  platform: Platform;
  hardwareBits: 32 | 64;
  kernelBits: 32 | 64;
  realMemoryKb: number;
  disks: DiskSpec[];
  rootvg: { disks: string[]; ppSizeMb: number; copies: 1 | 2; lvs: LvSpec[]; format: 'original' | 'big' | 'scalable' };
  datavgs: VgSpec[];
  /** Levels of the alt-disk filesets: 'running' (the OS level), a V.R.M.F level, or null (not installed). */
  altDisk: { rte: string | null; bootImages: string | null };
  nimClient: boolean;
  /** Disk names for the normal bootlist (service list defaults to the same). */
  bootlist: string[];
}

export const PROFILE_NAMES = ['aix73', 'aix72', 'aix71', 'aix53', 'aix43'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const MODERN_ROOTVG_LVS: LvSpec[] = [
  { name: 'hd5', type: 'boot', lps: 1 },
  { name: 'hd6', type: 'paging', lps: 129 },
  { name: 'hd8', type: 'jfs2log', lps: 1 },
  { name: 'hd4', type: 'jfs2', lps: 8, mount: '/' },
  { name: 'hd2', type: 'jfs2', lps: 48, mount: '/usr' },
  { name: 'hd9var', type: 'jfs2', lps: 16, mount: '/var' },
  { name: 'hd3', type: 'jfs2', lps: 64, mount: '/tmp' },
  { name: 'hd1', type: 'jfs2', lps: 8, mount: '/home' },
  { name: 'hd10opt', type: 'jfs2', lps: 32, mount: '/opt' },
  { name: 'hd11admin', type: 'jfs2', lps: 2, mount: '/admin' },
  { name: 'lg_dumplv', type: 'sysdump', lps: 20 },
  { name: 'livedump', type: 'jfs2', lps: 4, mount: '/var/adm/ras/livedump' },
];

const AIX53_ROOTVG_LVS: LvSpec[] = MODERN_ROOTVG_LVS.filter((lv) => !['hd11admin', 'livedump'].includes(lv.name));

const LEGACY_ROOTVG_LVS: LvSpec[] = [
  { name: 'hd5', type: 'boot', lps: 1 },
  { name: 'hd6', type: 'paging', lps: 32 },
  { name: 'hd8', type: 'jfslog', lps: 1 },
  { name: 'hd4', type: 'jfs', lps: 4, mount: '/' },
  { name: 'hd2', type: 'jfs', lps: 64, mount: '/usr' },
  { name: 'hd9var', type: 'jfs', lps: 4, mount: '/var' },
  { name: 'hd3', type: 'jfs', lps: 8, mount: '/tmp' },
  { name: 'hd1', type: 'jfs', lps: 2, mount: '/home' },
];

const FC_DISK = 'MPIO IBM 2076 FC Disk';

function modern(name: ProfileName, level: string, hostname: string, lvs: LvSpec[]): ProfileSpec {
  return {
    name,
    hostname,
    level,
    platform: 'chrp',
    hardwareBits: 64,
    kernelBits: 64,
    realMemoryKb: 16777216,
    disks: [
      { name: 'hdisk0', sizeMb: 30720, description: FC_DISK, paths: 4 },
      { name: 'hdisk1', sizeMb: 20480, description: FC_DISK, paths: 4 },
      { name: 'hdisk2', sizeMb: 40960, description: FC_DISK, paths: 4 },
      { name: 'hdisk3', sizeMb: 61440, pvid: 'none', description: FC_DISK, paths: 4 },
      { name: 'hdisk4', sizeMb: 51200, description: FC_DISK, paths: 4 },
    ],
    rootvg: { disks: ['hdisk0'], ppSizeMb: 32, copies: 1, lvs, format: 'original' },
    datavgs: [
      {
        name: 'datavg',
        disks: ['hdisk4'],
        ppSizeMb: 64,
        lvs: [
          { name: 'loglv00', type: 'jfs2log', lps: 1 },
          { name: 'fslv00', type: 'jfs2', lps: 320, mount: '/data' },
        ],
      },
    ],
    altDisk: { rte: 'running', bootImages: 'running' },
    nimClient: true,
    bootlist: ['hdisk0'],
  };
}

export function builtinProfile(name: string): ProfileSpec {
  switch (name) {
    case 'aix73':
      return modern('aix73', '7300-02-01-2346', 'aix73lpar', MODERN_ROOTVG_LVS);
    case 'aix72':
      return modern('aix72', '7200-05-05-2246', 'aix72lpar', MODERN_ROOTVG_LVS);
    case 'aix71':
      return modern('aix71', '7100-05-09-2148', 'aix71lpar', MODERN_ROOTVG_LVS);
    case 'aix53': {
      const p = modern('aix53', '5300-12-04-1119', 'aix53lpar', AIX53_ROOTVG_LVS);
      p.realMemoryKb = 4194304;
      return p;
    }
    case 'aix43':
      return {
        name: 'aix43',
        hostname: 'aix43box',
        level: '4.3.3.0-11',
        platform: 'chrp',
        hardwareBits: 64,
        kernelBits: 32,
        realMemoryKb: 1048576,
        disks: [
          { name: 'hdisk0', sizeMb: 8678, description: '16 Bit LVD SCSI Disk Drive', paths: 1 },
          { name: 'hdisk1', sizeMb: 8678, description: '16 Bit LVD SCSI Disk Drive', paths: 1 },
          { name: 'hdisk2', sizeMb: 17357, description: '16 Bit LVD SCSI Disk Drive', paths: 1 },
          { name: 'hdisk3', sizeMb: 17357, pvid: 'none', description: '16 Bit LVD SCSI Disk Drive', paths: 1 },
          { name: 'hdisk4', sizeMb: 8678, description: '16 Bit LVD SCSI Disk Drive', paths: 1 },
        ],
        rootvg: { disks: ['hdisk0'], ppSizeMb: 16, copies: 1, lvs: LEGACY_ROOTVG_LVS, format: 'original' },
        datavgs: [
          {
            name: 'datavg',
            disks: ['hdisk4'],
            ppSizeMb: 16,
            lvs: [
              { name: 'loglv00', type: 'jfslog', lps: 1 },
              { name: 'lv00', type: 'jfs', lps: 200, mount: '/data' },
            ],
          },
        ],
        altDisk: { rte: 'running', bootImages: 'running' },
        nimClient: false,
        bootlist: ['hdisk0'],
      };
    default:
      throw new Error(`aixsim: unknown profile "${name}" (built in: ${PROFILE_NAMES.join(', ')}; or give a JSON profile file)`);
  }
}

export function generationOf(level: string): Generation {
  const m = /^(\d)(\d)00-/.exec(level);
  if (m) return Number(m[1]) > 5 || (m[1] === '5' && Number(m[2]) >= 3) ? 'modern' : 'legacy';
  return 'legacy';
}
