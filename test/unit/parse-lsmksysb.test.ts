import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLsmksysb } from '../../modules/src/facts/parse/lsmksysb.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';

// lsmksysb -l -f layout [U] (recollection, see parse/lsmksysb.ts); 0512-054 on stdout [V peer §5].
const IMAGE = [
  'VOLUME GROUP:           rootvg',
  'BACKUP DATE/TIME:       Mon Jun  6 04:00:06 MST 2011',
  'UNAME INFO:             AIX test1 1 6 0008CB1A4C00',
  'BACKUP OSLEVEL:         6.1.6.0',
  'MAINTENANCE LEVEL:      6100-06',
  'BACKUP SIZE (MB):       49920',
  'SHRINK SIZE (MB):       17377',
  'VG DATA ONLY:           no',
  '',
  'rootvg:',
  'LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT',
  'hd5                 boot       1       1       1    closed/syncd  N/A',
  'hd4                 jfs2       8       8       1    open/syncd    /',
  '',
].join('\n');

test('parseLsmksysb reads the level and LVs of an image', () => {
  const a = parseLsmksysb({ rc: 0, stdout: IMAGE, stderr: '' });
  assert.equal(a.image, true);
  if (!a.image) return;
  assert.equal(a.volumeGroup, 'rootvg');
  assert.equal(a.oslevel, '6.1.6.0');
  assert.equal(a.maintenanceLevel, '6100-06');
  assert.equal(a.servicePack, null);
  assert.equal(a.backupSizeMb, 49920);
  assert.equal(a.fields.get('BACKUP DATE/TIME'), 'Mon Jun  6 04:00:06 MST 2011');
  assert.deepEqual(a.lvs.map((lv) => [lv.name, lv.mount]), [['hd5', null], ['hd4', '/']]);
});

test('parseLsmksysb takes the TL and SP from an oslevel -s form of BACKUP OSLEVEL', () => {
  const a = parseLsmksysb({ rc: 0, stdout: 'VOLUME GROUP:           rootvg\nBACKUP OSLEVEL:         7300-02-01-2346\r\n', stderr: '' });
  assert.ok(a.image);
  if (!a.image) return;
  assert.equal(a.servicePack, '7300-02-01-2346');
  assert.equal(a.maintenanceLevel, '7300-02');
  assert.deepEqual(a.lvs, []);
});

test('parseLsmksysb answers "not an image" for 0512-054, on stdout or stderr', () => {
  const line = '0512-054 lsmksysb: /tmp/notanimage is not a valid backup image.';
  assert.deepEqual(parseLsmksysb({ rc: 1, stdout: `${line}\n`, stderr: '' }), { image: false, message: line });
  assert.deepEqual(parseLsmksysb({ rc: 1, stdout: '', stderr: `${line}\n` }), { image: false, message: line });
});

test('parseLsmksysb refuses other failures', () => {
  assert.throws(
    () => parseLsmksysb({ rc: 2, stdout: '', stderr: 'lsmksysb: cannot open /dev/rmt0\n' }),
    (e: unknown) => e instanceof AixParseError && e.message === 'lsmksysb: lsmksysb: cannot open /dev/rmt0',
  );
  assert.throws(() => parseLsmksysb({ rc: 0, stdout: '\n', stderr: '' }), /no image description in the output \(exit code 0\)/);
});
