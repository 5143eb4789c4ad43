import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isModernBase, parseOslevel } from '../../modules/src/facts/parse/oslevel.js';
import { compareLevels as compareDotted } from '../../common/levels.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';

test('parseOslevel reads the three forms [V §14]', () => {
  assert.deepEqual(parseOslevel('6.1.0.0\n'), { form: 'base', base: '6.1.0.0' });
  assert.deepEqual(parseOslevel('5300-09\n'), { form: 'tl', tl: '5300-09', base: '5.3.0.0' });
  assert.deepEqual(parseOslevel('7200-05-05-2246\n'), { form: 'sp', sp: '7200-05-05-2246', tl: '7200-05', base: '7.2.0.0' });
  assert.deepEqual(parseOslevel('7300-02-01-2346\r\n'), { form: 'sp', sp: '7300-02-01-2346', tl: '7300-02', base: '7.3.0.0' });
});

test('parseOslevel reads legacy levels: 4.3.3.0 and its maintenance level 4330-11', () => {
  assert.deepEqual(parseOslevel('4.3.3.0\n'), { form: 'base', base: '4.3.3.0' });
  assert.deepEqual(parseOslevel('4330-11\n'), { form: 'tl', tl: '4330-11', base: '4.3.3.0' });
});

test('parseOslevel takes the level line after a warning, and refuses output without a level', () => {
  assert.deepEqual(parseOslevel('oslevel: some filesets are below the level\n7200-05\n'), { form: 'tl', tl: '7200-05', base: '7.2.0.0' });
  assert.throws(() => parseOslevel('Usage: oslevel [-l Level | -g Level | -q] [-r | -s] [-f]\n'), AixParseError);
  assert.throws(() => parseOslevel(''), AixParseError);
});

test('isModernBase: 5.3 and later have the alt_disk_copy generation', () => {
  assert.equal(isModernBase('5.3.0.0'), true);
  assert.equal(isModernBase('7.3.0.0'), true);
  assert.equal(isModernBase('5.2.0.0'), false);
  assert.equal(isModernBase('4.3.3.0'), false);
  assert.ok(compareDotted('7.10.0.0', '7.2.0.0') > 0);
  assert.equal(compareDotted('7.2', '7.2.0.0'), 0);
});
