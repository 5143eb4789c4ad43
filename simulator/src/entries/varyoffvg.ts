import { varyoffvg } from '../commands/varyonvg.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('varyoffvg', varyoffvg);
