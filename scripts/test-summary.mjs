/**
 * Adds up the JSON reports the packages' vitest runs left in packages/<name>/test-results/ and
 * prints one closing line, "tests: N passed, N failed". Exits non-zero when a report is missing,
 * a test failed, or no test ran at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const packagesDir = path.resolve(import.meta.dirname, '../packages');
let passed = 0;
let failed = 0;
const missing = [];
for (const name of readdirSync(packagesDir)) {
  if (!existsSync(path.join(packagesDir, name, 'vitest.config.ts'))) continue;
  const report = path.join(packagesDir, name, 'test-results', 'vitest.json');
  if (!existsSync(report)) {
    missing.push(name);
    continue;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
}
if (missing.length > 0) process.stderr.write(`no test report from: ${missing.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exitCode = missing.length > 0 || failed > 0 || passed === 0 ? 1 : 0;
