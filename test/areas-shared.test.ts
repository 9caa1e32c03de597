/**
 * The shared area scenarios (effect4/test/support/scenarios.ts, also run by the Effect 4 suite's areas.test.ts)
 * through the Effect 3 SDK: in-process (`layerStytch`) and over loopback (`layerStytchServer`), every area's flow and
 * the fault-injection and guarantee scenarios.
 */
import { assert, describe, layer } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import { StytchEmulator } from "effect-stytch/testing"
import { Stytch } from "../src/index.js"
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
} from "../effect4/test/support/scenarios.js"

/** The method at a dotted path of the aggregate service (`m2m.clients.create`). */
const methodAt = (root: unknown, path: string): (request?: unknown) => Effect.Effect<unknown, unknown> => {
  const method = path.split(".").reduce<any>((node, key) => node?.[key], root)
  if (typeof method !== "function") throw new Error(`no SDK method ${path}`)
  return method
}

/** The Effect 3 driver over the services of `runtime`. */
const driver = (runtime: Runtime.Runtime<Stytch.Stytch | StytchEmulator.StytchEmulator>): Driver => {
  const run = Runtime.runPromise(runtime)
  const stytch = Context.get(runtime.context, Stytch.Stytch)
  const emulator = Context.get(runtime.context, StytchEmulator.StytchEmulator)
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
      // The scenarios send text bodies only.
      handle: (request) => run(emulator.handle({ ...request, body: typeof request.body === "string" ? request.body : "" }))
    }
  }
}

/** The methods some scenario called successfully, by suite. */
const succeeded = new Map<string, Set<string>>()

/** Runs a scenario over the driver of the test's services, noting the methods that succeeded. */
const runShared = (suite: string, scenario: Scenario) =>
  Effect.gen(function*() {
    const runtime = yield* Effect.runtime<Stytch.Stytch | StytchEmulator.StytchEmulator>()
    const base = driver(runtime)
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
      for (const scenario of scenarios) it.effect(scenario.name, () => runShared(name, scenario))
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
      for (const scenario of guarantees) it.effect(scenario.name, () => runShared(name, scenario))
    })
  })

suite("Effect 3 SDK, in-process emulator", StytchEmulator.layerStytch())
suite("Effect 3 SDK, emulator over loopback", StytchEmulator.layerStytchServer())
