import type { Generation } from './types.js';

// The devices of a simulated host besides its disks (which live in HostState.disks): what lsdev lists
// and lsattr describes, so that parsers reading `lsdev`, `lsdev -Cc processor` or `lsattr -El sys0` get
// a realistic system [U: classes, types, locations and descriptions of a POWER LPAR with virtual I/O
// and FC disks (5.3+), and of a PCI SCSI machine (4.3), from memory; sys0's attributes likewise].

/** The customized-device ODM fields lsdev and lsattr print. */
export type DeviceSpec = {
  name: string;
  /** [I §16] Available, or Defined (a disk that is gone). */
  status: string;
  location: string;
  description: string;
  class: string;
  subclass: string;
  type: string;
  parent: string;
};

const d = (name: string, status: 'Available' | 'Defined', location: string, description: string, cls: string, subclass: string, type: string, parent: string): DeviceSpec => ({
  name,
  status,
  location,
  description,
  class: cls,
  subclass,
  type,
  parent,
});

const MODERN: DeviceSpec[] = [
  d('sys0', 'Available', '', 'System Object', 'sys', 'node', 'chrp', ''),
  d('sysplanar0', 'Available', '', 'System Planar', 'planar', 'sys', 'sysplanar_rspc', 'sys0'),
  d('proc0', 'Available', '00-00', 'Processor', 'processor', 'sys', 'proc_rspc', 'sysplanar0'),
  d('proc4', 'Available', '00-04', 'Processor', 'processor', 'sys', 'proc_rspc', 'sysplanar0'),
  d('mem0', 'Available', '', 'Memory', 'memory', 'sys', 'totmem', 'sysplanar0'),
  d('L2cache0', 'Available', '', 'L2 Cache', 'memory', 'sys', 'L2cache_rspc', 'sysplanar0'),
  d('vio0', 'Available', '', 'Virtual I/O Bus', 'bus', 'chrp', 'vdevice', 'sysplanar0'),
  d('vsa0', 'Available', '', 'LPAR Virtual Serial Adapter', 'adapter', 'vdevice', 'hvterm1', 'vio0'),
  d('vty0', 'Available', '', 'Asynchronous Terminal', 'tty', 'vcon', 'tty', 'vsa0'),
  d('ent0', 'Available', '', 'Virtual I/O Ethernet Adapter (l-lan)', 'adapter', 'vdevice', 'IBM,l-lan', 'vio0'),
  d('en0', 'Available', '', 'Standard Ethernet Network Interface', 'if', 'EN', 'en', 'inet0'),
  d('et0', 'Defined', '', 'IEEE 802.3 Ethernet Network Interface', 'if', 'EN', 'ie3', 'inet0'),
  d('lo0', 'Available', '', 'Loopback Network Interface', 'if', 'LO', 'lo', 'inet0'),
  d('inet0', 'Available', '', 'Internet Network Extension', 'tcpip', 'TCPIP', 'inet', ''),
  d('fcs0', 'Available', '01-00', 'PCIe2 2-Port 16Gb FC Adapter (df1000e21410f103)', 'adapter', 'pciex', 'df1000e21410f10', 'pci0'),
  d('fscsi0', 'Available', '01-00-01', 'FC SCSI I/O Controller Protocol Device', 'driver', 'emfc', 'efscsi', 'fcs0'),
  d('fcnet0', 'Defined', '01-00-02', 'Fibre Channel Network Protocol Device', 'driver', 'emfc', 'efcnet', 'fcs0'),
  d('sfwcomm0', 'Available', '01-00-01-FF', 'Fibre Channel Storage Framework Comm', 'driver', 'fcp', 'storfwork', 'fscsi0'),
  d('pci0', 'Available', '', 'PCI Express Bus', 'bus', 'pci', 'pciex', 'sysplanar0'),
  d('iocp0', 'Defined', '', 'I/O Completion Ports', 'iocp', 'node', 'iocp', 'sys0'),
  d('aio0', 'Available', '', 'Asynchronous I/O (Legacy)', 'aio', 'Node', 'aio', ''),
  d('pty0', 'Available', '', 'Asynchronous Pseudo-Terminal', 'pty', 'pty', 'pty', ''),
  d('rcm0', 'Defined', '', 'Rendering Context Manager Subsystem', 'rcm', 'node', 'rcm', ''),
];

const LEGACY: DeviceSpec[] = [
  d('sys0', 'Available', '00-00', 'System Object', 'sys', 'node', 'chrp', ''),
  d('sysplanar0', 'Available', '00-00', 'System Planar', 'planar', 'sys', 'sysplanar_rspc', 'sys0'),
  d('proc0', 'Available', '00-00', 'Processor', 'processor', 'sys', 'proc_rspc', 'sysplanar0'),
  d('mem0', 'Available', '00-00', 'Memory', 'memory', 'sys', 'totmem', 'sysplanar0'),
  d('L2cache0', 'Available', '00-00', 'L2 Cache', 'memory', 'sys', 'L2cache_rspc', 'sysplanar0'),
  d('pci0', 'Available', '', 'PCI Bus', 'bus', 'chrp', 'pci', 'sysplanar0'),
  d('isa0', 'Available', '10-58', 'ISA Bus', 'bus', 'pci', 'isa', 'pci0'),
  d('sa0', 'Available', '01-S1', 'Standard I/O Serial Port', 'adapter', 'isa_sio', 's1a', 'isa0'),
  d('tty0', 'Available', '01-S1-00-00', 'Asynchronous Terminal', 'tty', 'rs232', 'tty', 'sa0'),
  d('scsi0', 'Available', '10-60', 'Wide/Ultra-2 SCSI I/O Controller', 'adapter', 'pci', 'sym896', 'pci0'),
  d('cd0', 'Available', '10-60-00-4,0', 'SCSI Multimedia CD-ROM Drive', 'cdrom', 'scsi', 'scsd', 'scsi0'),
  d('ent0', 'Available', '10-80', 'IBM 10/100 Mbps Ethernet PCI Adapter (23100020)', 'adapter', 'pci', '23100020', 'pci0'),
  d('en0', 'Available', '', 'Standard Ethernet Network Interface', 'if', 'EN', 'en', 'inet0'),
  d('et0', 'Defined', '', 'IEEE 802.3 Ethernet Network Interface', 'if', 'EN', 'ie3', 'inet0'),
  d('lo0', 'Available', '', 'Loopback Network Interface', 'if', 'LO', 'lo', 'inet0'),
  d('inet0', 'Available', '', 'Internet Network Extension', 'tcpip', 'TCPIP', 'inet', ''),
  d('pty0', 'Available', '', 'Asynchronous Pseudo-Terminal', 'pty', 'pty', 'pty', ''),
  d('rcm0', 'Defined', '', 'Rendering Context Manager Subsystem', 'rcm', 'node', 'rcm', ''),
];

export function systemDevices(generation: Generation): DeviceSpec[] {
  return generation === 'legacy' ? LEGACY : MODERN;
}

export interface SysAttr {
  attribute: string;
  value: string;
  description: string;
  settable: boolean;
}

/** sys0's attributes (lsattr -El sys0) [U values and descriptions]; realmem follows the host. */
export function sys0Attributes(o: { generation: Generation; realMemoryKb: number; hostname: string }): SysAttr[] {
  const a = (attribute: string, value: string, description: string, settable = true): SysAttr => ({ attribute, value, description, settable });
  const common = [
    a('autorestart', 'true', 'Automatically REBOOT OS after a crash'),
    a('conslogin', 'enable', 'System Console Login', false),
    a('fullcore', 'false', 'Enable full CORE dump'),
    a('iostat', 'false', 'Continuously maintain DISK I/O history'),
    a('keylock', 'normal', 'State of system keylock at boot time', false),
    a('maxbuf', '20', 'Maximum number of pages in block I/O BUFFER CACHE'),
    a('maxmbuf', '0', 'Maximum Kbytes of real memory allowed for MBUFS'),
  ];
  if (o.generation === 'legacy') {
    return byAttribute([
      ...common,
      a('maxpout', '0', 'HIGH water mark for pending write I/Os per file'),
      a('maxuproc', '40', 'Maximum number of PROCESSES allowed per user'),
      a('minpout', '0', 'LOW water mark for pending write I/Os per file'),
      a('modelname', 'IBM,7043-150', 'Machine name', false),
      a('ncargs', '6', 'ARG/ENV list size in 4K byte blocks'),
      a('pre430core', 'false', 'Use pre-430 style CORE dump'),
      a('realmem', String(o.realMemoryKb), 'Amount of usable physical memory in Kbytes', false),
      a('rtasversion', '1', 'Open Firmware RTAS version', false),
      a('systemid', 'IBM,01100A1B2C', 'Hardware system identifier', false),
    ]);
  }
  return byAttribute([
    a('SW_dist_intr', 'false', 'Enable SW distribution of interrupts'),
    ...common,
    a('boottype', 'disk', 'N/A', false),
    a('capacity_inc', '0.01', 'Processor capacity increment', false),
    a('capped', 'false', 'Partition is capped', false),
    a('chown_restrict', 'true', 'Chown Restriction Mode'),
    a('dedicated', 'false', 'Partition is dedicated', false),
    a('ent_capacity', '1.00', 'Entitled processor capacity', false),
    a('fwversion', 'IBM,FW1050.00 (NL1050_052)', 'Firmware version and revision levels', false),
    a('maxpout', '8193', 'HIGH water mark for pending write I/Os per file'),
    a('maxuproc', '2048', 'Maximum number of PROCESSES allowed per user'),
    a('minpout', '4096', 'LOW water mark for pending write I/Os per file'),
    a('modelname', 'IBM,9105-42A', 'Machine name', false),
    a('ncargs', '1024', 'ARG/ENV list size in 4K byte blocks'),
    a('nfs4_acl_compat', 'secure', 'NFS4 ACL Compatibility Mode'),
    a('pre430core', 'false', 'Use pre-430 style CORE dump'),
    a('pre520tune', 'disable', 'Pre-520 tuning compatibility mode'),
    a('realmem', String(o.realMemoryKb), 'Amount of usable physical memory in Kbytes', false),
    a('rtasversion', '1', 'Open Firmware RTAS version', false),
    a('sed_config', 'select', 'Stack Execution Disable (SED) Mode'),
    a('systemid', 'IBM,0278A1B2C', 'Hardware system identifier', false),
  ]);
}

/** lsattr lists attributes in name order (byte order: upper case first). */
function byAttribute(list: SysAttr[]): SysAttr[] {
  return [...list].sort((x, y) => (x.attribute < y.attribute ? -1 : x.attribute > y.attribute ? 1 : 0));
}
