// The Effect 4 line's toolchain: this suite runs on effect 4 (not the root's effect 3) and on Node >= 22.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Context from "effect/Context"

describe("Effect 4 toolchain", () => {
  it.effect("runs on effect 4 and Node 22", () =>
    Effect.gen(function*() {
      assert.isFunction(Context.Service)
      const major = Number(process.versions.node.split(".")[0])
      assert.isAtLeast(major, 22)
      assert.strictEqual(yield* Effect.succeed(1), 1)
    }))
})
