import type { Disk, HostState } from '../state/types.js';

// The customized-device ODM fields lsdev and lsattr print for a disk.

export type DeviceFields = {
  name: string;
  /** [I §16] Available, or Defined for a disk that is gone. */
  status: string;
  location: string;
  description: string;
  class: string;
  subclass: string;
  type: string;
  parent: string;
};

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
