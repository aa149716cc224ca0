/**
 * A preload for `node --import`: appends the URL of every ES module the process loads, one a
 * line, to the file named by `MODULE_LOG`, so a check can see which chunks a bin loaded.
 */
import { register } from 'node:module';

const log = process.env.MODULE_LOG;
if (log) register('./module-log-hooks.mjs', import.meta.url, { data: { log } });
