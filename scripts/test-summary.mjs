/**
 * Adds up the JSON reports the workspace's vitest runs left in <packages|apps|tools>/<name>/test-results/ and
 * prints one closing line, "tests: N passed, N failed (node x.y.z)", naming the Node this summary runs on
 * (`.ci/run` and scripts/test-on-node.mjs run it on the tests' Node). Exits non-zero when a report is
 * missing, a test failed, or no test ran at all. The scale test (`pnpm test:scale`) leaves its checks in
 * tools/scale-test/test-results/scale.json, in the same two counts; it is added when present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const workspaceDirs = ['packages', 'apps', 'tools']
  .map((group) => path.join(root, group))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => path.join(dir, name)));
let passed = 0;
let failed = 0;
const missing = [];
for (const dir of workspaceDirs) {
  const name = path.relative(root, dir);
  if (!existsSync(path.join(dir, 'vitest.config.ts'))) continue;
  const report = path.join(dir, 'test-results', 'vitest.json');
  if (!existsSync(report)) {
    missing.push(name);
    continue;
  }
  for (const file of [report, path.join(dir, 'test-results', 'scale.json')].filter((file) => existsSync(file))) {
    const results = JSON.parse(readFileSync(file, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
  }
}
if (missing.length > 0) process.stderr.write(`no test report from: ${missing.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed (node ${process.versions.node})\n`);
process.exitCode = missing.length > 0 || failed > 0 || passed === 0 ? 1 : 0;
