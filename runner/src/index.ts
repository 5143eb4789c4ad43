// runner/: hosts, inventories, connectors and the run loop, as plain data and events. Used by the
// CLI (cli/) and the VS Code extension; no terminal and no VS Code code in here.

export type {
  HostSpec,
  ModuleResult,
  SshSettings,
  RunnerPaths,
  RunRequest,
  RunEvent,
  RunSummary,
  HostOutcome,
  HostStatus,
  HostState,
  InterruptReason,
} from './types.js';
export { run, RunRequestError, exitCodeOf, type RunHandle } from './run.js';
export { localNodeOf } from './types.js';
export { MODULE_NAMES, moduleNameOf, type ModuleName } from './remote/payload.js';
export { loadInventory, onPath, MAGIC_VARS, type InventoryReader, type LoadedInventory, type LoadOptions } from './inventory/index.js';
export { Inventory, InventorySyntaxError, PatternError, selectHosts, readInventoryBuiltin, readInventoryAnsible } from './inventory/index.js';
export { hostSettings, HostSettingsError, type HostSettings, type Transport } from './host-settings.js';
export { hostFromAddress, simHost } from './targets.js';
export { groupIdentical, compressHostList, type AnswerGroup } from './group.js';
export { hostStateFrom } from './state-report.js';
export { buildTwin, type TwinRequest, type TwinOutcome } from './twin.js';
export type { AltdiskFacts } from '../../common/facts-answer.js';
export { altdiskFactsOf } from '../../common/facts-answer.js';
