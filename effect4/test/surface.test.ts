/**
 * The two lines' surfaces are the same: the entries export the same names, every area service has the same
 * method tree, the emulator controls service has the same controls, and the testing entries the same layers. Both
 * lines are loaded in this Effect 4 process (module resolution is per file: `src/` gets effect 3), each built with
 * its own in-process emulator layer and run by its own Effect.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as V3 from "../../src/index.js"
import * as V3Testing from "../../src/testing.js"
import * as V4 from "effect-stytch/effect4"
import * as V4Testing from "effect-stytch/effect4/testing"
import { Effect3 } from "../../test/support/effect3.js"

const AREAS = [
  "ConnectedApp", "CryptoWallets", "Debug", "Fraud", "IDP", "Impersonation", "M2M", "MagicLinks", "OAuth", "OTPs",
  "Passwords", "Project", "RBAC", "Sessions", "TOTPs", "Users", "WebAuthn"
] as const

/** The paths of every function in a service object (`email.resetStart`, ...), sorted. */
const methodPaths = (node: unknown, prefix = ""): Array<string> => {
  const out: Array<string> = []
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix === "" ? key : `${prefix}.${key}`
    if (typeof value === "function") out.push(path)
    else if (typeof value === "object" && value !== null) out.push(...methodPaths(value, path))
  }
  return out.sort()
}

const sortedKeys = (o: object) => Object.keys(o).sort()

describe("the Effect 3 and Effect 4 entries have the same surface", () => {
  it("the entries and each area namespace export the same names (the Effect 4 ones may add none)", () => {
    assert.deepStrictEqual(sortedKeys(V4), sortedKeys(V3))
    for (const area of AREAS) {
      assert.deepStrictEqual(sortedKeys(V4[area]), sortedKeys(V3[area]), area)
    }
    assert.deepStrictEqual(sortedKeys(V4Testing), sortedKeys(V3Testing))
    assert.deepStrictEqual(sortedKeys(V4Testing.StytchEmulator), sortedKeys(V3Testing.StytchEmulator))
  })

  it.effect("every area service has the same method tree; the emulator service has the same controls", () =>
    Effect.gen(function*() {
      const v4 = yield* Effect.gen(function*() {
        const services: Record<string, unknown> = {}
        for (const area of AREAS) services[area] = yield* ((V4[area] as any)[area] as Effect.Effect<unknown>)
        return { services, emulator: yield* V4Testing.StytchEmulator.StytchEmulator }
      }).pipe(Effect.provide(V4Testing.StytchEmulator.layerStytch()))
      const v3 = yield* Effect.promise(() =>
        Effect3.runPromise(Effect3.gen(function*() {
          const services: Record<string, unknown> = {}
          for (const area of AREAS) services[area] = yield* ((V3[area] as any)[area] as Effect3.Effect<unknown>)
          return { services, emulator: yield* V3Testing.StytchEmulator.StytchEmulator }
        }).pipe(Effect3.provide(V3Testing.StytchEmulator.layerStytch())))
      )
      for (const area of AREAS) {
        const paths = methodPaths(v4.services[area])
        assert.isAbove(paths.length, 0, area)
        assert.deepStrictEqual(paths, methodPaths(v3.services[area]), area)
      }
      assert.deepStrictEqual(sortedKeys(v4.emulator), sortedKeys(v3.emulator))
    }))
})
