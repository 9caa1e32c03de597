/**
 * The README's runtime claim, tested: one app (test/runtimes/app.ts) bundled with esbuild and run through the SDK
 * against a loopback emulator on Node 20, Node 22, Bun, Deno and workerd (with and without `nodejs_compat`), each
 * as a child process. The runtimes are devDependencies; they run in parallel, each with its own user. The plain
 * parts (the binaries, bundling, running a child or workerd, the checks every report must pass) are shared with the
 * Effect 4 suite's runtime test: effect4/test/support/runtimes.ts.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { type RunningEmulator, startEmulator } from "effect-stytch-emulator"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import {
  BINARIES,
  type Bundle,
  bundle,
  CHILD_RUNTIMES,
  checkFlow,
  freePorts,
  freshEmail,
  MAIN_BUILD,
  parseReport,
  runOnChild,
  serveWorkers,
  stopWorkerd,
  targetEnv,
  TEST_TIMEOUT_MS,
  WORKER_BUILD,
  WORKERD_RUNTIME
} from "../effect4/test/support/runtimes.js"

const here = dirname(fileURLToPath(import.meta.url))

let emulator: RunningEmulator
let dir: string
let bundles: { readonly main: Bundle; readonly worker: Bundle }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "effect-stytch-runtimes-"))
  const [started, main, worker] = await Promise.all([
    startEmulator({ port: 0 }),
    bundle(join(here, "runtimes", "main.ts"), join(dir, "main.mjs"), MAIN_BUILD),
    bundle(join(here, "runtimes", "worker.ts"), join(dir, "worker.mjs"), WORKER_BUILD)
  ])
  emulator = started
  bundles = { main, worker }
}, 60_000)

afterAll(async () => {
  stopWorkerd()
  await emulator?.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

describe("the SDK on every runtime, against the emulator", () => {
  it("the bundles hold the root's effect 3, @effect/platform (and effect's fast-check), jose; no effect 4", () => {
    for (const built of [bundles.main, bundles.worker]) {
      assert.deepStrictEqual(built.packages, [
        "node_modules/@effect/platform",
        "node_modules/effect",
        "node_modules/fast-check",
        "node_modules/jose",
        "node_modules/pure-rand"
      ])
    }
  })

  const childRuntimes = [CHILD_RUNTIMES.node20, CHILD_RUNTIMES.node22, CHILD_RUNTIMES.bun, CHILD_RUNTIMES.deno]

  it.concurrent.each(childRuntimes)("$name", async (child) => {
    const email = freshEmail(child.name.replace(/\s/g, "").toLowerCase())
    const { context, exited, report } = await runOnChild(child, bundles.main.file, dir, emulator, email)
    await checkFlow(report, { emulator, email, runtime: child.runtime, builtins: true })
    assert.strictEqual(exited.code, 0, context)
  }, TEST_TIMEOUT_MS)

  it.concurrent("workerd, with and without nodejs_compat", async () => {
    // Plain workerd has no Node built-ins; with nodejs_compat it has node:crypto (and node:http) through
    // `process.getBuiltinModule`.
    const [plainPort, compatPort] = await freePorts(2)
    const workers = [
      { name: "plain", port: plainPort!, flags: [], email: freshEmail("workerd"), builtins: false },
      { name: "compat", port: compatPort!, flags: ["nodejs_compat"], email: freshEmail("workerd-nc"), builtins: true }
    ].map((w) => ({ ...w, env: targetEnv(emulator, w.email) }))
    await serveWorkers(dir, basename(bundles.worker.file), workers, async (worker, answer) => {
      const context = `status ${answer.status}\n${answer.text}\n${answer.stderr}`
      const report = parseReport(`workerd (${worker.name})`, answer.text, context)
      await checkFlow(report, { emulator, email: worker.email, runtime: WORKERD_RUNTIME, builtins: worker.builtins })
      assert.strictEqual(answer.status, 200, context)
    })
  }, TEST_TIMEOUT_MS)
})

describe("the suite's own runtime", () => {
  it("is the machine's Node, not the Node 22 devDependency (scripts/node20.mjs removed its .bin link)", () => {
    assert.notInclude(process.execPath, "node_modules", `vitest runs on ${process.execPath}`)
    assert.strictEqual(process.execPath, BINARIES.node20)
  })
})
