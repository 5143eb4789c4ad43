import type { ModuleResult } from './types.js';

/** The module's JSON answer: the last line of its output that is a JSON object; null without one. */
export function parseAnswer(stdout: string): ModuleResult | null {
  const lines = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.startsWith('{')) continue;
    try {
      const v = JSON.parse(l) as unknown;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as ModuleResult;
    } catch {
      // not the answer
    }
  }
  return null;
}
