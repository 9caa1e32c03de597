/**
 * The Effect 4 line's runtime claim, tested: one app (effect4/test/runtimes/app.ts, bundled with esbuild from here,
 * so `effect` is effect 4) run through `effect-stytch/effect4` against one loopback emulator on Node 22 (and the
 * machine's Node 20), Bun, Deno and workerd (with and without `nodejs_compat`), each as a child process (workerd:
 * one process, two workers), in parallel, each with its own user.
 * The app signs up, catches a typed error by its tag, reads the user, signs in twice and verifies the session JWTs
 * locally on both signature backends where the runtime has both, and reports the transport `HttpTransport.layer`
 * chose. The plain parts (binaries, bundling, running a child or workerd, the checks every report must pass) are
 * shared with the Effect 3 suite's runtime test: ./support/runtimes.ts.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { type RunningEmulator, startEmulator } from "effect-stytch-emulator"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import type { Failure, Report } from "./runtimes/app.js"
import {
  type Bundle,
  bundle,
  CHILD_RUNTIMES,
  checkFlow,
  type FlowExpectation,
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
} from "./support/runtimes.js"

const here = dirname(fileURLToPath(import.meta.url))

let emulator: RunningEmulator
let dir: string
let bundles: { readonly main: Bundle; readonly worker: Bundle }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "effect-stytch-effect4-runtimes-"))
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

/**
 * The common checks, then this app's own: the duplicate sign-up failed with `DuplicateEmail` (its catalogued
 * class, by its tag) carrying the emulator's answer, and the second sign-in's JWT (its own session) verified on
 * WebCrypto when asked for, the first one (the common checks) on node:crypto where the runtime has it.
 */
const checkEffect4Flow = async (report: Report | Failure, expected: FlowExpectation) => {
  await checkFlow(report, expected)
  const ok = report as Report
  assert.deepStrictEqual(
    { ...ok.caught, request_id: typeof ok.caught.request_id },
    { tag: "DuplicateEmail", error_type: "duplicate_email", status_code: 400, request_id: "string" }
  )
  assert.match(ok.caught.request_id, /^request-id-test-/)
  assert.match(ok.second_session_id, /^session-test-/)
  assert.notStrictEqual(ok.second_session_id, ok.session_id)
  assert.deepStrictEqual(ok.webcrypto_jwt, {
    backend: "webcrypto",
    user_id: ok.created_user_id,
    session_id: ok.second_session_id,
    factors: ["password/knowledge"]
  })
}

describe("the Effect 4 SDK on every runtime, against the emulator", () => {
  it("the bundles hold effect 4 (effect4/node_modules/effect) and jose only: no effect 3, no @effect/platform", () => {
    for (const built of [bundles.main, bundles.worker]) {
      assert.deepStrictEqual(built.packages, ["effect4/node_modules/effect", "node_modules/jose"])
    }
  })

  // Node 22 is the line's documented floor; Node 20 (the machine's Node) is run too: effect 4 itself declares no
  // engine, and nothing this SDK uses needs more than Node 20 has (`process.getBuiltinModule` is there since 20.16).
  const childRuntimes = [CHILD_RUNTIMES.node22, CHILD_RUNTIMES.node20, CHILD_RUNTIMES.bun, CHILD_RUNTIMES.deno]

  it.concurrent.each(childRuntimes)("$name", async (child) => {
    const email = freshEmail(`e4-${child.name.replace(/\s/g, "").toLowerCase()}`)
    const run = await runOnChild<Report | Failure>(child, bundles.main.file, dir, emulator, email)
    await checkEffect4Flow(run.report, { emulator, email, runtime: child.runtime, builtins: true })
    assert.strictEqual(run.exited.code, 0, run.context)
  }, TEST_TIMEOUT_MS)

  it.concurrent("workerd, with and without nodejs_compat", async () => {
    // Plain workerd has no Node built-ins (both verifications are WebCrypto's); with nodejs_compat it has
    // node:crypto (and node:http) through `process.getBuiltinModule`.
    const [plainPort, compatPort] = await freePorts(2)
    const workers = [
      { name: "plain", port: plainPort!, flags: [], email: freshEmail("e4-workerd"), builtins: false },
      {
        name: "compat",
        port: compatPort!,
        flags: ["nodejs_compat"],
        email: freshEmail("e4-workerd-nc"),
        builtins: true
      }
    ].map((w) => ({ ...w, env: targetEnv(emulator, w.email) }))
    await serveWorkers(dir, basename(bundles.worker.file), workers, async (worker, answer) => {
      const context = `status ${answer.status}\n${answer.text}\n${answer.stderr}`
      const report = parseReport<Report | Failure>(`workerd (${worker.name})`, answer.text, context)
      await checkEffect4Flow(report, {
        emulator,
        email: worker.email,
        runtime: WORKERD_RUNTIME,
        builtins: worker.builtins
      })
      assert.strictEqual(answer.status, 200, context)
    })
  }, TEST_TIMEOUT_MS)
})
