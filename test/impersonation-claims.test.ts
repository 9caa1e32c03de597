/**
 * `impersonation.authenticate` answers a session, so it has a `...WithClaims` variant like every other
 * session-bearing `authenticate` (derived from the endpoint table's `session` flag by the generator).
 */
import { assert, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { StytchEmulator } from "effect-stytch/testing"
import { Impersonation, Users } from "../src/index.js"
import { expectFailure, uniqueEmail } from "./support.js"

describe("impersonation.authenticateWithClaims", () => {
  it.effect("decodes the impersonated session's custom claims with a Schema", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const users = yield* Users.Users
      const impersonation = yield* Impersonation.Impersonation
      const user = yield* users.create({ email: uniqueEmail("imp-claims") })
      const mint = () =>
        Effect.map(
          emulator.mintImpersonationToken({
            user_id: user.user_id,
            impersonator_id: "member-test-claims",
            impersonator_email_address: "agent@support.example.com"
          }),
          (r) => r.impersonation_token
        )

      // An impersonated session starts without custom claims: an all-optional schema reads them as empty.
      const Claims = Schema.Struct({ tenant: Schema.optional(Schema.String) })
      const auth = yield* impersonation.authenticateWithClaims({ impersonation_token: yield* mint() }, Claims)
      expect(auth.custom_claims).toEqual({})
      assert.strictEqual(auth.user_id, user.user_id)
      assert.strictEqual(auth.session?.authentication_factors[0]?.type, "impersonated")

      // A schema the claims do not satisfy fails with StytchClaimsError (the claims really are decoded).
      const e = yield* impersonation.authenticateWithClaims(
        { impersonation_token: yield* mint() },
        Schema.Struct({ tenant: Schema.String })
      ).pipe(expectFailure)
      assert.strictEqual(e._tag, "StytchClaimsError")
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))
})
