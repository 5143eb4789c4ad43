import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLqueryvgL } from '../../modules/src/facts/parse/lqueryvg.js';

// lqueryvg -p <disk> -L ([U] layout): "<VGID>.<n> <name> <state>" per logical volume.
const VGID = '00c2f55400004c0000004aaf1ee666cc';

test('parseLqueryvgL: the LV names of the VGDA, CRLF and padding tolerated', () => {
  const text = [`${VGID}.1   hd5 1  `, `${VGID}.2   hd6 1`, `${VGID}.10  hd10opt 2`, ''].join('\r\n');
  assert.deepEqual(parseLqueryvgL({ rc: 0, stdout: text, stderr: '' }), { lvs: ['hd5', 'hd6', 'hd10opt'] });
});

test('parseLqueryvgL: lines that are not LV rows (a VGID alone, labels) are not LVs', () => {
  assert.deepEqual(parseLqueryvgL({ rc: 0, stdout: `${VGID}\n${VGID}.1 hd5 1\nLogical: x y\n`, stderr: '' }), { lvs: ['hd5'] });
});

test('parseLqueryvgL: 0516-066 (no VGDA) and unreadable disks find nothing', () => {
  const notMember = '0516-066 lqueryvg: Physical volume is not a volume group member.\n\tCheck the physical volume name specified.\n';
  assert.equal(parseLqueryvgL({ rc: 1, stdout: '', stderr: notMember }), null);
  assert.equal(parseLqueryvgL({ rc: 1, stdout: '', stderr: '0516-062 lqueryvg: Unable to read or write logical volume manager\n' }), null);
});
