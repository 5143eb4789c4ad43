// The program the host's node runs (`node -e BOOTSTRAP <path of that node>`): it reads a header line and the module
// bundle (with its arguments embedded) from standard input, starts the module as `node -` in a
// process group of its own with the bundle piped into it, and keeps reading standard input as a
// control channel. Anything more on it, or its end (the SSH session closed, the connection
// dropped, the runner died), stops the module: SIGINT to the whole group (as Ctrl-C at the
// host's terminal would), SIGTERM after 10 s, SIGKILL after 20 s, until no process of the group
// is left. Nothing is written to the host's disks, and no argument appears on a command line.
//
// It is kept to plain ES2018 and is sent as one line inside single quotes: no quote, no "!"
// (csh history), no comment, no template literal.

/** Lines the bootstrap writes on standard error start with this; the rest of stderr is the module's. */
export const CONTROL_PREFIX = '@altdisk-runner@ ';

/** The header line before the program: its size in bytes and the module's environment. */
export interface BootstrapHeader {
  v: 1;
  size: number;
  env: Record<string, string>;
}

/** What the bootstrap reports on standard error (after CONTROL_PREFIX, as JSON). */
export type BootstrapReport =
  | { event: 'started'; pid: number; node: string; version: string }
  | { event: 'stopping'; why: string }
  | { event: 'signal'; signal: string }
  | { event: 'error'; message: string }
  | { event: 'exit'; code: number; stopped: boolean; ms: number };

const SOURCE = `
var cp = require("child_process"), os = require("os");
var P = ${JSON.stringify(CONTROL_PREFIX)};
var t0 = Date.now(), buf = Buffer.alloc(0), hdr = null, child = null, code = null;
var stopping = false, exited = false, finished = false, timer = null;
function say(o) { process.stderr.write(P + JSON.stringify(o) + "\\n"); }
function finish(c) {
  if (finished) return;
  finished = true;
  process.stdin.destroy();
  process.stderr.write(P + JSON.stringify({ event: "exit", code: c, stopped: stopping, ms: Date.now() - t0 }) + "\\n", function () { process.exit(c); });
}
function groupGone() {
  try { process.kill(-child.pid, 0); return false; } catch (e) { return e.code === "ESRCH"; }
}
function signal(s) {
  try { process.kill(-child.pid, s); say({ event: "signal", signal: s }); } catch (e) {}
}
function stop(why) {
  if (stopping || finished) return;
  stopping = true;
  say({ event: "stopping", why: why });
  if (child === null) return finish(130);
  var since = Date.now(), term = false, kill = false;
  if (groupGone() === false) signal("SIGINT");
  timer = setInterval(function () {
    if (groupGone()) {
      if (exited) { clearInterval(timer); finish(code === null ? 130 : code); }
      return;
    }
    var ms = Date.now() - since;
    if (ms > 20000 && kill === false) { kill = true; signal("SIGKILL"); }
    else if (ms > 10000 && term === false) { term = true; signal("SIGTERM"); }
  }, 100);
}
function start(program) {
  var env = Object.assign({}, process.env, hdr.env || {});
  child = cp.spawn(process.execPath, ["-"], { detached: true, stdio: ["pipe", "inherit", "inherit"], env: env });
  child.on("error", function (e) { say({ event: "error", message: String(e && e.message) }); exited = true; code = 127; if (stopping === false) finish(127); });
  child.on("exit", function (c, s) {
    exited = true;
    code = c === null ? 128 + ((os.constants.signals || {})[s] || 1) : c;
    if (stopping === false) finish(code);
  });
  child.stdin.on("error", function () {});
  child.stdin.end(program);
  say({ event: "started", pid: child.pid, node: process.argv[1] || process.execPath, version: process.version });
}
process.stdin.on("data", function (d) {
  if (child || stopping) { stop("stop"); return; }
  buf = Buffer.concat([buf, d]);
  if (hdr === null) {
    var nl = buf.indexOf(10);
    if (nl < 0) return;
    hdr = JSON.parse(buf.subarray(0, nl).toString("utf8"));
    buf = buf.subarray(nl + 1);
  }
  if (buf.length < hdr.size) return;
  var rest = buf.subarray(hdr.size);
  start(buf.subarray(0, hdr.size));
  buf = null;
  if (rest.length > 0) stop("stop");
});
process.stdin.on("end", function () { stop("end of input"); });
["SIGINT", "SIGTERM", "SIGHUP"].forEach(function (s) { process.on(s, function () { stop(s); }); });
`;

/** The bootstrap as one line of JavaScript (for `node -e`). */
export const BOOTSTRAP: string = SOURCE.split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
  .join(' ');

if (/['!\n`]/.test(BOOTSTRAP)) throw new Error('runner: the bootstrap must not contain quotes, "!" or newlines');
