import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { editState } from '../helpers/state-fixtures.js';

// oslevel (reference §14, §23: PTXray's oslevel -s regex, GLPI's split on "-").

const PTXRAY_SP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}$/;

test('oslevel, -r, -s per profile [V §14]', () => {
  const cases: [string, string, string, string][] = [
    ['aix73', '7.3.0.0', '7300-02', '7300-02-01-2346'],
    ['aix72', '7.2.0.0', '7200-05', '7200-05-05-2246'],
    ['aix53', '5.3.0.0', '5300-12', '5300-12-04-1119'],
  ];
  for (const [profile, base, tl, sp] of cases) {
    const h = newHost('--profile', profile);
    try {
      assert.deepEqual(h.run('oslevel'), { stdout: base + '\n', stderr: '', rc: 0 });
      assert.deepEqual(h.run('oslevel', '-r'), { stdout: tl + '\n', stderr: '', rc: 0 });
      const s = h.run('oslevel', '-s');
      assert.deepEqual(s, { stdout: sp + '\n', stderr: '', rc: 0 });
      assert.match(s.stdout.trim(), PTXRAY_SP);
      // GLPI: TL is the second "-" field.
      assert.equal(s.stdout.trim().split('-')[1], tl.split('-')[1]);
    } finally {
      h.cleanup();
    }
  }
});

test('oslevel -rq lists the known technology levels under the §14 header [V header, U list]', () => {
  const h = newHost('--profile', 'aix72');
  try {
    const r = h.run('oslevel', '-rq');
    assert.equal(r.rc, 0);
    assert.deepEqual(r.stdout.split('\n').slice(0, 3), ['Known Recommended Maintenance Levels', '------------------------------------', '7200-05']);
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 2 + 6);
  } finally {
    h.cleanup();
  }
});

test('oslevel follows the running image, not the profile (what a reboot onto an updated clone changes)', () => {
  const h = newHost();
  try {
    editState(h, (s) => {
      const img = s.images[s.vgdas[s.booted.vgid]!.imageId!]!;
      img.level = { base: '7.3.0.0', tl: '7300-03', sp: '7300-03-01-2420' };
    });
    assert.equal(h.run('oslevel', '-s').stdout, '7300-03-01-2420\n');
    assert.equal(h.run('oslevel', '-r').stdout, '7300-03\n');
  } finally {
    h.cleanup();
  }
});

test('AIX 4.3 has no service packs: oslevel -s is a usage error [U]', () => {
  const h = newHost('--profile', 'aix43');
  try {
    assert.equal(h.run('oslevel').stdout, '4.3.3.0\n');
    assert.equal(h.run('oslevel', '-r').stdout, '4330-11\n');
    const r = h.run('oslevel', '-s');
    assert.equal(r.rc, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'oslevel: Not a recognized flag: s\nUsage: oslevel [ -l Level | -g Level | -q ] [ -r ]\n');
  } finally {
    h.cleanup();
  }
});

test('oslevel usage errors and unsupported queries', () => {
  const h = newHost();
  try {
    assert.equal(h.run('oslevel', '-r', '-s').rc, 2);
    assert.equal(h.run('oslevel', 'extra').rc, 2);
    assert.equal(h.run('oslevel', '-x').stderr, 'oslevel: Not a recognized flag: x\nUsage: oslevel [ -l Level | -g Level | -q ] [ -r | -s ] [ -f ]\n');
    assert.deepEqual(h.run('oslevel', '-l', '7300-01'), { stdout: '', stderr: 'oslevel: oslevel -l/-g (filesets below or above a level) is not simulated by aixsim.\n', rc: 2 });
  } finally {
    h.cleanup();
  }
});
