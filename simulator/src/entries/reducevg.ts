import { reducevg } from '../commands/reducevg.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('reducevg', reducevg);
