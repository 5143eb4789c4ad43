import { exportvg } from '../commands/exportvg.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('exportvg', exportvg);
