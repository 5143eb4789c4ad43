import { lsattr } from '../commands/lsattr.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('lsattr', lsattr);
