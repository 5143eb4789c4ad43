// Which simulated commands a host's AIX level has, without loading any command (the per-command
// executables ask this before they run).

/** Commands introduced with AIX 5.3: absent from a legacy (4.3) host. lsmksysb: [U] (4.3 listed images with restore -T). */
export const MODERN_ONLY: ReadonlySet<string> = new Set(['alt_disk_copy', 'alt_disk_mksysb', 'alt_rootvg_op', 'lsmksysb']);

export function existsOn(name: string, generation: 'legacy' | 'modern'): boolean {
  return generation === 'modern' || !MODERN_ONLY.has(name);
}
