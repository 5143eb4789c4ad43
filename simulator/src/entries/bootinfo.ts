import { bootinfo } from '../commands/bootinfo.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('bootinfo', bootinfo);
