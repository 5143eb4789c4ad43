import { test } from 'node:test';
import assert from 'node:assert/strict';
import { altRootvgState, lastMountingCommand } from '../../modules/src/facts/alt-rootvg.js';
import { parseAltDiskLog } from '../../modules/src/facts/parse/alt-disk-log.js';

function log(...commands: string[]): string {
  return commands.map((c, i) => `\nMon Jun  ${i + 1} 10:00:00 CDT 2025\ncmd: ${c}\noutput of ${c}\n`).join('');
}

function decide(...commands: string[]) {
  const m = lastMountingCommand(parseAltDiskLog(log(...commands)));
  return m ? [m.by, m.record.commandLine] : null;
}

test('the newest mounting command decides between phase 1 and a wake-up', () => {
  assert.deepEqual(decide('/usr/sbin/alt_disk_copy -d hdisk1 -P1'), ['phase1', '/usr/sbin/alt_disk_copy -d hdisk1 -P1']);
  assert.deepEqual(decide('/usr/sbin/alt_disk_copy -d hdisk1', '/usr/sbin/alt_rootvg_op -W -d hdisk1'), ['awake', '/usr/sbin/alt_rootvg_op -W -d hdisk1']);
  assert.deepEqual(decide('/usr/sbin/alt_rootvg_op -W -d hdisk1', '/usr/sbin/alt_rootvg_op -S', '/usr/sbin/alt_disk_mksysb -m /mksysb/img -d hdisk1 -P 12'), [
    'phase1',
    '/usr/sbin/alt_disk_mksysb -m /mksysb/img -d hdisk1 -P 12',
  ]);
});

test('customize, query, rename, phase 2/3 runs, sleep and cleanup do not mount, so they do not decide', () => {
  assert.deepEqual(
    decide('/usr/sbin/alt_rootvg_op -W -d hdisk1', '/usr/sbin/alt_rootvg_op -C -b update_all -l /lpp', '/usr/sbin/alt_rootvg_op -q -d hdisk1'),
    ['awake', '/usr/sbin/alt_rootvg_op -W -d hdisk1'],
  );
  assert.deepEqual(decide('/usr/sbin/alt_disk_copy -d hdisk1 -P1', '/usr/sbin/alt_disk_copy -d hdisk1 -P 2', '/usr/sbin/alt_disk_copy -d hdisk1 -P3'), [
    'phase1',
    '/usr/sbin/alt_disk_copy -d hdisk1 -P1',
  ]);
  assert.equal(decide('/usr/sbin/alt_rootvg_op -X altinst_rootvg', '/usr/sbin/alt_rootvg_op -v other_vg -d hdisk1'), null);
});

test('the alt_disk_install wrapper and the 4.3 syntax count too', () => {
  assert.deepEqual(decide('/usr/sbin/alt_disk_install -C -P1 hdisk1'), ['phase1', '/usr/sbin/alt_disk_install -C -P1 hdisk1']);
  assert.deepEqual(decide('/usr/sbin/alt_disk_install -d /dev/rmt0 hdisk1'), ['phase1', '/usr/sbin/alt_disk_install -d /dev/rmt0 hdisk1']);
  assert.deepEqual(decide('/usr/sbin/alt_disk_install -C hdisk1', '/usr/sbin/alt_disk_install -W hdisk1'), ['awake', '/usr/sbin/alt_disk_install -W hdisk1']);
  assert.equal(decide('/usr/sbin/alt_disk_install -X'), null);
});

test('altRootvgState from varied on, mounted and the deciding command', () => {
  assert.equal(altRootvgState(false, false, null), 'complete');
  assert.equal(altRootvgState(true, false, 'awake'), 'varied-on-by-hand');
  assert.equal(altRootvgState(true, true, 'awake'), 'awake');
  assert.equal(altRootvgState(true, true, 'phase1'), 'phase1');
  assert.equal(altRootvgState(true, true, null), 'phase1', 'no log: the mounts say phase 1');
});
