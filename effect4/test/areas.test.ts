/**
 * Every area's methods through the Effect 4 SDK against the emulator: the shared scenarios (support/scenarios.ts,
 * also run by the Effect 3 suite's test/areas-shared.test.ts) in-process (`layerStytch`) and over loopback
 * (`layerStytchServer`), the fault-injection scenarios (retries on 503 and 429, none on a consuming 500), and a
 * per-attempt timeout driven by `TestClock` in-process.
 */
import { assert, describe, layer } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import { TestClock } from "effect/testing"
import { vi } from "vitest"
import { Stytch, Users } from "effect-stytch/effect4"
import { StytchEmulator } from "effect-stytch/effect4/testing"
import {
  type Driver,
  guarantees,
  notCovered,
  type Outcome,
  outcomeOfError,
  revealSecrets,
  runScenario,
  type Scenario,
  scenarios
} from "./support/scenarios.js"

// Each emulator generates a 2048-bit RSA signing key: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

/** The method at a dotted path of the aggregate service (`m2m.clients.create`). */
const methodAt = (root: unknown, path: string): (request?: unknown) => Effect.Effect<unknown, unknown> => {
  const method = path.split(".").reduce<any>((node, key) => node?.[key], root)
  if (typeof method !== "function") throw new Error(`no SDK method ${path}`)
  return method
}

/** The Effect 4 driver over the services of `context` (its `Clock` is the one the calls run on). */
const driver = (context: Context.Context<Stytch.Stytch | StytchEmulator.StytchEmulator>): Driver => {
  const run = Effect.runPromiseWith(context)
  const stytch = Context.get(context, Stytch.Stytch)
  const emulator = Context.get(context, StytchEmulator.StytchEmulator)
  return {
    call: (method, request) =>
      run(
        methodAt(stytch, method)(revealSecrets(request, Redacted.make)).pipe(
          Effect.match({
            onSuccess: (value): Outcome => ({ ok: true, value }),
            onFailure: outcomeOfError
          })
        )
      ),
    emulator: {
      projectId: emulator.projectId,
      latestMessage: (filter) => run(emulator.latestMessage(filter)),
      seedSession: (options) => run(emulator.seedSession(options)),
      seedTelemetry: (options) => run(emulator.seedTelemetry(options)),
      mintOAuthToken: (request) => run(emulator.mintOAuthToken(request)),
      mintImpersonationToken: (request) => run(emulator.mintImpersonationToken(request)),
      failNext: (fault, count) => run(emulator.failNext(fault, count)),
      updateSettings: (patch) => run(emulator.updateSettings(patch)),
      handle: (request) => run(emulator.handle(request))
    }
  }
}

/** The methods some scenario called successfully, by suite. */
const succeeded = new Map<string, Set<string>>()

/** Runs a scenario over the driver of the test's services, noting the methods that succeeded. */
const runLive = (suite: string, scenario: Scenario) =>
  Effect.gen(function*() {
    const context = yield* Effect.context<Stytch.Stytch | StytchEmulator.StytchEmulator>()
    const base = driver(context)
    const seen = succeeded.get(suite) ?? new Set<string>()
    succeeded.set(suite, seen)
    const noting: Driver = {
      ...base,
      call: async (method, request) => {
        const outcome = await base.call(method, request)
        if (outcome.ok) seen.add(method)
        return outcome
      }
    }
    const observations = yield* Effect.promise(() => runScenario(scenario, noting))
    assert.isAbove(observations.length, 0)
  })

/** The paths of every function of a service tree (`email.resetStart`, ...). */
const methodPaths = (node: unknown, prefix = ""): Array<string> =>
  Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix === "" ? key : `${prefix}.${key}`
    return typeof value === "function" ? [path] : typeof value === "object" && value !== null ? methodPaths(value, path) : []
  })

const suite = (name: string, sdk: Layer.Layer<Stytch.Stytch | StytchEmulator.StytchEmulator, unknown>) =>
  // Live services: the SDK's retry backoff really waits (a few hundred milliseconds per retried 503).
  layer(sdk, { excludeTestServices: true })(name, (it) => {
    describe("areas", () => {
      for (const scenario of scenarios) it.effect(scenario.name, () => runLive(name, scenario))
      it.effect("every method of every area succeeded in some scenario, but the ones listed as not covered", () =>
        Effect.gen(function*() {
          const stytch = yield* Stytch.Stytch
          const all = methodPaths(stytch).sort()
          const seen = succeeded.get(name) ?? new Set<string>()
          assert.deepStrictEqual(all.filter((method) => !seen.has(method) && notCovered[method] === undefined), [])
          assert.deepStrictEqual(Object.keys(notCovered).filter((method) => !all.includes(method)), [])
          assert.deepStrictEqual(Object.keys(notCovered).filter((method) => seen.has(method)), [])
        }))
    })
    describe("fault injection and guarantees", () => {
      for (const scenario of guarantees) it.effect(scenario.name, () => runLive(name, scenario))
    })
  })

suite("Effect 4 SDK, in-process emulator", StytchEmulator.layerStytch())
suite("Effect 4 SDK, emulator over loopback", StytchEmulator.layerStytchServer())

layer(StytchEmulator.layerStytch({ timeout: "1 second", maxRetries: 1 }))("Effect 4 SDK, timeouts", (it) => {
  it.effect("a delay beyond the per-attempt timeout is a Timeout transport error, after the retries", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const emulator = yield* StytchEmulator.StytchEmulator
      const user = yield* users.create({ email: "timeout@areas.example.test" })
      yield* emulator.failNext({ delayMillis: 5_000, pathPrefix: "/v1/users/" }, 2)
      const fiber = yield* Effect.forkChild(Effect.flip(users.get({ user_id: user.user_id })))
      // Attempt 1 times out at 1 s; the retry waits its backoff (at most 0.5 s) and times out 1 s later.
      for (let i = 0; i < 10; i++) yield* TestClock.adjust("500 millis")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "StytchTransportError")
      if (error._tag === "StytchTransportError") {
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.method, "GET")
      }
      // Both delay faults were consumed by the two attempts: the next read is answered at once.
      assert.strictEqual((yield* users.get({ user_id: user.user_id })).user_id, user.user_id)
    }))

  it.effect("a 429's Retry-After is waited for (on the Clock) before the retry, even of a consuming call", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const emulator = yield* StytchEmulator.StytchEmulator
      yield* emulator.failNext({ status: 429, retryAfter: "30", pathPrefix: "/v1/users" })
      const fiber = yield* Effect.forkChild(users.create({ email: "patient@areas.example.test" }))
      yield* TestClock.adjust("29 seconds")
      assert.isUndefined(fiber.pollUnsafe(), "still waiting: 30 s asked, far above the backoff")
      yield* TestClock.adjust("1 second")
      const created = yield* Fiber.join(fiber)
      assert.strictEqual((yield* users.get({ user_id: created.user_id })).emails[0]!.email, "patient@areas.example.test")
    }))

  it.effect("a delay within the timeout is waited for", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const emulator = yield* StytchEmulator.StytchEmulator
      const user = yield* users.create({ email: "slow@areas.example.test" })
      yield* emulator.failNext({ delayMillis: 900, pathPrefix: "/v1/users/" })
      const fiber = yield* Effect.forkChild(users.get({ user_id: user.user_id }))
      yield* TestClock.adjust("900 millis")
      assert.strictEqual((yield* Fiber.join(fiber)).user_id, user.user_id)
    }))
})
