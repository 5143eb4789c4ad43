// AIX levels compared numerically, field by field ("7.2.0.0" < "7.10.0.0", "7300-02" < "7300-10"):
// shared by the simulator (which applies AIX's level rules) and the modules (which check them first).

/** Compare two dotted or dashed levels: <0, 0, >0. */
export function compareLevels(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
