// POSIX-style path helpers for file paths and file:// URIs (the engine stays free of node:path so it
// bundles for the browser-like extension host too).

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  let p = uri.slice('file://'.length);
  if (!p.startsWith('/')) p = p.slice(p.indexOf('/'));
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep it as it is
  }
  // file:///c:/x -> c:/x
  return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
}

export function dirname(p: string): string {
  const s = p.replace(/\\/g, '/');
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : s.slice(0, i);
}

export function basename(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s.slice(s.lastIndexOf('/') + 1);
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

export function normalize(p: string): string {
  const s = p.replace(/\\/g, '/');
  const abs = s.startsWith('/');
  const drive = /^[A-Za-z]:/.exec(s)?.[0] ?? '';
  const out: string[] = [];
  for (const part of s.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  const body = out.join('/');
  return drive + (abs || drive ? '/' : '') + body || '.';
}

export function join(...parts: string[]): string {
  let acc = '';
  for (const p of parts) {
    if (!p) continue;
    acc = isAbsolute(p) || !acc ? p : `${acc}/${p}`;
  }
  return normalize(acc || '.');
}

/** The role a task file belongs to (roles/<name>/tasks/...): the role's folder, or null. */
export function roleDirOf(path: string): string | null {
  const s = path.replace(/\\/g, '/');
  const m = /^(.*\/)?roles\/[^/]+\/(tasks|handlers)\//.exec(s);
  if (!m) return null;
  return s.slice(0, s.lastIndexOf(`/${m[2]}/`));
}
