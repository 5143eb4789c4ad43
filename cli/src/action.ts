import { InventorySyntaxError, PatternError, RunRequestError, HostSettingsError } from '../../runner/src/index.js';
import { TargetError } from './targets.js';
import { UsageError } from './errors.js';

// Mistakes in what was asked (options, arguments, inventories, patterns) end with Ansible's exit
// code for them, 5, and one line that says what is wrong; anything else goes to main's handler.

export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof UsageError || e instanceof TargetError || e instanceof InventorySyntaxError || e instanceof PatternError || e instanceof RunRequestError || e instanceof HostSettingsError) {
        process.stderr.write(`altdisk: ${e.message}\n`);
        process.exitCode = 5;
        return;
      }
      throw e;
    }
  };
}
