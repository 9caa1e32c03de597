/**
 * What an app carries: an esbuild bundle of an app that only calls `users.get` holds the Users area and the shared
 * schemas it reaches, no other area, and no error class it never sees (they are made when an answer names them).
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
})
