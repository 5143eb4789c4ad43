import { getlvodm } from '../commands/getlvodm.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('getlvodm', getlvodm);
