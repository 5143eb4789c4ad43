import { bosboot } from '../commands/bosboot.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('bosboot', bosboot);
