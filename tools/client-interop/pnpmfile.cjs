/**
 * pnpm hook (wired in pnpm-workspace.yaml as `pnpmfile`): lets MCP Inspector 2.12.0 install under
 * `engineStrict` on Node 20. The package declares `node >=22.19.0`, but its `--cli` mode runs on
 * Node 20 (this package's tests prove it on every run); its two dependencies that really need
 * Node 22 are pinned to their last Node 20 releases by overrides in pnpm-workspace.yaml.
 *
 * pnpm checks a package's engines against the registry manifest before this hook runs, so the
 * rewritten range takes effect through the lockfile, which records it: every install from the
 * lockfile (`pnpm install`, `--frozen-lockfile`) passes under engineStrict. Only a fresh resolution
 * of the Inspector (a new version, a deleted lockfile) needs `pnpm install --config.engine-strict=false`
 * once.
 */
const INSPECTOR = '@modelcontextprotocol/inspector';
const INSPECTOR_VERSION = '2.12.0';

module.exports = {
  hooks: {
    readPackage(pkg) {
      if (pkg.name === INSPECTOR && pkg.version === INSPECTOR_VERSION) {
        pkg.engines = { ...pkg.engines, node: '>=20.19' };
      }
      return pkg;
    },
  },
};
