import * as fs from 'node:fs';
import { altdiskFactsOf } from '../../../common/facts-answer.js';
import { twinPlan, type TwinPlan } from './from-facts.js';

/** `aixsim init DIR --from-facts FILE`: the facts module's answer (or its ansible_facts.altdisk) in FILE. */
export function loadTwinPlan(file: string, hostname: string | undefined): TwinPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`aixsim: cannot read the facts in ${file}: ${(e as Error).message}`);
  }
  const facts = altdiskFactsOf(doc);
  if (!facts) throw new Error(`aixsim: ${file} holds no altdisk facts (the answer of the facts module, or its ansible_facts.altdisk)`);
  return twinPlan(facts, hostname ?? 'twin');
}
