#!/usr/bin/env node
// Prints "N passed, N failed" (and skipped) over vitest JSON reports: the closing line CI reads.
// `node scripts/test-summary.mjs a.json b.json`; a missing or unreadable report counts as one failure.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const count = (file) => {
  let report
  try {
    report = JSON.parse(readFileSync(file, "utf8"))
  } catch {
    console.error(`no readable test report at ${file}`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0) +
      (report.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
}

export const summarize = (files) => {
  const total = { passed: 0, failed: 0, skipped: 0 }
  for (const file of files) {
    const c = count(file)
    total.passed += c.passed
    total.failed += c.failed
    total.skipped += c.skipped
  }
  return `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const line = summarize(process.argv.slice(2))
  console.log(line)
  if (!line.includes(" 0 failed")) process.exit(1)
}
