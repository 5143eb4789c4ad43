import { bootlist } from '../commands/bootlist.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('bootlist', bootlist);
