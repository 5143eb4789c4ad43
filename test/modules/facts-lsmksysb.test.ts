import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aixCommand } from '../../modules/src/aix/commands.js';
import { parseLsmksysb } from '../../modules/src/facts/parse/lsmksysb.js';
import { aixsim, newHost } from '../helpers/sim.js';
import { simHostAccess } from '../helpers/sim-host-access.js';

// parseLsmksysb against the simulated lsmksysb -l -f, for an image, an older image and a file that is not one.

test('parseLsmksysb reads what lsmksysb -l -f answers on a simulated host', async () => {
  const h = newHost();
  try {
    const host = simHostAccess(h.dir);
    const img = path.join(path.dirname(h.dir), 'img.mksysb');
    assert.equal(aixsim(['mksysb', h.dir, img, '--level', '7200-05-05-2246']).rc, 0);
    const a = parseLsmksysb(await host.run(aixCommand('lsmksysb', '-l', '-f', img)));
    assert.ok(a.image);
    if (!a.image) return;
    assert.equal(a.volumeGroup, 'rootvg');
    assert.equal(a.oslevel, '7.2.5.5');
    assert.equal(a.maintenanceLevel, '7200-05');
    assert.equal(a.lvs.length, 12);
    assert.deepEqual(a.lvs.find((lv) => lv.name === 'hd4')?.mount, '/');

    const junk = path.join(path.dirname(h.dir), 'junk');
    fs.writeFileSync(junk, 'not a backup\n');
    const n = parseLsmksysb(await host.run(aixCommand('lsmksysb', '-l', '-f', junk)));
    assert.equal(n.image, false);
    assert.match(!n.image ? n.message : '', /^0512-054 /);
  } finally {
    h.cleanup();
  }
});
