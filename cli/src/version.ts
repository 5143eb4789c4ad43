// Replaced at build time by the package version (scripts/build.mjs defines it).
declare const __ALTDISK_VERSION__: string | undefined;

export const VERSION: string = typeof __ALTDISK_VERSION__ === 'string' ? __ALTDISK_VERSION__ : '0.0.0-dev';
