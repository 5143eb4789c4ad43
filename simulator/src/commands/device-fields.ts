import type { Disk, HostState } from '../state/types.js';
import type { DeviceSpec } from '../state/devices.js';

// The customized-device ODM fields lsdev and lsattr print for a disk.

/** The same fields as the system devices (state/devices.ts). */
export type DeviceFields = DeviceSpec;

/** [U] class/subclass/type/parent: MPIO FC disks on 5.3+, SCSI disks on 4.3. */
export function deviceFields(state: HostState, d: Disk): DeviceFields {
  const legacy = state.generation === 'legacy';
  return {
    name: d.name,
    status: d.present ? 'Available' : 'Defined',
    location: d.location,
    description: d.description,
    class: 'disk',
    subclass: legacy ? 'scsi' : 'fcp',
    type: legacy ? 'scsd' : 'mpioosdisk',
    parent: legacy ? 'scsi0' : 'fscsi0',
  };
}
