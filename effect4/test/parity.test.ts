/**
 * Cross-line parity: ONE emulator (the plain core, `createEmulator`, served over loopback), the same scenarios
 * (support/scenarios.ts) driven through BOTH SDK lines in this Effect 4 process — the Effect 3 SDK imported from
 * `../../src/index.js` (module resolution is per file: `src/` gets effect 3 from the root node_modules) and the
 * Effect 4 SDK — and their normalised observations compared for deep equality: answers (ids, times and tokens
 * normalised; statuses, field sets, error tags, `error_type` and status codes exact), the request-validation failures
 * (`StytchRequestError` path and expectation), the decode failures of hostile answers, and the retry counts under the
 * same faults.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import { vi } from "vitest"
import { createEmulator, type PlainEmulator, type PlainServer } from "effect-stytch-emulator"
import * as V4 from "effect-stytch/effect4"
import * as V3 from "../../src/index.js"
import { Effect3, Layer3, ManagedRuntime3, Redacted3 } from "../../test/support/effect3.js"
import {
  type Controls,
  type Driver,
  guarantees,
  normalise,
  type Observation,
  type Outcome,
  outcomeOfError,
  revealSecrets,
  runScenario,
  scenarios
} from "./support/scenarios.js"

vi.setConfig({ testTimeout: 30_000 })

/** The method at a dotted path of an aggregate service (`m2m.clients.create`). */
const methodAt = <F>(root: unknown, path: string): (request?: unknown) => F => {
  const method = path.split(".").reduce<any>((node, key) => node?.[key], root)
  if (typeof method !== "function") throw new Error(`no SDK method ${path}`)
  return method
}

const controlsOf = (core: PlainEmulator): Controls => ({
  projectId: core.projectId,
  latestMessage: (filter) => core.latestMessage(filter),
  seedSession: (options) => core.seedSession(options),
  seedTelemetry: (options) => core.seedTelemetry(options),
  mintOAuthToken: (request) => core.mintOAuthToken(request),
  mintImpersonationToken: (request) => core.mintImpersonationToken(request),
  failNext: (fault, count) => core.failNext(fault, count),
  updateSettings: (patch) => core.updateSettings(patch),
  handle: (request) => core.handle(request)
})

/** The Effect 3 SDK over loopback, run by effect 3. */
const driver3 = (core: PlainEmulator, url: string) => {
  const runtime = ManagedRuntime3.make(Layer3.provide(
    V3.Stytch.layer({ projectId: core.projectId, secret: core.secret, baseUrl: url, fraudBaseUrl: url }),
    V3.HttpTransport.layer
  ))
  const driver: Driver = {
    call: (method, request) =>
      runtime.runPromise(Effect3.flatMap(V3.Stytch.Stytch, (stytch) =>
        Effect3.match(
          methodAt<Effect3.Effect<unknown, unknown>>(stytch, method)(revealSecrets(request, Redacted3.make)),
          { onSuccess: (value): Outcome => ({ ok: true, value }), onFailure: outcomeOfError }
        ))),
    emulator: controlsOf(core)
  }
  return { driver, dispose: () => runtime.dispose() }
}

/** The Effect 4 SDK over loopback, run by effect 4. */
const driver4 = (core: PlainEmulator, url: string) => {
  const runtime = ManagedRuntime.make(Layer.provide(
    V4.Stytch.layer({ projectId: core.projectId, secret: core.secret, baseUrl: url, fraudBaseUrl: url }),
    V4.HttpTransport.layer
  ))
  const driver: Driver = {
    call: (method, request) =>
      runtime.runPromise(Effect.flatMap(Effect.service(V4.Stytch.Stytch), (stytch) =>
        Effect.match(
          methodAt<Effect.Effect<unknown, unknown>>(stytch, method)(revealSecrets(request, Redacted.make)),
          { onSuccess: (value): Outcome => ({ ok: true, value }), onFailure: outcomeOfError }
        ))),
    emulator: controlsOf(core)
  }
  return { driver, dispose: () => runtime.dispose() }
}

/** The first difference between two observation lists, for a readable failure. */
const firstDifference = (a: ReadonlyArray<Observation>, b: ReadonlyArray<Observation>): string | undefined => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = JSON.stringify(a[i])
    const right = JSON.stringify(b[i])
    if (left !== right) return `step ${i}:\n  effect 3: ${left}\n  effect 4: ${right}`
  }
  return undefined
}

let core: PlainEmulator
let server: PlainServer
let v3: ReturnType<typeof driver3>
let v4: ReturnType<typeof driver4>

beforeAll(async () => {
  core = createEmulator()
  server = await core.serve()
  v3 = driver3(core, server.url)
  v4 = driver4(core, server.url)
})

afterAll(async () => {
  await v3?.dispose()
  await v4?.dispose()
  await server?.close()
})

describe("parity of the Effect 3 and Effect 4 lines on one emulator", () => {
  it("the two SDKs in this process are different Effect lines", () => {
    // The Effect 3 SDK's effects are effect 3 values: effect 4 does not know them as effects, and vice versa.
    const e3 = V3.Stytch.Stytch.pipe(Effect3.map(() => 1))
    assert.isTrue(Effect3.isEffect(e3))
    assert.isFalse(Effect.isEffect(e3))
    assert.isFalse(Effect3.isEffect(Effect.succeed(1)))
  })

  for (const scenario of [...scenarios, ...guarantees]) {
    it(`${scenario.name}: the same observations`, async () => {
      const observed3 = await runScenario(scenario, v3.driver)
      const observed4 = await runScenario(scenario, v4.driver)
      assert.isAbove(observed3.length, 0)
      const difference = firstDifference(observed3, observed4)
      assert.isUndefined(difference, difference)
      assert.deepStrictEqual(observed4, observed3)
    })
  }

  it("the comparison sees a divergence: one field less, or another error tag, on one line", async () => {
    const scenario = scenarios.find((s) => s.name === "sessions")!
    const observed3 = await runScenario(scenario, v3.driver)
    const dropField: Driver = {
      ...v4.driver,
      call: async (method, request) => {
        const outcome = await v4.driver.call(method, request)
        if (method === "sessions.get" && outcome.ok) {
          const { request_id: _dropped, ...rest } = outcome.value as Record<string, unknown>
          return { ok: true, value: rest }
        }
        return outcome
      }
    }
    assert.isDefined(firstDifference(observed3, await runScenario(scenario, dropField)))
    const otherTag: Driver = {
      ...v4.driver,
      call: async (method, request) => {
        const outcome = await v4.driver.call(method, request)
        return !outcome.ok && outcome.tag === "SessionNotFound" ? { ...outcome, tag: "StytchUnknownError" } : outcome
      }
    }
    const refused = await runScenario(scenario, otherTag).then(() => undefined, (error: unknown) => String(error))
    assert.match(refused ?? "", /StytchUnknownError/, "a scenario asserts its error tags on each line")
    // And the normalisation keeps what must be equal: tags, statuses, error types and field names.
    assert.deepStrictEqual(
      normalise({ ok: false, tag: "UserNotFound", status: 404, error_type: "user_not_found" }),
      { error_type: "user_not_found", ok: false, status: 404, tag: "UserNotFound" }
    )
    assert.notDeepEqual(normalise({ user: { user_id: "x" } }), normalise({ user: { user_idx: "x" } }))
  })
})
