import type { DocumentInput, HostFacts, Position, TaskPreview } from '../types.js';
import type { PathInfo } from '../../../modules/src/runtime/probe.js';
import type { MksysbContext } from '../../../modules/src/plan/mksysb.js';
import type { FileModel, TaskModel } from '../playbook/model.js';
import { planTask } from '../../../modules/src/plan/plan-task.js';
import { legacyBootImageName, LEGACY_DEFAULT_LEVEL } from '../../../modules/src/plan/mksysb.js';
import { withDefaults } from '../../../modules/src/schema/coerce.js';
import { ModuleFailure } from '../../../modules/src/runtime/failure.js';
import { COLLECTION } from '../playbook/modules.js';
import { validateAltdiskTask } from '../validate/schema.js';
import { buildFileModel } from '../playbook/walk.js';
import { parseYaml } from '../yaml/document.js';
import { taskAt } from './locate.js';

// The command preview: the module's own planner over a host's facts gives the exact AIX command
// lines a task would run, the state it predicts, its warnings, or the refusal the module would answer.
// Only what lives on the host itself (files named in options, the mksysb image) is assumed, and said so.

const DIRS = new Set(['images_location']);

/** Paths in options are on the host: assume they are what the option needs (the module checks them there). */
function assumedProbe(params: Record<string, unknown>): (p: string) => PathInfo {
  const kinds = new Map<string, PathInfo['kind']>();
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string' || !v.startsWith('/')) continue;
    kinds.set(v, v.startsWith('/dev/') ? 'device' : DIRS.has(k) ? 'directory' : 'file');
  }
  return (p) => ({ exists: true, kind: kinds.get(p) ?? 'file', executable: true, readable: true });
}

function assumedImage(params: Record<string, unknown>, f: HostFacts, warnings: string[]): MksysbContext {
  const given = typeof params.mksysb_level === 'string' ? params.mksysb_level : null;
  if (f.generation === 'legacy') {
    const platform = typeof params.platform === 'string' ? params.platform : 'chrp';
    warnings.push(`${String(params.source)} is not read before the run: the preview assumes the boot image ${legacyBootImageName(platform, given ?? LEGACY_DEFAULT_LEVEL)} is installed; the module checks it on the host`);
    return { image: null, legacyBootImage: { name: legacyBootImageName(platform, given ?? LEGACY_DEFAULT_LEVEL), platform, exists: true } };
  }
  const level = given ? `${given}.0` : (f.altDiskFilesets.bootImages ?? f.oslevel.base);
  warnings.push(`${String(params.source)} is not read before the run: the preview assumes it holds AIX ${level.split('.').slice(0, 3).join('.')}; the module checks the image with lsmksysb first`);
  return {
    image: { image: true, volumeGroup: 'rootvg', oslevel: level, maintenanceLevel: null, servicePack: null, backupSizeMb: null, lvs: [], fields: new Map() },
    legacyBootImage: null,
  };
}

export function previewOf(file: FileModel, task: TaskModel, facts: HostFacts): TaskPreview | null {
  const ref = task.module?.ref;
  if (!ref || ref.kind !== 'altdisk') return null;
  const { view, findings } = validateAltdiskTask(task, ref.name, file.text);
  const base = {
    module: `${COLLECTION}.${ref.name}`,
    range: file.lines.range(task.span[0], task.span[1]),
    argv: [] as string[][],
    commands: [],
    msg: '',
    predicted: null,
    warnings: [] as string[],
  };
  const args = withDefaults(view.spec, view.literal);
  if (view.templated.size) {
    return { ...base, args, refusal: `${[...view.templated].join(', ')} ${view.templated.size > 1 ? 'are' : 'is a'} Jinja template${view.templated.size > 1 ? 's' : ''}: the value is known only when the play runs, so no command line can be shown` };
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) return { ...base, args, refusal: `the module would refuse these options: ${errors.map((f) => f.message.replace(/^altdisk\.aix\.\w+: /, '')).join('; ')}` };
  const warnings: string[] = [];
  if (view.incomplete) warnings.push('some options may come from module_defaults or a templated args: the preview shows only the options written here');
  const mksysb = ref.name === 'mksysb_install' && !['2', '3', '23'].includes(String(args.phase)) ? assumedImage(args, facts, warnings) : undefined;
  try {
    const plan = planTask({ module: ref.name, params: args, facts, probe: assumedProbe(args), ...(mksysb ? { mksysb } : {}) });
    if (!plan) return { ...base, args, msg: 'reads the host only: no command changes it', warnings };
    return {
      ...base,
      args,
      argv: plan.commands.map((c) => c.argv),
      commands: plan.commands.map((c) => ({ argv: c.argv, why: c.why })),
      msg: plan.msg,
      predicted: plan.predicted,
      warnings: [...warnings, ...plan.warnings],
    };
  } catch (e) {
    if (e instanceof ModuleFailure) return { ...base, args, warnings, refusal: e.message };
    throw e;
  }
}

export function previewTask(doc: DocumentInput, pos: Position, facts: HostFacts): TaskPreview | null {
  const parsed = parseYaml(doc.text);
  const file = buildFileModel(doc.uri, parsed);
  const task = taskAt(file, parsed.lines.offset(pos));
  return task ? previewOf(file, task, facts) : null;
}
