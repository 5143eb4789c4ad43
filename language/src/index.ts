// The altdisk language engine: playbook analysis with no VS Code and no terminal in it. Plain data
// in (document text, positions, an optional view of the workspace) and plain data out (findings with
// fixes, completion items, hover, command previews), for `altdisk lint`, the VS Code extension and
// any language server. Everything here is synchronous.

export type * from './types.js';
export { analyze } from './analyze.js';
export { complete } from './features/complete.js';
export { hover } from './features/hover.js';
export { previewTask } from './features/preview.js';
export { tasksOf } from './features/tasks.js';
export { applyEdits, applySafeFixes, type FixResult } from './edits.js';
export { RULES, RULE_BY_CODE, DEFAULT_DOC_BASE, ruleDocUrl, type RuleMeta } from './rules/registry.js';
export { collectionNote, collectionSearchPaths, type CollectionEnv } from './ansible/collection-paths.js';
export { toSarif, type SarifInput } from './report/sarif.js';
