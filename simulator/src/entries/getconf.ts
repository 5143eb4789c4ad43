import { getconf } from '../commands/getconf.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('getconf', getconf);
