/**
 * `@mcp-sampling/kit/serve`: the entry a server's bin calls, `runServerBin` (argv, `--help`,
 * `--version`, then stdio or `--http` for both protocol eras). An entry of its own, so code that
 * only defines tools never loads the serving machinery.
 */
export { type BinSpec, runServerBin } from './serving/bin.js';
