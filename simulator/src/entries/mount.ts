import { mount } from '../commands/mount.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('mount', mount);
