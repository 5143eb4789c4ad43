import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBootlist } from '../../modules/src/facts/parse/bootlist.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';
import { aixFixture, crlf } from '../helpers/aix-fixtures.js';

test('parseBootlist collapses the per-path lines of one disk into one entry [V §12.2]', () => {
  assert.deepEqual(parseBootlist(aixFixture('bootlist-ibm-cloud.txt')), [{ device: 'hdisk2', attrs: { blv: 'hd5' }, pathIds: ['0', '1', '2', '3'] }]);
  assert.deepEqual(parseBootlist(crlf(aixFixture('bootlist-french-blog.txt'))), [
    { device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: ['0', '1', '2', '3'] },
  ]);
});

test('parseBootlist keeps two disks apart, in order', () => {
  const text = ['hdisk1 blv=hd5 pathid=0', 'hdisk1 blv=hd5 pathid=1', 'hdisk0 blv=hd5 pathid=0', 'hdisk0 blv=hd5 pathid=1', ''].join('\n');
  assert.deepEqual(parseBootlist(text), [
    { device: 'hdisk1', attrs: { blv: 'hd5' }, pathIds: ['0', '1'] },
    { device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: ['0', '1'] },
  ]);
});

test('parseBootlist: "-" is a device that is gone [V §12.1]', () => {
  assert.deepEqual(parseBootlist('-\nhdisk0 blv=hd5 pathid=0\n'), [
    { device: null, attrs: {}, pathIds: [] },
    { device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: ['0'] },
  ]);
});

test('parseBootlist reads legacy lines without pathid [U] and network entries', () => {
  assert.deepEqual(parseBootlist('hdisk0 blv=hd5\nhdisk1\n'), [
    { device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: [] },
    { device: 'hdisk1', attrs: {}, pathIds: [] },
  ]);
  assert.deepEqual(parseBootlist('ent0 bserver=192.0.2.1 gateway=192.0.2.254 client=192.0.2.10\n'), [
    { device: 'ent0', attrs: { bserver: '192.0.2.1', gateway: '192.0.2.254', client: '192.0.2.10' }, pathIds: [] },
  ]);
});

test('parseBootlist does not merge a disk listed again after another one, nor lines with other attributes', () => {
  const text = 'hdisk0 blv=hd5 pathid=0\nhdisk1 blv=hd5 pathid=0\nhdisk0 blv=hd5 pathid=1\nhdisk0 blv=bos_hd5 pathid=0\n';
  assert.deepEqual(
    parseBootlist(text).map((e) => [e.device, e.attrs.blv, e.pathIds]),
    [
      ['hdisk0', 'hd5', ['0']],
      ['hdisk1', 'hd5', ['0']],
      ['hdisk0', 'hd5', ['1']],
      ['hdisk0', 'bos_hd5', ['0']],
    ],
  );
});

test('parseBootlist: an empty list is empty; a line that is not "device attr=value" is an error', () => {
  assert.deepEqual(parseBootlist(''), []);
  assert.throws(() => parseBootlist('hdisk0 blv\n'), AixParseError);
  assert.throws(() => parseBootlist('blv=hd5\n'), AixParseError);
});
