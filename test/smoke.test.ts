import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { Sessions, Users } from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"

describe("smoke", () => {
  it.effect("create + get + search", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const created = yield* users.create({ email: "a@example.com", name: { first_name: "Ada" } })
      const got = yield* users.get({ user_id: created.user_id })
      expect(got.emails[0]!.email).toBe("a@example.com")
      const dup = yield* users.create({ email: "A@example.com" }).pipe(Effect.flip)
      expect(dup._tag).toBe("DuplicateEmail")
      const sessions = yield* Sessions.Sessions
      const jwks = yield* sessions.getJWKS({ project_id: "project-test-00000000-0000-4000-8000-000000000000" })
      expect(jwks.keys.length).toBe(1)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))
})
