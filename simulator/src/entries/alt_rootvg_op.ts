import { altRootvgOp } from '../commands/alt_rootvg_op.js';
import { commandMain } from '../runtime/command-main.js';

commandMain('alt_rootvg_op', altRootvgOp);
