import { lslv } from '../commands/lslv.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lslv', lslv);
