import { varyonvg } from '../commands/varyonvg.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('varyonvg', varyonvg);
