import { ps } from '../commands/ps.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('ps', ps);
