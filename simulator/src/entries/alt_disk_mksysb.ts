import { altDiskMksysb } from '../commands/alt_disk_mksysb.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('alt_disk_mksysb', (ctx) => altDiskMksysb(ctx));
