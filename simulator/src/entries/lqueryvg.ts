import { lqueryvg } from '../commands/lqueryvg.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lqueryvg', lqueryvg);
