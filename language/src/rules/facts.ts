import type { HostFacts } from '../../../modules/src/facts/types.js';
import type { RawFinding } from '../findings.js';
import type { AltdiskTask } from '../validate/schema.js';
import { isSeq, type Node } from 'yaml';
import { nodeSpan, isTemplate } from '../playbook/values.js';
import { hazard } from './emit.js';
import type { Span } from '../playbook/model.js';

// Rules that need to know the host: the targets of a clone or mksysb install against the disks
// its facts list (cached facts, or a simulated host's), for every host of the play that has facts.

export interface HostWithFacts {
  host: string;
  facts: HostFacts;
}

function hostList(hosts: string[]): string {
  return hosts.length > 3 ? `${hosts.slice(0, 3).join(', ')} and ${hosts.length - 3} more` : hosts.join(', ');
}

export function targetRules(t: AltdiskTask, hosts: HostWithFacts[], text: string, out: RawFinding[]): void {
  if (!hosts.length || (t.module !== 'clone' && t.module !== 'mksysb_install')) return;
  const en = t.entries.get('targets');
  if (!en || !Array.isArray(en.value) && typeof en.value !== 'string') return;
  const values = Array.isArray(en.value) ? en.value : [en.value];
  const seq = isSeq(en.node) ? en.node : null;
  values.forEach((v, i) => {
    if (typeof v !== 'string' || isTemplate(v)) return;
    const disks = seq ? [v] : v.split(',').map((s) => s.trim()).filter(Boolean);
    const span: Span = (seq && nodeSpan(seq.items[i] as Node, text)) || en.valueSpan;
    for (const disk of disks) {
      const missing: string[] = [];
      const inVg = new Map<string, string[]>();
      for (const { host, facts } of hosts) {
        const d = facts.disks.find((x) => x.name === disk);
        if (!d) missing.push(host);
        else if (d.vg && d.vg !== 'altinst_rootvg') inVg.set(d.vg, [...(inVg.get(d.vg) ?? []), host]);
      }
      for (const [vg, where] of inVg) {
        const advice =
          vg === 'rootvg'
            ? 'it holds the running system'
            : vg === 'old_rootvg'
              ? 'it is the previous rootvg, your way back from the last update; remove it first with altdisk.aix.cleanup (volume_group: old_rootvg) if you mean to reuse it'
              : `it holds the data volume group ${vg}`;
        out.push(hazard('ALTDISK010', span, `${disk} is in ${vg} on ${hostList(where)}: ${advice}. A target must belong to no volume group (AIX: 0505-126)`, t.task, [], 'targets'));
      }
      if (missing.length) {
        const known = hosts.find((h) => h.host === missing[0])!.facts.disks.map((d) => d.name);
        out.push(hazard('ALTDISK019', span, `${disk} is not a disk of ${hostList(missing)} (lspv lists ${known.join(', ') || 'no disk'})`, t.task, [], 'targets'));
      }
    }
  });
}
