import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandContext } from '../runtime/context.js';
import { runningImage } from '../views/host.js';
import type { Transcript } from './log.js';
import { runInstallp, type InstallRequest } from './installp.js';
import { runWithAltInst, ScriptRunnerUnavailable } from './run-script.js';
import { NOMINAL } from './durations.js';
import { AltFailure } from './failure.js';
import { ERR } from './texts.js';

// Phase 2 [V §5] (repeatable before phase 3; also alt_rootvg_op -C): installp work (clones only),
// -R resolv.conf, -n NIM client files, then the customization script, which runs last so it can
// adjust what the updates installed. A failure leaves the post-phase-1 state for another try.

export interface CustomizeOptions {
  script: string | null;
  resolvConf: string | null;
  remainNim: boolean;
  install: InstallRequest | null;
}

/** Files that keep the alternate system a NIM client [V §3.3 -n]. */
const NIM_FILES = ['.rhosts', 'etc/niminfo'];

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

export function runPhase2(ctx: CommandContext, t: Transcript, prog: string, vgid: string, o: CustomizeOptions): void {
  const state = ctx.state();
  const imageId = state.vgdas[vgid]!.imageId!;
  const folder = path.join(ctx.dir, state.images[imageId]!.fsDir);

  if (o.install) runInstallp(ctx, t, prog, imageId, o.install);

  if (o.resolvConf) {
    t.trace(`cp ${o.resolvConf} /alt_inst/etc/resolv.conf`);
    fs.mkdirSync(path.join(folder, 'etc'), { recursive: true });
    fs.copyFileSync(o.resolvConf, path.join(folder, 'etc/resolv.conf'));
    ctx.pause(NOMINAL.copyFile);
  }
  if (o.remainNim) {
    const running = path.join(ctx.dir, runningImage(state).fsDir);
    for (const rel of NIM_FILES) {
      const from = path.join(running, rel);
      if (!fs.existsSync(from)) continue;
      t.trace(`cp /${rel} /alt_inst/${rel}`);
      fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
      fs.copyFileSync(from, path.join(folder, rel));
    }
    ctx.pause(NOMINAL.copyFile);
  }
  if (o.script) {
    t.trace(o.script);
    if (ctx.takeFault('phase2-script')) throw new AltFailure([ERR.scriptFailed(prog, o.script, 1)]);
    let r;
    try {
      r = runWithAltInst(ctx.dir, o.script, folder, ctx.env);
    } catch (e) {
      if (e instanceof ScriptRunnerUnavailable) throw new AltFailure([e.message]);
      throw e;
    }
    lines(r.stdout).forEach((l) => t.line(l));
    lines(r.stderr).forEach((l) => t.error(l));
    ctx.pause(NOMINAL.script);
    if (r.rc !== 0) throw new AltFailure([ERR.scriptFailed(prog, o.script, r.rc)]);
  }
  ctx.update((s) => {
    const vg = s.odm.find((v) => v.vgid === vgid);
    if (vg?.alt) vg.alt.phase2Runs += 1;
  });
}
