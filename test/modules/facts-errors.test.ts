import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AIX_COMMAND_PATHS, aixCommand, commandName } from '../../modules/src/aix/commands.js';
import { FactsError } from '../../modules/src/facts/errors.js';
import { parseWith } from '../../modules/src/facts/run.js';
import { parseLsvg } from '../../modules/src/facts/parse/lsvg.js';

test('aixCommand plans absolute AIX paths; commandName gives the name back', () => {
  assert.deepEqual(aixCommand('lsvg', '-l', 'rootvg'), ['/usr/sbin/lsvg', '-l', 'rootvg']);
  assert.deepEqual(aixCommand('getlvodm', '-j', 'hdisk1'), ['/usr/sbin/getlvodm', '-j', 'hdisk1']);
  assert.deepEqual(aixCommand('oslevel'), ['/usr/bin/oslevel']);
  assert.equal(commandName(aixCommand('alt_disk_copy', '-d', 'hdisk1')), 'alt_disk_copy');
  for (const [name, p] of Object.entries(AIX_COMMAND_PATHS)) assert.match(p, new RegExp(`^/usr/s?bin/${name}$`), name);
});

test('FactsError names the argv and exit code and quotes the AIX message, continuation lines joined', () => {
  const e = new FactsError(aixCommand('getlvodm', '-j', 'hdisk1'), 1, '0516-320 /usr/sbin/getlvodm: Physical volume hdisk1 is not assigned to\n       a volume group.\n', 'getlvodm -j: exit code 1 is neither 0 nor 3 with 0516-320/0516-1396');
  assert.equal(
    e.message,
    '/usr/sbin/getlvodm -j hdisk1 (rc 1): 0516-320 /usr/sbin/getlvodm: Physical volume hdisk1 is not assigned to a volume group.: getlvodm -j: exit code 1 is neither 0 nor 3 with 0516-320/0516-1396',
  );
  assert.equal(e.aixMessage, '0516-320 /usr/sbin/getlvodm: Physical volume hdisk1 is not assigned to a volume group.');
  assert.equal(new FactsError(['/usr/bin/oslevel'], 127, '').message, '/usr/bin/oslevel (rc 127)');
});

test('parseWith turns a parser\'s complaint into a FactsError for that command', () => {
  const r = { argv: aixCommand('lsvg', 'altinst_rootvg'), rc: 0, stdout: '0516-010 : Volume group must be varied on; use varyonvg command.\n', stderr: '' };
  assert.throws(
    () => parseWith(r, (x) => parseLsvg(x.stdout)),
    (e: unknown) =>
      e instanceof FactsError &&
      e.message === '/usr/sbin/lsvg altinst_rootvg (rc 0): lsvg: 0516-010 : Volume group must be varied on; use varyonvg command.' &&
      e.stdout === r.stdout,
  );
});
