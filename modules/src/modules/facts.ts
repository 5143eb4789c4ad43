import { runModule } from '../runtime/module.js';
import { connectHost } from '../runtime/connect.js';
import { gather } from '../runtime/planned.js';
import { factsSpec } from '../specs/facts.js';
import { validate } from '../generated/validate-facts.js';
import { healthWarnings } from '../facts/health.js';
import { exportFacts } from '../plan/facts-result.js';

runModule(factsSpec, validate, async () => {
  const facts = await gather(connectHost(), { diskSizes: 'all' });
  const health = healthWarnings(facts);
  return {
    changed: false,
    msg: health.length ? `${health.length} warning(s) about this host` : 'alternate-disk facts gathered',
    ansible_facts: { altdisk: exportFacts(facts, health) },
    ...(health.length ? { warnings: health } : {}),
  };
});
