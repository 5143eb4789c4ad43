import type { CommandContext } from '../runtime/context.js';
import type { HostState, OdmVg } from '../state/types.js';
import type { Transcript } from './log.js';
import type { Phase } from './args.js';
import type { RootvgSource } from './source.js';
import { resolveTargets, requireBootable, requireFree, requireNoAltinst } from './targets.js';
import { runPhase1, type Phase1Options } from './phase1.js';
import { runPhase2, type CustomizeOptions } from './phase2.js';
import { runPhase3 } from './phase3.js';
import { applyImageOptions, type ImageOptions } from './image-options.js';
import { syncAltInstLink } from './mount.js';
import { rebootHost } from './reboot.js';
import { releaseBusy } from './busy.js';
import { fail } from './failure.js';
import { ERR, LINE } from './texts.js';

// The phased install shared by alt_disk_copy, alt_disk_mksysb and the alt_disk_install forms
// [V §5]: phase 1 builds altinst_rootvg on free targets; phases 2 and 3 continue one that a
// previous phase 1 left mounted on the same targets.

export interface AltInstallRequest {
  prog: string;
  targets: string[];
  phases: Phase[];
  /** Checks that only matter when phase 1 runs (levels of a mksysb...). */
  checkPhase1(state: HostState): void;
  source(state: HostState): RootvgSource;
  phase1: Pick<Phase1Options, 'imageData' | 'skipSpaceCheck' | 'convertJfs' | 'verbose'>;
  skipBootCheck: boolean;
  custom: CustomizeOptions;
  image: ImageOptions;
  noBootlist: boolean;
  reboot: boolean;
}

/** The post-phase-1 altinst_rootvg that holds every target, or a failure worded for the phases asked. */
function continuing(state: HostState, r: AltInstallRequest, targetIds: string[]): OdmVg {
  const names = r.targets.join(' ');
  const vg = state.odm.find((v) => v.alt !== null && targetIds.every((id) => state.vgdas[v.vgid]?.pvs.includes(id)));
  if (!vg || !vg.alt) fail(ERR.noPhase1(r.prog, names));
  if (vg.alt.phase === 3 && !vg.alt.awake) fail(r.phases.includes(3) ? ERR.alreadyComplete(r.prog, vg.name) : ERR.noPhase1(r.prog, names));
  if (vg.alt.awake) fail(ERR.noPhase1(r.prog, names));
  return vg;
}

export function runAltInstall(ctx: CommandContext, t: Transcript, r: AltInstallRequest): number {
  const state = ctx.state();
  const targets = resolveTargets(state, r.prog, r.targets);
  let vgid: string;
  let imageId: string;
  if (r.phases.includes(1)) {
    requireFree(state, r.prog, targets);
    requireNoAltinst(state, r.prog);
    if (!r.skipBootCheck) requireBootable(r.prog, targets);
    r.checkPhase1(state);
    const res = runPhase1(ctx, t, r.source(state), {
      ...r.phase1,
      prog: r.prog,
      targets,
      pending: { bootlist: !r.noBootlist, reboot: r.reboot },
    });
    vgid = res.vgid;
    imageId = res.imageId;
    applyImageOptions(ctx, imageId, r.image);
    if (ctx.takeFault('crash-between-phases')) {
      // Dies like a killed process: no phase 2/3 output, altinst_rootvg left mounted, the claim left behind.
      process.exit(137);
    }
  } else {
    const vg = continuing(state, r, targets.map((d) => d.id));
    vgid = vg.vgid;
    imageId = state.vgdas[vgid]!.imageId!;
    if (!vg.active) {
      // After a reboot the post-phase-1 VG is varied off: phase 2/3 vary it on and mount it again
      // [U: the reference does not say whether AIX's -P 2/-P 3 do after a reboot; the simulator lets
      // them]. A half-made copy (phase 1 killed) is continued all the same: AIX cannot tell.
      ctx.update((s) => {
        s.odm.find((v) => v.vgid === vgid)!.active = true;
        syncAltInstLink(ctx.dir, s);
      });
    }
    applyImageOptions(ctx, imageId, r.image);
  }
  if (r.phases.includes(2)) runPhase2(ctx, t, r.prog, vgid, r.custom);
  if (!r.phases.includes(3)) return 0;
  const pending = ctx.state().odm.find((v) => v.vgid === vgid)?.alt?.pending;
  const noBootlist = r.noBootlist || pending?.bootlist === false;
  const reboot = r.reboot || (pending?.reboot ?? false);
  const bootDisk = runPhase3(ctx, t, vgid, { prog: r.prog, noBootlist, reboot });
  if (reboot && bootDisk) {
    t.line(LINE.rebooting);
    releaseBusy(ctx);
    rebootHost(ctx.dir, null, { say: () => undefined, pause: (s) => ctx.pause(s), env: ctx.env });
  }
  return 0;
}
