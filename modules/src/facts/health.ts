import type { BootlistEntry } from './parse/bootlist.js';
import type { AltRootvgFacts, DiskFacts, HostFacts } from './types.js';

// What an admin must know before rebooting this host. Each warning names what is wrong and the
// command that fixes it. Sources: seed (exportvg of altinst_rootvg, /etc/filesystems), reference
// H-2 (never vary on the place holder), H-6 (bootlist "-" entries), H-8 (sleep before boot),
// H-11 (phase 3 needed).

function altOp(facts: HostFacts, op: string): string {
  // 4.3 has only alt_disk_install; its -X takes no VG name (seed syntax).
  if (facts.generation === 'legacy') return op === '-X altinst_rootvg' ? 'alt_disk_install -X' : `alt_disk_install ${op}`;
  return `alt_rootvg_op ${op}`;
}

function diskList(disks: string[]): string {
  return disks.length === 0 ? 'no disk' : disks.join(' ');
}

function phase3Command(facts: HostFacts, alt: AltRootvgFacts): string {
  const program = alt.decidedBy?.program;
  const disks = diskList(alt.disks);
  if (facts.generation === 'legacy' || program === 'alt_disk_install') return `alt_disk_install -P3 ${disks}`;
  if (program === 'alt_disk_mksysb') return `the alt_disk_mksysb command that started it with -P 3 (alt_disk_mksysb -P 3 ... -d "${disks}")`;
  return `alt_disk_copy -P 3 -d "${disks}"`;
}

/** Why a disk cannot boot, or null when it can. */
function unbootableReason(facts: HostFacts, disk: DiskFacts): string | null {
  if (disk.bootable) return null;
  if (disk.unavailable) return `it is not available (${disk.unavailable})`;
  const alt = facts.altRootvg;
  if (alt.disks.includes(disk.name)) {
    if (alt.state === 'awake') {
      return `it holds an awake altinst_rootvg (alt_rootvg_op -W), which must be put to sleep with ${altOp(facts, '-S')} before it can boot`;
    }
    if (alt.state === 'phase1') {
      return `it holds an altinst_rootvg left after phase 1/2${alt.variedOn ? '' : ' (varied off by a reboot since)'}, which cannot boot until phase 3 has run (${phase3Command(facts, alt)})`;
    }
    if (alt.state === 'incomplete') return `it holds a half-made altinst_rootvg (${alt.problem ?? 'its copy did not finish'})`;
    if (alt.state === 'in-progress') return `an alternate-disk command is working on its altinst_rootvg now (${alt.problem ?? 'in progress'})`;
    return 'it is not the boot disk of altinst_rootvg';
  }
  if (disk.vg === null) return 'it belongs to no volume group, so it carries no boot image the system knows of';
  if (disk.vg === 'rootvg') return 'it holds no copy of the boot logical volume (hd5) of rootvg';
  return `it belongs to ${disk.vg}, which is not a rootvg and has no boot image`;
}

function isDiskDevice(device: string): boolean {
  return /^hdisk/.test(device);
}

/**
 * Why the next reboot would not start a complete rootvg, in a sentence that says how to fix it; null
 * when the first entry of the normal boot list is a disk that boots (the boot contract).
 */
export function nextBootProblem(facts: HostFacts): string | null {
  const list = facts.bootlists.normal;
  const fix = 'set it with: bootlist -m normal <bootable disk>';
  const first = list[0];
  if (!first) return `The normal bootlist is empty: the system will not find a boot device on the next reboot; ${fix} (e.g. bootlist -m normal ${facts.rootvg.bootDisks[0] ?? 'hdisk0'}).`;
  if (first.device === null) return `The normal bootlist starts with a device that is no longer present ("-" in bootlist -m normal -o); ${fix}.`;
  if (!isDiskDevice(first.device)) return null;
  const disk = facts.disks.find((d) => d.name === first.device);
  const why = disk ? unbootableReason(facts, disk) : 'lspv does not list it';
  if (!why) return null;
  return `The normal bootlist starts with ${first.device}, which will not boot: ${why}. Fix the boot list (bootlist -m normal ${facts.rootvg.bootDisks.join(' ') || '<bootable disk>'}) or the disk before rebooting.`;
}

function bootlistWarnings(facts: HostFacts, mode: 'normal' | 'service', list: BootlistEntry[]): string[] {
  const out: string[] = [];
  const fix = `set it with: bootlist -m ${mode} <bootable disk>`;
  if (mode === 'normal') {
    const problem = nextBootProblem(facts);
    if (problem) out.push(problem);
  }
  list.forEach((e, i) => {
    if (i === 0 && mode === 'normal') return;
    if (e.device === null) {
      out.push(`Entry ${i + 1} of the ${mode} bootlist is a device that is no longer present ("-"); ${fix}, leaving the missing device out.`);
    } else if (isDiskDevice(e.device) && !facts.disks.some((d) => d.name === e.device)) {
      out.push(`Entry ${i + 1} of the ${mode} bootlist names ${e.device}, which lspv does not list; ${fix}.`);
    }
  });
  return out;
}

function altRootvgWarnings(facts: HostFacts): string[] {
  const alt = facts.altRootvg;
  const disks = diskList(alt.disks);
  switch (alt.state) {
    case 'phase1':
      return [
        alt.variedOn
          ? `altinst_rootvg (${disks}) has finished phase 1/2 and waits for phase 3: it is varied on and mounted at ${alt.mountedAt[0] ?? '/alt_inst'}. ` +
            `Run phase 3 (${phase3Command(facts, alt)}) to finish it, or remove it with ${altOp(facts, '-X altinst_rootvg')}.`
          : `altinst_rootvg (${disks}) has finished phase 1/2 and waits for phase 3, varied off by a reboot since (its VGDA still has the alt_ names, so it cannot boot). ` +
            `Run phase 3 (${phase3Command(facts, alt)}) to finish it, or remove it with ${altOp(facts, '-X altinst_rootvg')}.`,
      ];
    case 'incomplete':
      return [
        `altinst_rootvg (${disks}) is half-made: ${alt.problem ?? 'its copy did not finish'}. It cannot boot and must not be continued: remove it with ${altOp(facts, '-X altinst_rootvg')} (altdisk.aix.cleanup) and clone again, or clone again with force: true.`,
      ];
    case 'in-progress':
      return [`An alternate-disk operation is in progress (${alt.problem ?? 'running now'}): wait for it to end before rebooting or changing altinst_rootvg or the boot list.`];
    case 'awake':
      return [
        `altinst_rootvg (${disks}) is awake (alt_rootvg_op -W): put it back to sleep with ${altOp(facts, '-S')} before a reboot; it cannot boot while awake.`,
      ];
    case 'varied-on-by-hand':
      return [
        `altinst_rootvg (${disks}) was varied on by hand (varyonvg) without /alt_inst: IBM says never to vary on the place holder. ` +
          `Vary it off with varyoffvg altinst_rootvg, or remove it with ${altOp(facts, '-X altinst_rootvg')}; do not use exportvg, which deletes the running rootvg's /etc/filesystems stanzas.`,
      ];
    default:
      return [];
  }
}

function etcFilesystemsWarnings(facts: HostFacts): string[] {
  const check = facts.etcFilesystems;
  if (!check.present) return ['/etc/filesystems could not be read: the system will not boot without it. Restore it before rebooting.'];
  if (check.missing.length === 0) return [];
  const list = check.missing.map((m) => `${m.mountPoint} (${m.device})`).join(', ');
  // imfs rebuilds stanzas from the LV control blocks; its -l form for LV names is [U].
  const lvs = check.missing.map((m) => m.device.replace('/dev/', '')).join(' ');
  return [
    `/etc/filesystems lacks the rootvg stanzas for ${list}, as after an exportvg of altinst_rootvg; the system will not boot without them. ` +
      `Recreate them before rebooting: restore a saved copy of /etc/filesystems, or rebuild them with imfs -l ${lvs}.`,
  ];
}

/** Disks that lspv shows without a volume group but whose VGDA says otherwise: say what they really hold. */
function hiddenRootvgCopyWarnings(facts: HostFacts): string[] {
  const what =
    facts.generation === 'legacy'
      ? (d: DiskFacts) => `the former rootvg after booting a clone on AIX 4.3 (your way back: bootlist -m normal ${d.name}), or an alternate rootvg removed with alt_disk_install -X`
      : () => 'an alternate rootvg removed with alt_rootvg_op -X, which leaves the copy on the disk';
  return facts.disks
    .filter((d) => d.rootvgCopy)
    .map(
      (d) =>
        `${d.name} shows no volume group in lspv, but holds a rootvg copy (lqueryvg -p ${d.name} -L lists hd5): ${what(d)}. ${d.bootable ? 'It can still boot (bootinfo -B). ' : ''}disk_size_policy never picks it; name it in targets only when you no longer need it, or clear it with chpv -C ${d.name}.`,
    );
}

function exportedVgWarnings(facts: HostFacts): string[] {
  return facts.disks
    .filter((d) => d.exportedVg)
    .map(
      (d) =>
        `${d.name} shows no volume group in lspv, but its VGDA lists the logical volumes ${d.exportedVg!.lvs.slice(0, 6).join(', ')}${d.exportedVg!.lvs.length > 6 ? ', ...' : ''} (an exported volume group): it is not offered as a free disk. Import it (importvg) or clear it (chpv -C ${d.name}).`,
    );
}

function operationWarnings(facts: HostFacts): string[] {
  // The altinst_rootvg warning says it when there is one.
  if (facts.altRootvg.state === 'in-progress') return [];
  return facts.operations.map((o) => `An alternate-disk operation is in progress: ${o.command} (pid ${o.pid}). Wait for it to end before rebooting or changing alternate disks or the boot list.`);
}

/** Warnings an admin must see before a reboot, most urgent first. */
export function healthWarnings(facts: HostFacts): string[] {
  return [
    ...bootlistWarnings(facts, 'normal', facts.bootlists.normal),
    ...etcFilesystemsWarnings(facts),
    ...altRootvgWarnings(facts),
    ...operationWarnings(facts),
    ...hiddenRootvgCopyWarnings(facts),
    ...exportedVgWarnings(facts),
    ...bootlistWarnings(facts, 'service', facts.bootlists.service),
  ];
}
