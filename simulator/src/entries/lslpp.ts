import { lslpp } from '../commands/lslpp.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lslpp', lslpp);
