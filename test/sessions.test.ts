/**
 * End-to-end tests of the Sessions service against the in-process emulator. Sessions are seeded through the
 * emulator's `seedSession` control, so these tests do not depend on the login flows (passwords, magic links, OTPs).
 */
import { assert, describe, layer } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as jose from "jose"
import { vi } from "vitest"
import { randomUUID } from "node:crypto"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { StytchEmulator } from "effect-stytch/testing"
import { Sessions, Users } from "../src/index.js"

// Each emulator generates a 2048-bit RSA signing key: slow on a busy machine, so allow more than the 5 s default.
vi.setConfig({ testTimeout: 30_000 })

const uniqueEmail = (name = "s") => `${name}-${randomUUID().slice(0, 8)}@sessions.example.test`

/** A fresh user and the emulator, the setup of almost every test here. */
const setup = (email = uniqueEmail()) =>
  Effect.gen(function*() {
    const users = yield* Users.Users
    const sessions = yield* Sessions.Sessions
    const emulator = yield* StytchEmulator.StytchEmulator
    const user = yield* users.create({ email })
    return { users, sessions, emulator, user, email }
  })

const SESSION_CLAIM = "https://stytch.com/session"
const millis = (iso: string | undefined) => Date.parse(iso ?? "")

/**
 * A tiny OIDC UserInfo endpoint on 127.0.0.1:0 for sessions.migrate: `Authorization: Bearer <token>` answers the
 * email registered for that token, anything else a 401. Closed with the test's scope.
 */
const userInfoServer = (emailByToken: Record<string, string>) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly server: http.Server; readonly calls: Array<string> }>((resume) => {
      const calls: Array<string> = []
      const server = http.createServer((req, res) => {
        const token = (req.headers.authorization ?? "").replace(/^Bearer /, "")
        calls.push(token)
        const email = emailByToken[token]
        if (email === undefined) {
          res.writeHead(401, { "content-type": "application/json" })
          res.end(JSON.stringify({ error: "invalid_token" }))
          return
        }
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify({ sub: `auth0|${token}`, email, email_verified: true }))
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ url: `http://127.0.0.1:${port}/userinfo`, server, calls }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )

layer(StytchEmulator.layerStytch())("Sessions", (it) => {
  describe("get", () => {
    it.effect("lists the live sessions of one user, oldest first, with the seeded factor", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const other = yield* (yield* Users.Users).create({ email: uniqueEmail("other") })
        const first = yield* emulator.seedSession({ user_id: user.user_id })
        yield* TestClock.adjust("1 second")
        const second = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 30 })
        yield* emulator.seedSession({ user_id: other.user_id })

        const listed = yield* sessions.get({ user_id: user.user_id })
        assert.deepStrictEqual(listed.sessions.map((s) => s.session_id), [first.session_id, second.session_id])
        for (const s of listed.sessions) {
          assert.strictEqual(s.user_id, user.user_id)
          assert.deepStrictEqual(s.authentication_factors.map((f) => [f.type, f.delivery_method]), [[
            "imported",
            "seeded"
          ]])
        }
        const now = yield* Clock.currentTimeMillis
        assert.strictEqual(millis(listed.sessions[1]!.expires_at), Math.floor(now / 1000) * 1000 + 30 * 60_000)
      }))

    it.effect("an unknown user fails UserNotFound", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const error = yield* sessions.get({ user_id: `user-test-${randomUUID()}` }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "UserNotFound")
      }))
  })

  describe("authenticate", () => {
    it.effect("by session token and by session JWT, both naming the same session and user", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({ user_id: user.user_id })

        const byToken = yield* sessions.authenticate({ session_token: seeded.session_token })
        assert.strictEqual(byToken.session.session_id, seeded.session_id)
        assert.strictEqual(byToken.session.user_id, user.user_id)
        assert.strictEqual(byToken.user.user_id, user.user_id)
        assert.strictEqual(byToken.session_token, seeded.session_token)
        assert.strictEqual(jose.decodeJwt(byToken.session_jwt).sub, user.user_id)

        const byJwt = yield* sessions.authenticate({ session_jwt: seeded.session_jwt })
        assert.strictEqual(byJwt.session.session_id, seeded.session_id)
        assert.strictEqual(byJwt.session_token, seeded.session_token)
      }))

    it.effect("both identifiers fail TooManySessionArguments, none fails NoSessionArguments, garbage SessionNotFound", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({ user_id: user.user_id })
        const both = yield* sessions.authenticate({ session_token: seeded.session_token, session_jwt: seeded.session_jwt })
          .pipe(Effect.flip)
        assert.strictEqual(both._tag, "TooManySessionArguments")
        const none = yield* sessions.authenticate({}).pipe(Effect.flip)
        assert.strictEqual(none._tag, "NoSessionArguments")
        const garbage = yield* sessions.authenticate({ session_token: "not-a-session-token" }).pipe(Effect.flip)
        assert.strictEqual(garbage._tag, "SessionNotFound")
        // The session itself is untouched by those failures.
        assert.strictEqual((yield* sessions.get({ user_id: user.user_id })).sessions.length, 1)
      }))

    it.effect("session_duration_minutes moves expires_at to now + that many minutes; a bad value changes nothing", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 10 })
        yield* TestClock.adjust("2 minutes")
        const now = yield* Clock.currentTimeMillis
        const extended = yield* sessions.authenticate({ session_token: seeded.session_token, session_duration_minutes: 120 })
        assert.strictEqual(millis(extended.session.expires_at), Math.floor(now / 1000) * 1000 + 120 * 60_000)
        assert.strictEqual(millis(extended.session.last_accessed_at), Math.floor(now / 1000) * 1000)

        const bad = yield* sessions.authenticate({ session_token: seeded.session_token, session_duration_minutes: 2 })
          .pipe(Effect.flip)
        assert.strictEqual(bad._tag, "InvalidSessionDurationMinutes")
        const listed = yield* sessions.get({ user_id: user.user_id })
        assert.strictEqual(listed.sessions[0]!.expires_at, extended.session.expires_at)
        // The extension is real: the session outlives its original 10 minutes.
        yield* TestClock.adjust("30 minutes")
        yield* sessions.authenticate({ session_token: seeded.session_token })
      }))

    it.effect("session_custom_claims land in the session and the new JWT; reserved claims are ignored; null deletes", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const project = emulator.projectId
        const seeded = yield* emulator.seedSession({ user_id: user.user_id, custom_claims: { team: "blue", old: 1 } })
        const response = yield* sessions.authenticate({
          session_token: seeded.session_token,
          session_custom_claims: {
            plan: "pro",
            old: null,
            iss: "evil.example",
            sub: "someone-else",
            aud: ["another-project"],
            exp: 9_999_999_999,
            [SESSION_CLAIM]: { id: "session-test-forged" }
          }
        })
        assert.deepStrictEqual(response.session.custom_claims, { team: "blue", plan: "pro" })

        const claims = jose.decodeJwt(response.session_jwt)
        assert.strictEqual(claims.plan, "pro")
        assert.strictEqual(claims.team, "blue")
        assert.isFalse("old" in claims)
        assert.strictEqual(claims.iss, `stytch.com/${project}`)
        assert.strictEqual(claims.sub, user.user_id)
        assert.deepStrictEqual(claims.aud, [project])
        assert.strictEqual(claims.exp, claims.iat! + 300)
        assert.strictEqual((claims[SESSION_CLAIM] as { id: string }).id, seeded.session_id)

        // The claims persist: a later authenticate without claims still carries them.
        const later = yield* sessions.authenticate({ session_jwt: response.session_jwt })
        assert.deepStrictEqual(later.session.custom_claims, { team: "blue", plan: "pro" })
      }))

    it.effect("authenticateWithClaims decodes the custom claims with a Schema; a mismatch is StytchClaimsError", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({
          user_id: user.user_id,
          custom_claims: { plan: "pro", seats: 3 }
        })
        const Claims = Schema.Struct({ plan: Schema.Literal("free", "pro"), seats: Schema.Number })
        const decoded = yield* sessions.authenticateWithClaims({ session_token: seeded.session_token }, Claims)
        assert.deepStrictEqual(decoded.custom_claims, { plan: "pro", seats: 3 })
        assert.strictEqual(decoded.session.session_id, seeded.session_id)

        const Wrong = Schema.Struct({ plan: Schema.Literal("enterprise") })
        const error = yield* sessions.authenticateWithClaims({ session_token: seeded.session_token }, Wrong)
          .pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchClaimsError")
      }))
  })

  describe("revoke", () => {
    it.effect("by session_id, by session_token and by session_jwt; afterwards authenticate fails SessionNotFound", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const byId = yield* emulator.seedSession({ user_id: user.user_id })
        const byToken = yield* emulator.seedSession({ user_id: user.user_id })
        const byJwt = yield* emulator.seedSession({ user_id: user.user_id })
        const survivor = yield* emulator.seedSession({ user_id: user.user_id })

        yield* sessions.revoke({ session_id: byId.session_id })
        yield* sessions.revoke({ session_token: byToken.session_token })
        yield* sessions.revoke({ session_jwt: byJwt.session_jwt })

        for (const revoked of [byId, byToken, byJwt]) {
          const viaToken = yield* sessions.authenticate({ session_token: revoked.session_token }).pipe(Effect.flip)
          assert.strictEqual(viaToken._tag, "SessionNotFound")
          const viaJwt = yield* sessions.authenticate({ session_jwt: revoked.session_jwt }).pipe(Effect.flip)
          assert.strictEqual(viaJwt._tag, "SessionNotFound")
        }
        const listed = yield* sessions.get({ user_id: user.user_id })
        assert.deepStrictEqual(listed.sessions.map((s) => s.session_id), [survivor.session_id])
        // Revoking twice is a not-found.
        const again = yield* sessions.revoke({ session_id: byId.session_id }).pipe(Effect.flip)
        assert.strictEqual(again._tag, "SessionNotFound")
      }))

    it.effect("two identifiers fail TooManySessionRevokeArguments, none NoSessionRevokeArguments; nothing is revoked", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({ user_id: user.user_id })
        const two = yield* sessions.revoke({ session_id: seeded.session_id, session_token: seeded.session_token })
          .pipe(Effect.flip)
        assert.strictEqual(two._tag, "TooManySessionRevokeArguments")
        const none = yield* sessions.revoke({}).pipe(Effect.flip)
        assert.strictEqual(none._tag, "NoSessionRevokeArguments")
        const still = yield* sessions.authenticate({ session_token: seeded.session_token })
        assert.strictEqual(still.session.session_id, seeded.session_id)
      }))
  })

  describe("expiry", () => {
    it.effect("a session past expires_at fails SessionNotFound and is no longer listed", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 5 })
        yield* TestClock.adjust("4 minutes")
        yield* sessions.authenticate({ session_token: seeded.session_token })
        // Authenticating without a duration does not extend the session.
        yield* TestClock.adjust("1 minute")
        const error = yield* sessions.authenticate({ session_token: seeded.session_token }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "SessionNotFound")
        assert.deepStrictEqual((yield* sessions.get({ user_id: user.user_id })).sessions, [])
      }))

    it.effect("an expired JWT of a live session still authenticates remotely and a new JWT is returned", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const seeded = yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 60 })
        const old = jose.decodeJwt(seeded.session_jwt)
        yield* TestClock.adjust("6 minutes")
        const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
        assert.isTrue(old.exp! < now, "the seeded JWT has expired")

        const response = yield* sessions.authenticate({ session_jwt: seeded.session_jwt })
        assert.strictEqual(response.session.session_id, seeded.session_id)
        assert.notStrictEqual(response.session_jwt, seeded.session_jwt)
        const fresh = jose.decodeJwt(response.session_jwt)
        assert.strictEqual(fresh.iat, now)
        assert.strictEqual(fresh.exp, now + 300)
      }))
  })

  describe("JWKS", () => {
    it.effect("getJWKS serves RSA keys with a kid; the session JWT's kid is among them; another project is 404", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const jwks = yield* sessions.getJWKS({ project_id: emulator.projectId })
        assert.isAbove(jwks.keys.length, 0)
        for (const key of jwks.keys) {
          assert.strictEqual(key.kty, "RSA")
          assert.strictEqual(key.alg, "RS256")
          assert.match(key.kid, /^jwk-test-/)
          assert.isAbove(key.n.length, 300)
          assert.strictEqual(key.e, "AQAB")
        }
        const seeded = yield* emulator.seedSession({ user_id: user.user_id })
        const { kid } = jose.decodeProtectedHeader(seeded.session_jwt)
        assert.include(jwks.keys.map((k) => k.kid), kid)
        const error = yield* sessions.getJWKS({ project_id: "project-test-00000000-0000-4000-8000-00000000dead" })
          .pipe(Effect.flip)
        assert.strictEqual(error._tag, "ProjectNotFound")
      }))

    it.effect("after rotateKeys the JWKS serves the old and the new key, and both generations of JWTs work", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user } = yield* setup()
        const before = yield* emulator.seedSession({ user_id: user.user_id })
        const oldKid = jose.decodeProtectedHeader(before.session_jwt).kid!
        const newKid = yield* emulator.rotateKeys
        assert.notStrictEqual(newKid, oldKid)

        const jwks = yield* sessions.getJWKS({ project_id: emulator.projectId })
        const kids = jwks.keys.map((k) => k.kid)
        assert.include(kids, oldKid)
        assert.include(kids, newKid)

        const after = yield* emulator.seedSession({ user_id: user.user_id })
        assert.strictEqual(jose.decodeProtectedHeader(after.session_jwt).kid, newKid)
        // Remote authentication accepts JWTs signed by either key, and refreshes the old one with the new key.
        const refreshed = yield* sessions.authenticate({ session_jwt: before.session_jwt })
        assert.strictEqual(jose.decodeProtectedHeader(refreshed.session_jwt).kid, newKid)
        yield* sessions.authenticate({ session_jwt: after.session_jwt })
        // Both verify against the served JWKS.
        const keySet = jose.createLocalJWKSet({ keys: jwks.keys.map((k) => ({ ...k })) as Array<jose.JWK> })
        const now = new Date(yield* Clock.currentTimeMillis)
        for (const token of [before.session_jwt, after.session_jwt]) {
          const { payload } = yield* Effect.promise(() => jose.jwtVerify(token, keySet, { currentDate: now }))
          assert.strictEqual(payload.sub, user.user_id)
        }
      }))
  })

  describe("migrate", () => {
    it.scoped("asks the project's UserInfo endpoint and starts a session for the user with that email", () =>
      Effect.gen(function*() {
        const { emulator, sessions, user, email } = yield* setup()
        const server = yield* userInfoServer({ "external-token-1": email, "external-token-2": uniqueEmail("nobody") })
        yield* emulator.updateSettings({ userinfoUrl: server.url })

        const now = yield* Clock.currentTimeMillis
        const migrated = yield* sessions.migrate({ session_token: "external-token-1", session_duration_minutes: 30 })
        assert.deepStrictEqual(server.calls, ["external-token-1"])
        assert.strictEqual(migrated.user_id, user.user_id)
        assert.strictEqual(migrated.user.emails[0]!.email, email)
        assert.strictEqual(migrated.session?.user_id, user.user_id)
        assert.strictEqual(millis(migrated.session?.expires_at), Math.floor(now / 1000) * 1000 + 30 * 60_000)
        const authenticated = yield* sessions.authenticate({ session_token: migrated.session_token })
        assert.strictEqual(authenticated.session.session_id, migrated.session!.session_id)
        assert.strictEqual(jose.decodeJwt(migrated.session_jwt).sub, user.user_id)

        // An email without a Stytch user: UserNotFound, and no session appears.
        const unknown = yield* sessions.migrate({ session_token: "external-token-2" }).pipe(Effect.flip)
        assert.strictEqual(unknown._tag, "UserNotFound")
        // A token the UserInfo endpoint rejects.
        const rejected = yield* sessions.migrate({ session_token: "forged" }).pipe(Effect.flip)
        assert.strictEqual(rejected._tag, "OidcInvalidUserinfo")
        assert.strictEqual((yield* sessions.get({ user_id: user.user_id })).sessions.length, 1)
      }))
  })
})
