import { chpv } from '../commands/chpv.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('chpv', chpv);
