import { altDiskInstall } from '../commands/alt_disk_install.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('alt_disk_install', altDiskInstall);
