#!/usr/bin/env node
// Reads vitest's JSON report and fails the run when a test was skipped or
// left as todo, or when nothing ran at all: a green run must mean every test ran.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.tmp/vitest-report.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const skipped = [];
for (const suite of report.testResults ?? []) {
  for (const t of suite.assertionResults ?? []) {
    if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') skipped.push(`${suite.name}: ${t.fullName}`);
  }
}
const passed = report.numPassedTests ?? 0;
// A file that fails to load counts as a failure too.
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
if (skipped.length) {
  console.error(`Skipped or todo tests are not allowed:\n  ${skipped.join('\n  ')}`);
  process.exit(1);
}
if (failed > 0 || passed === 0 || !report.success) process.exit(1);
