/**
 * What an app carries, on each Effect line: an esbuild bundle of an app that only calls `users.get` holds the Users
 * area and the shared schemas it reaches, no other area, and no error class it never sees (they are made when an
 * answer names them). The Effect 4 app is bundled with effect 4 (not the root's effect 3), and is smaller in all.
 */
import { assert, describe, it } from "@effect/vitest"
import { type Line, measureApp } from "../bench/bundle.js"

describe("bundle size", () => {
  for (const line of [3, 4] as const satisfies ReadonlyArray<Line>) {
    it(`Effect ${line}, users.get only: no other area's endpoints, no eagerly built error classes, SDK share <= 15 KB gzip`, {
      timeout: 120_000
    }, async () => {
      const usersOnly = await measureApp("users.get only", "ours", "src", line)
      const every = await measureApp("every area", "ours", "src", line)
      // The Users table is there, other areas' are not.
      assert.include(usersOnly.code, "/v1/users/{user_id}")
      assert.notInclude(usersOnly.code, "/v1/passwords/authenticate")
      assert.include(every.code, "/v1/passwords/authenticate")
      // The catalogue's names are data; no class of it is built at load (a built class carries its PascalCase tag).
      assert.include(usersOnly.code, "user_not_found")
      assert.notInclude(usersOnly.code, "ActionAvailableOnlyForActiveMembers")
      assert.notInclude(usersOnly.code, "UserNotFound")
      assert.isAtMost(usersOnly.size.sdkShareGzip!, 15 * 1024)
      assert.isBelow(usersOnly.size.minified, every.size.minified)
    })
  }

  it("the Effect 4 app is bundled with effect 4 and is at most 3/4 of the Effect 3 app (gzip)", {
    timeout: 120_000
  }, async () => {
    const onEffect4 = await measureApp("users.get only", "ours", "src", 4)
    const onEffect3 = await measureApp("users.get only", "ours", "src", 3)
    // Effect 3's bundles carry its version and @effect/platform's name; the Effect 4 one neither.
    assert.include(onEffect3.code, "3.22.")
    assert.notInclude(onEffect4.code, "3.22.")
    assert.notInclude(onEffect4.code, "@effect/platform")
    // Measured 58.7 KB against 93.8 KB gzip (0.63x, 2026-12-04).
    assert.isAtMost(onEffect4.size.gzip, 0.75 * onEffect3.size.gzip)
  })
})
