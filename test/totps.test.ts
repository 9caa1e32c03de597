/**
 * End-to-end tests of the TOTPs service against the in-process emulator. Codes are computed with the independent
 * `otpauth` package at the TestClock's time, so these tests check the emulator against another implementation.
 */
import { assert, describe, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as OTPAuth from "otpauth"
import { randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { OAuth, Sessions, TOTPs, Users } from "../src/index.js"

const uniqueEmail = (name = "t") => `${name}-${randomUUID().slice(0, 8)}@totps.example.test`

/** A time in the middle of a 30 s step, far from the epoch. */
const T0 = 1_700_000_010_000 + 10_000
const STEP = 30_000

const codeAt = (secret: string, millis: number): string =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: millis
  })

/** A fresh user with a new (unverified) TOTP, at T0 on the TestClock. */
const setup = (options: { readonly external_id?: string } = {}) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(T0)
    const users = yield* Users.Users
    const totps = yield* TOTPs.TOTPs
    const user = yield* users.create({ email: uniqueEmail(), ...options })
    const created = yield* totps.create({ user_id: user.user_id })
    return { users, totps, user_id: user.user_id, created, secret: created.secret }
  })

/** The user's TOTPs as users.get reports them. */
const totpsOf = (user_id: string) =>
  Effect.map(Effect.flatMap(Users.Users, (users) => users.get({ user_id })), (u) => u.totps)

describe("TOTPs", () => {
  layer(StytchEmulator.layerStytch())("create", (it) => {
    it.effect("returns a base32 secret, a PNG QR code and 10 recovery codes; the TOTP starts unverified", () =>
      Effect.gen(function*() {
        const { created, user_id } = yield* setup()
        assert.match(created.secret, /^[A-Z2-7]{32}$/)
        assert.match(created.totp_id, /^totp-test-/)
        assert.strictEqual(created.user_id, user_id)
        assert.strictEqual(created.recovery_codes.length, 10)
        assert.strictEqual(new Set(created.recovery_codes).size, 10)
        for (const code of created.recovery_codes) assert.match(code, /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/)
        assert.deepStrictEqual(created.user.totps, [{ totp_id: created.totp_id, verified: false }])

        const prefix = "data:image/png;base64,"
        assert.isTrue(created.qr_code.startsWith(prefix))
        const png = Buffer.from(created.qr_code.slice(prefix.length), "base64")
        assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        assert.strictEqual(png.subarray(12, 16).toString("ascii"), "IHDR")
        // The response has no otpauth URL field; the QR module's own tests decode the image.
      }))

    it.effect("a second create replaces a pending TOTP, and fails with ActiveTotpExists once one is verified", () =>
      Effect.gen(function*() {
        const { created, secret, totps, user_id } = yield* setup()
        const replacement = yield* totps.create({ user_id })
        assert.notStrictEqual(replacement.totp_id, created.totp_id)
        assert.deepStrictEqual(yield* totpsOf(user_id), [{ totp_id: replacement.totp_id, verified: false }])
        // The replaced TOTP's codes no longer work.
        const stale = yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0) }).pipe(Effect.flip)
        assert.strictEqual(stale._tag, "UnableToAuthenticateTotp")

        yield* totps.authenticate({ user_id, totp_code: codeAt(replacement.secret, T0) })
        const e = yield* totps.create({ user_id }).pipe(Effect.flip)
        assert.strictEqual(e._tag, "ActiveTotpExists")
        assert.strictEqual((e as any).status_code, 400)
        assert.deepStrictEqual(yield* totpsOf(user_id), [{ totp_id: replacement.totp_id, verified: true }])
      }))

    it.effect("unknown users and out-of-range expirations are refused", () =>
      Effect.gen(function*() {
        const totps = yield* TOTPs.TOTPs
        const users = yield* Users.Users
        const e1 = yield* totps.create({ user_id: "user-test-00000000-0000-4000-8000-000000000000" }).pipe(Effect.flip)
        assert.strictEqual(e1._tag, "UserNotFound")
        const user = yield* users.create({ email: uniqueEmail("exp") })
        for (const expiration_minutes of [4, 1441, 7.5]) {
          const e = yield* totps.create({ user_id: user.user_id, expiration_minutes }).pipe(Effect.flip)
          assert.strictEqual(e._tag, "InvalidExpiration")
        }
        assert.deepStrictEqual(yield* totpsOf(user.user_id), [])
      }))

    it.effect("an unverified TOTP expires after expiration_minutes", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(T0)
        const users = yield* Users.Users
        const totps = yield* TOTPs.TOTPs
        const user = yield* users.create({ email: uniqueEmail("expiry") })
        const created = yield* totps.create({ user_id: user.user_id, expiration_minutes: 5 })
        yield* TestClock.adjust("6 minutes")
        const now = T0 + 6 * 60_000
        const e = yield* totps.authenticate({ user_id: user.user_id, totp_code: codeAt(created.secret, now) })
          .pipe(Effect.flip)
        assert.strictEqual(e._tag, "ExpiredTotp")
        assert.deepStrictEqual((yield* totps.recoveryCodes({ user_id: user.user_id })).totps, [])
        // A new enrolment works.
        const again = yield* totps.create({ user_id: user.user_id })
        yield* totps.authenticate({ user_id: user.user_id, totp_code: codeAt(again.secret, now) })
      }))

    it.effect("user_id may be the user's external_id", () =>
      Effect.gen(function*() {
        const external_id = `ext-${randomUUID()}`
        const { secret, totps, user_id } = yield* setup({ external_id })
        const res = yield* totps.authenticate({ user_id: external_id, totp_code: codeAt(secret, T0) })
        assert.strictEqual(res.user_id, user_id)
      }))
  })

  layer(StytchEmulator.layerStytch())("authenticate", (it) => {
    it.effect("the current code verifies the TOTP and starts a session with an authenticator-app factor", () =>
      Effect.gen(function*() {
        const { created, secret, totps, user_id } = yield* setup()
        const res = yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0), session_duration_minutes: 60 })
        assert.strictEqual(res.totp_id, created.totp_id)
        assert.deepStrictEqual(res.user.totps, [{ totp_id: created.totp_id, verified: true }])
        const factor = res.session!.authentication_factors[0]!
        assert.strictEqual(factor.type, "totp")
        assert.strictEqual(factor.delivery_method, "authenticator_app")
        assert.deepStrictEqual(factor.authenticator_app_factor, { totp_id: created.totp_id })
        const checked = yield* (yield* Sessions.Sessions).authenticate({ session_token: res.session_token })
        assert.strictEqual(checked.session.user_id, user_id)
      }))

    it.effect("accepts the previous and the next step, rejects codes two steps away", () =>
      Effect.gen(function*() {
        const previous = yield* setup()
        yield* previous.totps.authenticate({ user_id: previous.user_id, totp_code: codeAt(previous.secret, T0 - STEP) })
        const next = yield* setup()
        yield* next.totps.authenticate({ user_id: next.user_id, totp_code: codeAt(next.secret, T0 + STEP) })

        const { secret, totps, user_id } = yield* setup()
        for (const t of [T0 - 2 * STEP, T0 + 2 * STEP]) {
          const e = yield* totps.authenticate({ user_id, totp_code: codeAt(secret, t), session_duration_minutes: 60 })
            .pipe(Effect.flip)
          assert.strictEqual(e._tag, "UnableToAuthenticateTotp")
          assert.strictEqual((e as any).status_code, 401)
        }
        // The failures changed nothing: still unverified, no session.
        assert.deepStrictEqual((yield* totpsOf(user_id)).map((t) => t.verified), [false])
        assert.deepStrictEqual((yield* (yield* Sessions.Sessions).get({ user_id })).sessions, [])

        // Move the clock a minute on: the code that was two steps ahead is now current.
        yield* TestClock.adjust("60 seconds")
        yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0 + 2 * STEP) })
        assert.deepStrictEqual((yield* totpsOf(user_id)).map((t) => t.verified), [true])
      }))

    it.effect("wrong and malformed codes fail with UnableToAuthenticateTotp", () =>
      Effect.gen(function*() {
        const { secret, totps, user_id } = yield* setup()
        const right = codeAt(secret, T0)
        const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0")
        for (const totp_code of [wrong, "12345", "abcdef", ""]) {
          const e = yield* totps.authenticate({ user_id, totp_code }).pipe(Effect.flip)
          assert.strictEqual(e._tag, "UnableToAuthenticateTotp", `code ${JSON.stringify(totp_code)}`)
        }
        assert.deepStrictEqual((yield* totpsOf(user_id)).map((t) => t.verified), [false])
      }))

    it.effect("a code cannot be replayed, nor can an older one after it", () =>
      Effect.gen(function*() {
        const { secret, totps, user_id } = yield* setup()
        yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0) })
        const replay = yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0) }).pipe(Effect.flip)
        assert.strictEqual(replay._tag, "TotpCodeAlreadyAuthenticated")
        const older = yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0 - STEP) }).pipe(Effect.flip)
        assert.strictEqual(older._tag, "TotpCodeAlreadyAuthenticated")
        // The next step's code is still fine.
        yield* TestClock.adjust("30 seconds")
        yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0 + STEP) })
      }))

    it.effect("a recovery code given as a TOTP code, a user without TOTP, an unknown user", () =>
      Effect.gen(function*() {
        const { created, totps, user_id } = yield* setup()
        const e1 = yield* totps.authenticate({ user_id, totp_code: created.recovery_codes[0]! }).pipe(Effect.flip)
        assert.strictEqual(e1._tag, "RecoveryCodeUsedAsTotpCode")

        const bare = yield* (yield* Users.Users).create({ email: uniqueEmail("bare") })
        const e2 = yield* totps.authenticate({ user_id: bare.user_id, totp_code: "123456" }).pipe(Effect.flip)
        assert.strictEqual(e2._tag, "TotpsNotFoundForUser")

        const missing = "user-test-00000000-0000-4000-8000-000000000000"
        const e3 = yield* totps.authenticate({ user_id: missing, totp_code: "123456" }).pipe(Effect.flip)
        assert.strictEqual(e3._tag, "UserNotFound")
      }))

    it.effect("extends an existing session with the TOTP factor (an MFA step after an OAuth login)", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(T0)
        const emulator = yield* StytchEmulator.StytchEmulator
        const oauth = yield* OAuth.OAuth
        const totps = yield* TOTPs.TOTPs
        const login = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: randomUUID() })).token,
          session_duration_minutes: 60
        })
        const created = yield* totps.create({ user_id: login.user_id })
        const res = yield* totps.authenticate({
          user_id: login.user_id,
          totp_code: codeAt(created.secret, T0),
          session_token: login.session_token
        })
        assert.strictEqual(res.session!.session_id, login.user_session!.session_id)
        assert.deepStrictEqual(res.session!.authentication_factors.map((f) => f.type), ["oauth", "totp"])
      }))

    it.effect("authenticateWithClaims decodes the session's custom claims", () =>
      Effect.gen(function*() {
        const { secret, totps, user_id } = yield* setup()
        const res = yield* totps.authenticateWithClaims(
          {
            user_id,
            totp_code: codeAt(secret, T0),
            session_duration_minutes: 60,
            session_custom_claims: { mfa: true }
          },
          Schema.Struct({ mfa: Schema.Boolean })
        )
        assert.deepStrictEqual(res.custom_claims, { mfa: true })
      }))
  })

  layer(StytchEmulator.layerStytch())("recovery codes", (it) => {
    it.effect("recoveryCodes lists them; recover is single use and starts a session", () =>
      Effect.gen(function*() {
        const { created, secret, totps, user_id } = yield* setup()
        yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0) })

        const listed = yield* totps.recoveryCodes({ user_id })
        assert.strictEqual(listed.user_id, user_id)
        assert.deepStrictEqual(listed.totps, [
          { totp_id: created.totp_id, verified: true, recovery_codes: created.recovery_codes }
        ])

        const code = created.recovery_codes[3]!
        const res = yield* totps.recover({ user_id, recovery_code: code, session_duration_minutes: 60 })
        assert.strictEqual(res.totp_id, created.totp_id)
        assert.strictEqual(res.user_id, user_id)
        const factor = res.session!.authentication_factors[0]!
        assert.strictEqual(factor.type, "recovery_codes")
        assert.strictEqual(factor.delivery_method, "recovery_code")
        assert.match(factor.recovery_code_factor!.totp_recovery_code_id, /^totp-recovery-code-test-/)

        const reused = yield* totps.recover({ user_id, recovery_code: code, session_duration_minutes: 60 })
          .pipe(Effect.flip)
        assert.strictEqual(reused._tag, "UnableToAuthenticateRecoveryCode")
        assert.strictEqual((reused as any).status_code, 401)
        const after = yield* totps.recoveryCodes({ user_id })
        assert.deepStrictEqual(after.totps[0]!.recovery_codes, created.recovery_codes.filter((c) => c !== code))
        // One session: the one recover started; the failed reuse started none.
        assert.strictEqual((yield* (yield* Sessions.Sessions).get({ user_id })).sessions.length, 1)
      }))

    it.effect("unknown codes, TOTP codes and codes of an unverified TOTP are refused, changing nothing", () =>
      Effect.gen(function*() {
        const { created, secret, totps, user_id } = yield* setup()
        // Not verified yet: its recovery codes do not work.
        const pending = yield* totps.recover({ user_id, recovery_code: created.recovery_codes[0]! }).pipe(Effect.flip)
        assert.strictEqual(pending._tag, "UnableToAuthenticateRecoveryCode")
        assert.match(pending.message, /not been verified/)

        yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0) })
        const unknown = yield* totps.recover({ user_id, recovery_code: "aaaa-bbbb-cccc" }).pipe(Effect.flip)
        assert.strictEqual(unknown._tag, "UnableToAuthenticateRecoveryCode")
        const totpCode = yield* totps.recover({ user_id, recovery_code: codeAt(secret, T0) }).pipe(Effect.flip)
        assert.strictEqual(totpCode._tag, "TotpCodeUsedAsRecoveryCode")

        const listed = yield* totps.recoveryCodes({ user_id })
        assert.deepStrictEqual(listed.totps[0]!.recovery_codes, created.recovery_codes)
        // Codes are matched case-insensitively, as users type them.
        yield* totps.recover({ user_id, recovery_code: created.recovery_codes[0]!.toUpperCase() })
      }))

    it.effect("a user without TOTPs has no recovery codes and cannot recover", () =>
      Effect.gen(function*() {
        const totps = yield* TOTPs.TOTPs
        const user = yield* (yield* Users.Users).create({ email: uniqueEmail("none") })
        assert.deepStrictEqual((yield* totps.recoveryCodes({ user_id: user.user_id })).totps, [])
        const e = yield* totps.recover({ user_id: user.user_id, recovery_code: "aaaa-bbbb-cccc" }).pipe(Effect.flip)
        assert.strictEqual(e._tag, "TotpsNotFoundForUser")
      }))

    it.effect("deleting the TOTP (users.deleteTOTP) removes its recovery codes", () =>
      Effect.gen(function*() {
        const { created, secret, totps, user_id, users } = yield* setup()
        yield* totps.authenticate({ user_id, totp_code: codeAt(secret, T0) })
        yield* users.deleteTOTP({ totp_id: created.totp_id })
        assert.deepStrictEqual((yield* totps.recoveryCodes({ user_id })).totps, [])
        const e = yield* totps.recover({ user_id, recovery_code: created.recovery_codes[0]! }).pipe(Effect.flip)
        assert.strictEqual(e._tag, "TotpsNotFoundForUser")
        // And a new TOTP can be enrolled.
        yield* totps.create({ user_id })
      }))
  })
})
