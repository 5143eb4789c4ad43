import { lspv } from '../commands/lspv.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lspv', lspv);
