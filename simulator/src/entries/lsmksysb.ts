import { lsmksysb } from '../commands/lsmksysb.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lsmksysb', lsmksysb);
