// Preloaded into a measured process (node --require): on exit, writes its peak resident set size
// (KiB, getrusage maxrss) to the file named by BENCH_RSS_FILE. The module under test exits through
// process.exit once its answer is flushed; 'exit' handlers still run then.
const fs = require('node:fs');

const out = process.env.BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
