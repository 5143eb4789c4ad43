import { altDiskCopy } from '../commands/alt_disk_copy.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('alt_disk_copy', (ctx) => altDiskCopy(ctx));
