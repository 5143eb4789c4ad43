import { lsvg } from '../commands/lsvg.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lsvg', lsvg);
