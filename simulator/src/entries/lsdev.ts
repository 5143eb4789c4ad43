import { lsdev } from '../commands/lsdev.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lsdev', lsdev);
