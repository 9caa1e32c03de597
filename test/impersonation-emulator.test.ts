/**
 * Impersonation in the emulator: a token minted by the test control (as the Stytch Dashboard would issue one)
 * starts a 60-minute session with the `impersonated` factor naming the impersonator; the token is single-use and
 * expires after 5 minutes; every failure is `UnableToAuthImpersonationToken` and starts no session.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { Impersonation, Sessions, Users } from "../src/index.js"
import { expectFailure, uniqueEmail } from "./support.js"

// The loopback test generates a 2048-bit RSA key for its emulator: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

/** The live sessions of a user. */
const sessionsOf = (user_id: string) =>
  Effect.flatMap(Sessions.Sessions, (sessions) => Effect.map(sessions.get({ user_id }), (r) => r.sessions))

describe("impersonation in the emulator", () => {
  it.effect("a minted token starts a 60-minute impersonated session, once", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const users = yield* Users.Users
      const impersonation = yield* Impersonation.Impersonation
      const sessions = yield* Sessions.Sessions
      const user = yield* users.create({ email: uniqueEmail("imp") })
      const { impersonation_token } = yield* emulator.mintImpersonationToken({
        user_id: user.user_id,
        impersonator_id: "member-test-5e1f",
        impersonator_email_address: "agent@support.example.com"
      })

      const result = yield* impersonation.authenticate({ impersonation_token })
      assert.strictEqual(result.user_id, user.user_id)
      assert.strictEqual(result.user.user_id, user.user_id)
      assert.isNotEmpty(result.session_token)
      const factors = result.session?.authentication_factors ?? []
      assert.strictEqual(factors.length, 1)
      assert.strictEqual(factors[0]!.type, "impersonated")
      assert.strictEqual(factors[0]!.delivery_method, "impersonation")
      assert.deepStrictEqual(factors[0]!.impersonated_factor, {
        impersonator_id: "member-test-5e1f",
        impersonator_email_address: "agent@support.example.com"
      })
      assert.strictEqual(Date.parse(result.session!.expires_at!) - Date.parse(result.session!.started_at!), 60 * 60_000)

      // The session is real: it authenticates, locally from its JWT and remotely from its token.
      const local = yield* sessions.authenticateJwtLocal({ session_jwt: result.session_jwt })
      assert.strictEqual(local.authentication_factors[0]!.type, "impersonated")
      const remote = yield* sessions.authenticate({ session_token: result.session_token })
      assert.strictEqual(remote.session.session_id, result.session!.session_id)

      // Impersonated sessions cannot be extended past their first hour: asking for 10 hours leaves the hour.
      yield* TestClock.adjust("10 minutes")
      const asked = yield* sessions.authenticate({ session_token: result.session_token, session_duration_minutes: 600 })
      assert.strictEqual(asked.session.expires_at, result.session!.expires_at)
      // A shorter duration still applies.
      const shorter = yield* sessions.authenticate({ session_token: result.session_token, session_duration_minutes: 5 })
      assert.strictEqual(Date.parse(shorter.session.expires_at!), Date.parse(result.session!.started_at!) + 15 * 60_000)

      // Single use: a second authenticate fails and starts nothing.
      const again = yield* expectFailure(impersonation.authenticate({ impersonation_token }))
      assert.strictEqual(again._tag, "UnableToAuthImpersonationToken")
      if (again._tag === "UnableToAuthImpersonationToken") assert.strictEqual(again.status_code, 401)
      assert.strictEqual((yield* sessionsOf(user.user_id)).length, 1)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("an expired, unknown or other-kind token, or one whose user is gone, fails and starts no session", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const users = yield* Users.Users
      const impersonation = yield* Impersonation.Impersonation
      const user = yield* users.create({ email: uniqueEmail("imp") })

      const expiring = yield* emulator.mintImpersonationToken({ user_id: user.user_id })
      yield* TestClock.adjust("4 minutes")
      const live = yield* emulator.mintImpersonationToken({ user_id: user.user_id })
      yield* TestClock.adjust("61 seconds") // the first is 5 min 1 s old, the second 1 min 1 s
      const expired = yield* expectFailure(impersonation.authenticate({ impersonation_token: expiring.impersonation_token }))
      assert.strictEqual(expired._tag, "UnableToAuthImpersonationToken")
      assert.strictEqual((yield* sessionsOf(user.user_id)).length, 0)

      // An OAuth token is not an impersonation token.
      const { token } = yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: "sub-imp", email: uniqueEmail("o") })
      for (const impersonation_token of ["", "not-a-token", token]) {
        const error = yield* expectFailure(impersonation.authenticate({ impersonation_token }))
        assert.strictEqual(error._tag, "UnableToAuthImpersonationToken", impersonation_token)
      }

      // The user was deleted after the token was minted.
      yield* users.delete({ user_id: user.user_id })
      const gone = yield* expectFailure(impersonation.authenticate({ impersonation_token: live.impersonation_token }))
      assert.strictEqual(gone._tag, "UnableToAuthImpersonationToken")
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.live("over REST: POST /emulator/v1/impersonation/tokens mints a token; an unknown user is a 400", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const users = yield* Users.Users
      const impersonation = yield* Impersonation.Impersonation
      const user = yield* users.create({ email: uniqueEmail("imp") })
      const mint = (body: unknown) =>
        Effect.promise(async () => {
          const response = await fetch(`${server.url}/emulator/v1/impersonation/tokens`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body)
          })
          return { status: response.status, body: await response.json() as Record<string, string> }
        })
      const minted = yield* mint({ user_id: user.user_id })
      assert.strictEqual(minted.status, 200)
      const result = yield* impersonation.authenticate({ impersonation_token: minted.body.impersonation_token! })
      assert.strictEqual(result.user_id, user.user_id)
      assert.strictEqual(result.session?.authentication_factors[0]!.impersonated_factor?.impersonator_email_address, "support@example.com")
      assert.strictEqual((yield* mint({ user_id: "user-test-00000000-0000-4000-8000-000000000000" })).status, 400)
      assert.strictEqual((yield* mint({})).status, 400)
    }).pipe(Effect.provide(StytchEmulator.layerStytchServer())))
})
