/**
 * What an app carries: an esbuild bundle of an app that only calls `users.get` holds the Users area and the shared
 * schemas it reaches, no other area, and no error class it never sees (they are made when an answer names them).
 * The same app on the Effect 4 line (`effect-stytch/effect4`, bundled with effect 4) is held to the SDK share it
 * measured.
 */
import { assert, describe, it } from "@effect/vitest"
import { measureApp } from "../bench/bundle.js"

describe("bundle size", () => {
  it("users.get only: no other area's endpoints, no eagerly built error classes, SDK share <= 15 KB gzip", {
    timeout: 120_000
  }, async () => {
    const usersOnly = await measureApp("users.get only", "ours")
    const every = await measureApp("every area", "ours")
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

  it("users.get only on Effect 4: the Users area, with effect 4, SDK share <= 32 KB gzip, smaller than on Effect 3", {
    timeout: 120_000
  }, async () => {
    const usersOnly = await measureApp("users.get only", "ours", "src", 4)
    const onEffect3 = await measureApp("users.get only", "ours", "src", 3)
    assert.include(usersOnly.code, "/v1/users/{user_id}")
    // Bundled with effect 4, not the root's effect 3 (whose bundles carry its version and @effect/platform's name).
    assert.include(onEffect3.code, "3.22.")
    assert.notInclude(usersOnly.code, "3.22.")
    assert.notInclude(usersOnly.code, "@effect/platform")
    assert.isAbove(usersOnly.sdkMinified, 0)
    // Measured 29.3 KiB (2026-12-04, from the sources); the whole bundle 82.3 KiB gzip against 93.7 KiB on Effect 3.
    assert.isAtMost(usersOnly.size.sdkShareGzip!, 32 * 1024)
    assert.isBelow(usersOnly.size.gzip, onEffect3.size.gzip)
  })
})
