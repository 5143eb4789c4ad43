import { oslevel } from '../commands/oslevel.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('oslevel', oslevel);
