/**
 * The Passwords area of the emulator, end to end through the SDK: create, authenticate, strength check, migrate and
 * the three reset flows, their failures, and that every failure leaves the emulator's state as it was.
 *
 * Most tests run against `StytchEmulator.layerStytch()` (black box). A second block wires the SDK to an emulator
 * whose store the test can reach, for states no public endpoint of this area can produce (a password flagged
 * `requires_reset`, a passwordless login recorded by another area) and to look at what is stored.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, expect, layer } from "@effect/vitest"
import bcrypt from "bcryptjs"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { createHash, randomBytes } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { handlers } from "../emulator/src/handlers/index.js"
import { type AppState, handle } from "../emulator/src/internal/app.js"
import { SigningKeys } from "../emulator/src/internal/jwt.js"
import { defaultSettings, Store } from "../emulator/src/internal/store.js"
import { Passwords, Sessions, Stytch, Users } from "../src/index.js"

// Strong under zxcvbn (score 4), in no breach list, and unrelated to the test emails.
const STRONG = "vX9#qLm2!pR7zT-k"
const STRONG_2 = "Gh7$wPz!4nQe8Lr-j"
const STRONG_3 = "mT3&yB9@cK6^dW1-h"
/** Weak under zxcvbn (score 1) but in no breach list, so the answer is WeakPassword, not BreachedPassword. */
const WEAK = "zebra12"
/** In the emulator's breached list, and weak under zxcvbn too. */
const BREACHED = "password123"

let counter = 0
/** A unique email per call: tests in a block share one emulator. */
const freshEmail = (tag: string) => `${tag}-${++counter}-${randomBytes(3).toString("hex")}@example.com`

const searchByEmail = (email: string) =>
  Effect.flatMap(Users.Users, (users) =>
    users.search({ query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] } }))

/** base64url(sha256(verifier)): the PKCE S256 challenge, computed independently of the emulator. */
const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url")

const resetTokenFor = (email: string) =>
  Effect.gen(function*() {
    const message = yield* (yield* StytchEmulator.StytchEmulator).latestMessage({ to: email, kind: "password_reset" })
    assert.isDefined(message)
    assert.isString(message!.token)
    return message!.token!
  })

layer(StytchEmulator.layerStytch())("Passwords", (it) => {
  // -------------------------------------------------------------------------------------------------------------
  describe("create", () => {
    it.effect("creates a user with an unverified email and a password, without a session by default", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("create")
        const created = yield* passwords.create({
          email,
          password: STRONG,
          name: { first_name: "Ada", last_name: "Lovelace" },
          trusted_metadata: { tier: "gold" },
          untrusted_metadata: { theme: "dark" }
        })
        expect(created.user_id).toMatch(/^user-test-/)
        expect(created.email_id).toMatch(/^email-test-/)
        expect(created.session_token ?? "").toBe("")
        expect(created.session_jwt ?? "").toBe("")
        expect(created.session).toBeUndefined()
        const user = yield* (yield* Users.Users).get({ user_id: created.user_id })
        expect(user.emails).toEqual([{ email_id: created.email_id, email, verified: false }])
        expect(user.password?.requires_reset).toBe(false)
        expect(user.password?.password_id).toMatch(/^password-test-/)
        expect(user.name?.first_name).toBe("Ada")
        expect(user.trusted_metadata).toEqual({ tier: "gold" })
        expect(user.untrusted_metadata).toEqual({ theme: "dark" })
        // The password is really stored: it authenticates, and another one does not.
        const auth = yield* passwords.authenticate({ email, password: STRONG })
        expect(auth.user_id).toBe(created.user_id)
      }))

    it.effect("starts a password session with custom claims when session_duration_minutes is given", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("create-session")
        const created = yield* passwords.create({
          email,
          password: STRONG,
          session_duration_minutes: 60,
          session_custom_claims: { plan: "pro" }
        })
        assert.isDefined(created.session)
        const session = created.session!
        expect(session.user_id).toBe(created.user_id)
        expect(session.custom_claims).toEqual({ plan: "pro" })
        expect(session.authentication_factors).toHaveLength(1)
        const f = session.authentication_factors[0]!
        expect(f.type).toBe("password")
        expect(f.delivery_method).toBe("knowledge")
        expect(f.email_factor).toEqual({ email_id: created.email_id, email_address: email })
        expect(Date.parse(session.expires_at!) - Date.parse(session.started_at!)).toBe(60 * 60_000)
        const checked = yield* (yield* Sessions.Sessions).authenticate({ session_token: created.session_token! })
        expect(checked.session.session_id).toBe(session.session_id)
      }))

    it.effect("fails DuplicateEmail for an existing email, whatever its factors, and changes nothing", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const users = yield* Users.Users
        const email = freshEmail("dup")
        const passwordless = yield* users.create({ email })
        const e1 = yield* passwords.create({ email: email.toUpperCase(), password: STRONG }).pipe(Effect.flip)
        expect(e1._tag).toBe("DuplicateEmail")
        expect((yield* users.get({ user_id: passwordless.user_id })).password).toBeUndefined()

        const other = freshEmail("dup-pw")
        yield* passwords.create({ email: other, password: STRONG })
        const e2 = yield* passwords.create({ email: other, password: STRONG_2 }).pipe(Effect.flip)
        expect(e2._tag).toBe("DuplicateEmail")
        // The first password is still the one that works.
        yield* passwords.authenticate({ email: other, password: STRONG })
        const wrong = yield* passwords.authenticate({ email: other, password: STRONG_2 }).pipe(Effect.flip)
        expect(wrong._tag).toBe("UnauthorizedCredentials")
      }))

    it.effect("fails WeakPassword and BreachedPassword and creates no user", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const weakEmail = freshEmail("weak")
        const weak = yield* passwords.create({ email: weakEmail, password: WEAK }).pipe(Effect.flip)
        expect(weak._tag).toBe("WeakPassword")
        if (weak._tag === "WeakPassword") expect(weak.status_code).toBe(400)
        expect((yield* searchByEmail(weakEmail)).results).toHaveLength(0)

        const breachedEmail = freshEmail("breached")
        const breached = yield* passwords.create({ email: breachedEmail, password: BREACHED }).pipe(Effect.flip)
        expect(breached._tag).toBe("BreachedPassword")
        expect((yield* searchByEmail(breachedEmail)).results).toHaveLength(0)
      }))

    it.effect("fails InvalidEmail and InvalidSessionDurationMinutes and creates no user", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const bad = yield* passwords.create({ email: "not-an-email", password: STRONG }).pipe(Effect.flip)
        expect(bad._tag).toBe("InvalidEmail")
        const email = freshEmail("bad-duration")
        const e = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 1 }).pipe(Effect.flip)
        expect(e._tag).toBe("InvalidSessionDurationMinutes")
        expect((yield* searchByEmail(email)).results).toHaveLength(0)
      }))

    it.effect("20 parallel creates with distinct emails all succeed", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const emails = Array.from({ length: 20 }, () => freshEmail("parallel"))
        const created = yield* Effect.all(
          emails.map((email) => passwords.create({ email, password: STRONG })),
          { concurrency: "unbounded" }
        )
        expect(new Set(created.map((c) => c.user_id)).size).toBe(20)
        for (const [i, email] of emails.entries()) {
          const found = (yield* searchByEmail(email)).results
          expect(found.map((u) => u.user_id)).toEqual([created[i]!.user_id])
        }
      }))

    it.effect("10 parallel creates with one email: exactly one succeeds, the rest fail DuplicateEmail", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("race")
        const attempts = Array.from({ length: 10 }, (_, i) => `${STRONG}-${i}`)
        const results = yield* Effect.all(
          attempts.map((password) => Effect.either(passwords.create({ email, password }))),
          { concurrency: "unbounded" }
        )
        const winners = results.flatMap((r, i) => r._tag === "Right" ? [i] : [])
        expect(winners).toHaveLength(1)
        for (const r of results) if (r._tag === "Left") expect(r.left._tag).toBe("DuplicateEmail")
        expect((yield* searchByEmail(email)).results).toHaveLength(1)
        // The stored password is the winner's.
        yield* passwords.authenticate({ email, password: attempts[winners[0]!]! })
        const loser = attempts[(winners[0]! + 1) % 10]!
        expect((yield* passwords.authenticate({ email, password: loser }).pipe(Effect.flip))._tag)
          .toBe("UnauthorizedCredentials")
      }))
  })

  // -------------------------------------------------------------------------------------------------------------
  describe("authenticate", () => {
    it.effect("answers the user, and a session only when asked for one", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("auth")
        const created = yield* passwords.create({ email, password: STRONG })
        const plain = yield* passwords.authenticate({ email, password: STRONG })
        expect(plain.user_id).toBe(created.user_id)
        expect(plain.user.user_id).toBe(created.user_id)
        expect(plain.session_token).toBe("")
        expect(plain.session).toBeUndefined()

        const withSession = yield* passwords.authenticate({ email, password: STRONG, session_duration_minutes: 30 })
        assert.isDefined(withSession.session)
        expect(withSession.session!.authentication_factors.map((f) => f.type)).toEqual(["password"])
        expect(withSession.session_jwt.split(".")).toHaveLength(3)
        const sessions = yield* Sessions.Sessions
        const checked = yield* sessions.authenticate({ session_token: withSession.session_token })
        expect(checked.user.user_id).toBe(created.user_id)
      }))

    it.effect("extends the session named by session_token or session_jwt", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("auth-extend")
        const created = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 10 })
        yield* TestClock.adjust("2 minutes")
        const byToken = yield* passwords.authenticate({
          email,
          password: STRONG,
          session_token: created.session_token!,
          session_duration_minutes: 60
        })
        expect(byToken.session!.session_id).toBe(created.session!.session_id)
        expect(byToken.session_token).toBe(created.session_token)
        expect(Date.parse(byToken.session!.expires_at!)).toBe(2 * 60_000 + 60 * 60_000)
        const byJwt = yield* passwords.authenticate({ email, password: STRONG, session_jwt: byToken.session_jwt })
        expect(byJwt.session!.session_id).toBe(created.session!.session_id)
      }))

    it.effect("fails EmailNotFound, NoUserPassword and UnauthorizedCredentials (401)", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const unknown = yield* passwords.authenticate({ email: freshEmail("nobody"), password: STRONG })
          .pipe(Effect.flip)
        expect(unknown._tag).toBe("EmailNotFound")

        const passwordless = freshEmail("passwordless")
        yield* (yield* Users.Users).create({ email: passwordless })
        const none = yield* passwords.authenticate({ email: passwordless, password: STRONG }).pipe(Effect.flip)
        expect(none._tag).toBe("NoUserPassword")

        const email = freshEmail("wrong")
        yield* passwords.create({ email, password: STRONG })
        const wrong = yield* passwords.authenticate({ email, password: STRONG_2, session_duration_minutes: 60 })
          .pipe(Effect.flip)
        expect(wrong._tag).toBe("UnauthorizedCredentials")
        if (wrong._tag === "UnauthorizedCredentials") expect(wrong.status_code).toBe(401)
        // No session was started by the failed attempt.
        const user = (yield* searchByEmail(email)).results[0]!
        expect((yield* (yield* Sessions.Sessions).get({ user_id: user.user_id })).sessions).toHaveLength(0)
      }))

    it.effect("decodes session custom claims with authenticateWithClaims", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("claims")
        const created = yield* passwords.create({
          email,
          password: STRONG,
          session_duration_minutes: 60,
          session_custom_claims: { plan: "pro", seats: 3 }
        })
        const Claims = Schema.Struct({ plan: Schema.Literal("pro", "free"), seats: Schema.Number })
        const res = yield* passwords.authenticateWithClaims(
          { email, password: STRONG, session_token: created.session_token! },
          Claims
        )
        expect(res.custom_claims).toEqual({ plan: "pro", seats: 3 })
        expect(res.user_id).toBe(created.user_id)
        const mismatch = yield* passwords.authenticateWithClaims(
          { email, password: STRONG, session_token: created.session_token! },
          Schema.Struct({ plan: Schema.Number })
        ).pipe(Effect.flip)
        expect(mismatch._tag).toBe("StytchClaimsError")
      }))
  })

  // -------------------------------------------------------------------------------------------------------------
  describe("strengthCheck", () => {
    it.effect("scores with zxcvbn by default and reports breaches", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const strong = yield* passwords.strengthCheck({ password: STRONG })
        expect(strong.valid_password).toBe(true)
        expect(strong.score).toBeGreaterThanOrEqual(3)
        expect(strong.strength_policy).toBe("zxcvbn")
        expect(strong.breached_password).toBe(false)
        expect(strong.breach_detection_on_create).toBe(true)

        const weak = yield* passwords.strengthCheck({ password: WEAK })
        expect(weak.valid_password).toBe(false)
        expect(weak.score).toBeLessThan(3)
        expect(weak.feedback?.suggestions.length).toBeGreaterThan(0)
        expect(weak.feedback?.luds_requirements).toBeUndefined()

        const breached = yield* passwords.strengthCheck({ password: BREACHED })
        expect(breached.breached_password).toBe(true)
        expect(breached.valid_password).toBe(false)
      }))

    it.effect("penalises the email's words", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const password = "zanzibarquokka"
        const alone = yield* passwords.strengthCheck({ password })
        const withEmail = yield* passwords.strengthCheck({ password, email: "zanzibar.quokka@example.com" })
        expect(withEmail.score).toBeLessThan(alone.score)
      }))
  })

  // -------------------------------------------------------------------------------------------------------------
  describe("migrate", () => {
    it.effect("imports a bcrypt hash (made with bcryptjs) for a new user, which then authenticates", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("bcrypt")
        const hash = bcrypt.hashSync(STRONG, 4)
        const migrated = yield* passwords.migrate({
          email,
          hash,
          hash_type: "bcrypt",
          set_email_verified: true,
          name: { first_name: "Grace" },
          trusted_metadata: { source: "legacy" }
        })
        expect(migrated.user_created).toBe(true)
        expect(migrated.user?.emails).toEqual([{ email_id: migrated.email_id, email, verified: true }])
        expect(migrated.user?.name?.first_name).toBe("Grace")
        expect(migrated.user?.trusted_metadata).toEqual({ source: "legacy" })
        const wrong = yield* passwords.authenticate({ email, password: STRONG_2 }).pipe(Effect.flip)
        expect(wrong._tag).toBe("UnauthorizedCredentials")
        // Twice: the first login upgrades the hash, the second verifies the upgraded one.
        for (let i = 0; i < 2; i++) {
          const auth = yield* passwords.authenticate({ email, password: STRONG, session_duration_minutes: 5 })
          expect(auth.user_id).toBe(migrated.user_id)
        }
      }))

    it.effect("imports salted MD-5 and SHA-1 and unsalted SHA-512 digests (made with node:crypto)", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const md5Email = freshEmail("md5")
        yield* passwords.migrate({
          email: md5Email,
          hash: createHash("md5").update(`pre-${STRONG}-post`).digest("hex"),
          hash_type: "md_5",
          md_5_config: { prepend_salt: "pre-", append_salt: "-post" }
        })
        yield* passwords.authenticate({ email: md5Email, password: STRONG })
        expect((yield* passwords.authenticate({ email: md5Email, password: STRONG_2 }).pipe(Effect.flip))._tag)
          .toBe("UnauthorizedCredentials")

        const sha1Email = freshEmail("sha1")
        yield* passwords.migrate({
          email: sha1Email,
          hash: createHash("sha1").update(`salt${STRONG}`).digest("hex"),
          hash_type: "sha_1",
          sha_1_config: { prepend_salt: "salt", append_salt: "" }
        })
        yield* passwords.authenticate({ email: sha1Email, password: STRONG })

        const sha512Email = freshEmail("sha512")
        yield* passwords.migrate({
          email: sha512Email,
          hash: createHash("sha512").update(STRONG).digest("base64"),
          hash_type: "sha_512"
        })
        const auth = yield* passwords.authenticate({ email: sha512Email, password: STRONG })
        expect(auth.user.emails[0]!.email).toBe(sha512Email)
      }))

    it.effect("adds the password to an existing passwordless user", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("migrate-existing")
        const existing = yield* (yield* Users.Users).create({ email })
        const migrated = yield* passwords.migrate({ email, hash: bcrypt.hashSync(STRONG, 4), hash_type: "bcrypt" })
        expect(migrated.user_created).toBe(false)
        expect(migrated.user_id).toBe(existing.user_id)
        expect(migrated.email_id).toBe(existing.email_id)
        expect(migrated.user?.password).toBeDefined()
        yield* passwords.authenticate({ email, password: STRONG })
      }))

    it.effect("refuses a user that already has a password, and keeps that password", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("migrate-twice")
        yield* passwords.create({ email, password: STRONG })
        const e = yield* passwords.migrate({ email, hash: bcrypt.hashSync(STRONG_2, 4), hash_type: "bcrypt" })
          .pipe(Effect.flip)
        expect(e._tag).toBe("PasswordAlreadyExists")
        yield* passwords.authenticate({ email, password: STRONG })
        expect((yield* passwords.authenticate({ email, password: STRONG_2 }).pipe(Effect.flip))._tag)
          .toBe("UnauthorizedCredentials")
      }))

    it.effect("rejects bad hash types, malformed hashes and bad configs, creating no user", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("migrate-bad")
        const scryptConfig = {
          salt: randomBytes(16).toString("base64"),
          n_parameter: 1024,
          r_parameter: 8,
          p_parameter: 1,
          key_length: 32
        }
        const cases = [
          [{ hash: "x", hash_type: "rot13" }, "InvalidHashType"],
          [{ hash: "not-a-bcrypt-hash", hash_type: "bcrypt" }, "InvalidBcryptHash"],
          [{ hash: "abcd", hash_type: "md_5" }, "InvalidMd5Hash"],
          [{ hash: createHash("sha1").update(STRONG).digest("hex"), hash_type: "sha_512" }, "InvalidSha512Hash"],
          [{
            hash: randomBytes(32).toString("base64"),
            hash_type: "scrypt",
            scrypt_config: { ...scryptConfig, n_parameter: 1000 }
          }, "InvalidScryptNParameter"],
          [{
            hash: randomBytes(32).toString("base64"),
            hash_type: "scrypt",
            scrypt_config: { ...scryptConfig, key_length: 64 }
          }, "ScryptKeyLengthMismatch"],
          [{
            hash: randomBytes(16).toString("hex"),
            hash_type: "argon_2id",
            argon_2_config: { salt: "saltsaltsalt", iteration_amount: 2, memory: 64, threads: 1, key_length: 32 }
          }, "Argon2KeyLengthMismatch"]
        ] as const
        for (const [fields, tag] of cases) {
          const e = yield* passwords.migrate({ email, ...fields }).pipe(Effect.flip)
          expect(e._tag, JSON.stringify(fields)).toBe(tag)
        }
        expect((yield* searchByEmail(email)).results).toHaveLength(0)
      }))

    it.effect("a correct but breached imported password must be reset (ResetPassword)", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("migrate-breached")
        yield* passwords.migrate({ email, hash: bcrypt.hashSync(BREACHED, 4), hash_type: "bcrypt" })
        const e = yield* passwords.authenticate({ email, password: BREACHED }).pipe(Effect.flip)
        expect(e._tag).toBe("ResetPassword")
        // A wrong password learns nothing about the reset requirement.
        const wrong = yield* passwords.authenticate({ email, password: STRONG }).pipe(Effect.flip)
        expect(wrong._tag).toBe("UnauthorizedCredentials")
        // The email reset flow clears it.
        yield* passwords.email.resetStart({ email })
        yield* passwords.email.reset({ token: yield* resetTokenFor(email), password: STRONG })
        yield* passwords.authenticate({ email, password: STRONG })
      }))
  })

  // -------------------------------------------------------------------------------------------------------------
  describe("email reset", () => {
    it.effect("a reset link through the outbox resets the password, verifies the email and logs in", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const emulator = yield* StytchEmulator.StytchEmulator
        const email = freshEmail("reset")
        const created = yield* passwords.create({ email, password: STRONG })
        const started = yield* passwords.email.resetStart({ email })
        expect(started).toMatchObject({ user_id: created.user_id, email_id: created.email_id })
        const message = yield* emulator.latestMessage({ to: email, kind: "password_reset" })
        assert.isDefined(message)
        expect(message!.channel).toBe("email")
        expect(message!.user_id).toBe(created.user_id)
        const url = new URL(message!.url!)
        expect(`${url.origin}${url.pathname}`).toBe((yield* emulator.settings).resetPasswordRedirectUrl)
        expect(url.searchParams.get("stytch_token_type")).toBe("reset_password")
        expect(url.searchParams.get("token")).toBe(message!.token)

        const reset = yield* passwords.email.reset({
          token: message!.token!,
          password: STRONG_2,
          session_duration_minutes: 60
        })
        expect(reset.user_id).toBe(created.user_id)
        expect(reset.user.emails[0]!.verified).toBe(true)
        assert.isDefined(reset.session)
        expect(reset.session!.authentication_factors.map((f) => [f.type, f.delivery_method])).toEqual([[
          "magic_link",
          "email"
        ]])
        yield* (yield* Sessions.Sessions).authenticate({ session_token: reset.session_token })
        yield* passwords.authenticate({ email, password: STRONG_2 })
        expect((yield* passwords.authenticate({ email, password: STRONG }).pipe(Effect.flip))._tag)
          .toBe("UnauthorizedCredentials")

        // Single use.
        const reused = yield* passwords.email.reset({ token: message!.token!, password: STRONG_3 }).pipe(Effect.flip)
        expect(reused._tag).toBe("UnableToAuthPasswordResetToken")
        yield* passwords.authenticate({ email, password: STRONG_2 })
      }))

    it.effect("uses the request's redirect URL, keeping its query", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("reset-redirect")
        yield* passwords.create({ email, password: STRONG })
        yield* passwords.email.resetStart({
          email,
          reset_password_redirect_url: "https://app.example.com/reset?from=mail",
          locale: "es"
        })
        const message = yield* (yield* StytchEmulator.StytchEmulator).latestMessage({ to: email })
        const url = new URL(message!.url!)
        expect(url.host).toBe("app.example.com")
        expect(url.searchParams.get("from")).toBe("mail")
        expect(url.searchParams.get("token")).toBe(message!.token)
        expect(message!.locale).toBe("es")
      }))

    it.effect("resetStart fails EmailNotFound or InvalidExpiration and sends nothing", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const emulator = yield* StytchEmulator.StytchEmulator
        const before = (yield* emulator.outbox({ kind: "password_reset" })).length
        const unknown = yield* passwords.email.resetStart({ email: freshEmail("nobody") }).pipe(Effect.flip)
        expect(unknown._tag).toBe("EmailNotFound")
        const email = freshEmail("reset-expiry-bad")
        yield* passwords.create({ email, password: STRONG })
        const tooShort = yield* passwords.email.resetStart({ email, reset_password_expiration_minutes: 2 })
          .pipe(Effect.flip)
        expect(tooShort._tag).toBe("InvalidExpiration")
        expect((yield* emulator.outbox({ kind: "password_reset" })).length).toBe(before)
      }))

    it.effect("an unknown token fails UnableToAuthPasswordResetToken", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const e = yield* passwords.email.reset({ token: "no-such-token", password: STRONG }).pipe(Effect.flip)
        expect(e._tag).toBe("UnableToAuthPasswordResetToken")
      }))

    it.effect("tokens expire (default 30 minutes, or reset_password_expiration_minutes)", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("reset-expiry")
        yield* passwords.create({ email, password: STRONG })
        yield* passwords.email.resetStart({ email })
        const defaultToken = yield* resetTokenFor(email)
        yield* passwords.email.resetStart({ email, reset_password_expiration_minutes: 60 })
        const longToken = yield* resetTokenFor(email)
        yield* TestClock.adjust("31 minutes")
        const expired = yield* passwords.email.reset({ token: defaultToken, password: STRONG_2 }).pipe(Effect.flip)
        expect(expired._tag).toBe("UnableToAuthPasswordResetToken")
        yield* passwords.authenticate({ email, password: STRONG })
        yield* passwords.email.reset({ token: longToken, password: STRONG_2 })
        yield* passwords.authenticate({ email, password: STRONG_2 })
      }))

    it.effect("PKCE: a missing or wrong code_verifier fails and leaves the token usable", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("pkce")
        yield* passwords.create({ email, password: STRONG })
        const verifier = randomBytes(32).toString("base64url")
        yield* passwords.email.resetStart({ email, code_challenge: challengeOf(verifier) })
        const token = yield* resetTokenFor(email)
        const missing = yield* passwords.email.reset({ token, password: STRONG_2 }).pipe(Effect.flip)
        expect(missing._tag).toBe("PkceExpectedCodeVerifier")
        const wrong = yield* passwords.email.reset({
          token,
          password: STRONG_2,
          code_verifier: randomBytes(32).toString("base64url")
        }).pipe(Effect.flip)
        expect(wrong._tag).toBe("PkceMismatch")
        yield* passwords.authenticate({ email, password: STRONG })
        yield* passwords.email.reset({ token, password: STRONG_2, code_verifier: verifier })
        yield* passwords.authenticate({ email, password: STRONG_2 })
      }))

    it.effect("a code_verifier without a code_challenge fails PkceDidNotExpectCodeVerifier", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("pkce-none")
        yield* passwords.create({ email, password: STRONG })
        yield* passwords.email.resetStart({ email })
        const token = yield* resetTokenFor(email)
        const e = yield* passwords.email.reset({ token, password: STRONG_2, code_verifier: "v" }).pipe(Effect.flip)
        expect(e._tag).toBe("PkceDidNotExpectCodeVerifier")
      }))

    it.effect("a weak or breached new password fails, the old one keeps working and the token stays usable", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("reset-weak")
        yield* passwords.create({ email, password: STRONG })
        yield* passwords.email.resetStart({ email })
        const token = yield* resetTokenFor(email)
        expect((yield* passwords.email.reset({ token, password: WEAK }).pipe(Effect.flip))._tag).toBe("WeakPassword")
        expect((yield* passwords.email.reset({ token, password: BREACHED }).pipe(Effect.flip))._tag)
          .toBe("BreachedPassword")
        yield* passwords.authenticate({ email, password: STRONG })
        yield* passwords.email.reset({ token, password: STRONG_2 })
      }))

    it.effect("IP and user agent matching, when the reset asks for it", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("reset-attrs")
        yield* passwords.create({ email, password: STRONG })
        yield* passwords.email.resetStart({ email, attributes: { ip_address: "203.0.113.7", user_agent: "UA/1" } })
        const token = yield* resetTokenFor(email)
        const options = { ip_match_required: true, user_agent_match_required: true }
        const e = yield* passwords.email.reset({
          token,
          password: STRONG_2,
          options,
          attributes: { ip_address: "198.51.100.1", user_agent: "UA/1" }
        }).pipe(Effect.flip)
        expect(e._tag).toBe("AttributeMismatch")
        yield* passwords.email.reset({
          token,
          password: STRONG_2,
          options,
          attributes: { ip_address: "203.0.113.7", user_agent: "UA/1" }
        })
        yield* passwords.authenticate({ email, password: STRONG_2 })
      }))

    it.effect("revokes every session of the user", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const sessions = yield* Sessions.Sessions
        const email = freshEmail("reset-revoke")
        const a = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 60 })
        const b = yield* passwords.authenticate({ email, password: STRONG, session_duration_minutes: 60 })
        yield* passwords.email.resetStart({ email })
        const reset = yield* passwords.email.reset({ token: yield* resetTokenFor(email), password: STRONG_2 })
        expect(reset.session_token).toBe("")
        for (const session_token of [a.session_token!, b.session_token]) {
          const e = yield* sessions.authenticate({ session_token }).pipe(Effect.flip)
          expect(e._tag).toBe("SessionNotFound")
        }
        expect((yield* sessions.get({ user_id: a.user_id })).sessions).toHaveLength(0)
      }))
  })

  // -------------------------------------------------------------------------------------------------------------
  describe("existingPassword.reset", () => {
    it.effect("replaces the password, revokes the old sessions and can start a new one", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const sessions = yield* Sessions.Sessions
        const email = freshEmail("existing")
        const created = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 60 })
        const reset = yield* passwords.existingPassword.reset({
          email,
          existing_password: STRONG,
          new_password: STRONG_2,
          session_duration_minutes: 60
        })
        expect(reset.user_id).toBe(created.user_id)
        assert.isDefined(reset.session)
        expect(reset.session!.session_id).not.toBe(created.session!.session_id)
        expect((yield* sessions.authenticate({ session_token: created.session_token! }).pipe(Effect.flip))._tag)
          .toBe("SessionNotFound")
        yield* sessions.authenticate({ session_token: reset.session_token! })
        yield* passwords.authenticate({ email, password: STRONG_2 })
        expect((yield* passwords.authenticate({ email, password: STRONG }).pipe(Effect.flip))._tag)
          .toBe("UnauthorizedCredentials")
      }))

    it.effect("fails on a wrong existing password, the same password or a weak one, changing nothing", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const sessions = yield* Sessions.Sessions
        const email = freshEmail("existing-bad")
        const created = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 60 })
        const wrong = yield* passwords.existingPassword.reset({
          email,
          existing_password: STRONG_3,
          new_password: STRONG_2
        }).pipe(Effect.flip)
        expect(wrong._tag).toBe("UnauthorizedCredentials")
        const same = yield* passwords.existingPassword.reset({ email, existing_password: STRONG, new_password: STRONG })
          .pipe(Effect.flip)
        expect(same._tag).toBe("CannotResetPasswordWithExistingPassword")
        const weak = yield* passwords.existingPassword.reset({ email, existing_password: STRONG, new_password: WEAK })
          .pipe(Effect.flip)
        expect(weak._tag).toBe("WeakPassword")
        const unknown = yield* passwords.existingPassword.reset({
          email: freshEmail("nobody"),
          existing_password: STRONG,
          new_password: STRONG_2
        }).pipe(Effect.flip)
        expect(unknown._tag).toBe("EmailNotFound")
        yield* passwords.authenticate({ email, password: STRONG })
        yield* sessions.authenticate({ session_token: created.session_token! })
      }))
  })

  // -------------------------------------------------------------------------------------------------------------
  describe("sessions.reset", () => {
    it.effect("resets with a fresh session, keeping it and revoking the user's other sessions", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const sessions = yield* Sessions.Sessions
        const email = freshEmail("session-reset")
        const a = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 120 })
        const b = yield* passwords.authenticate({ email, password: STRONG, session_duration_minutes: 120 })
        yield* TestClock.adjust("4 minutes")
        const reset = yield* passwords.sessions.reset({ password: STRONG_2, session_token: a.session_token! })
        expect(reset.user_id).toBe(a.user_id)
        expect(reset.session?.session_id).toBe(a.session!.session_id)
        expect(reset.session_token).toBe(a.session_token)
        yield* sessions.authenticate({ session_token: a.session_token! })
        expect((yield* sessions.authenticate({ session_token: b.session_token }).pipe(Effect.flip))._tag)
          .toBe("SessionNotFound")
        yield* passwords.authenticate({ email, password: STRONG_2 })
      }))

    it.effect("accepts a session JWT", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const email = freshEmail("session-reset-jwt")
        const a = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 60 })
        const reset = yield* passwords.sessions.reset({ password: STRONG_2, session_jwt: a.session_jwt! })
        expect(reset.session?.session_id).toBe(a.session!.session_id)
        yield* passwords.authenticate({ email, password: STRONG_2 })
      }))

    it.effect("fails SessionTooOldToResetPassword after five minutes, changing nothing", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const sessions = yield* Sessions.Sessions
        const email = freshEmail("session-old")
        const a = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 120 })
        const b = yield* passwords.authenticate({ email, password: STRONG, session_duration_minutes: 120 })
        yield* TestClock.adjust("6 minutes")
        const e = yield* passwords.sessions.reset({ password: STRONG_2, session_token: a.session_token! })
          .pipe(Effect.flip)
        expect(e._tag).toBe("SessionTooOldToResetPassword")
        yield* sessions.authenticate({ session_token: b.session_token })
        yield* passwords.authenticate({ email, password: STRONG })
      }))

    it.effect("fails SessionNotFound for an unknown session and WeakPassword for a weak password", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const unknown = yield* passwords.sessions.reset({ password: STRONG_2, session_token: "nope" }).pipe(Effect.flip)
        expect(unknown._tag).toBe("SessionNotFound")
        const email = freshEmail("session-weak")
        const a = yield* passwords.create({ email, password: STRONG, session_duration_minutes: 60 })
        const weak = yield* passwords.sessions.reset({ password: WEAK, session_token: a.session_token! })
          .pipe(Effect.flip)
        expect(weak._tag).toBe("WeakPassword")
        yield* passwords.authenticate({ email, password: STRONG })
      }))
  })
})

// ---------------------------------------------------------------------------------------------------------------
// LUDS policy, on its own emulator so the setting cannot leak into the tests above.

layer(StytchEmulator.layerStytch())("Passwords under a LUDS policy", (it) => {
  it.effect("strengthCheck reports LUDS requirements, and create/reset enforce them", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const passwords = yield* Passwords.Passwords
      yield* emulator.updateSettings({
        passwordPolicy: { policy: "luds", ludsMinLength: 10, ludsMinCharTypes: 3, checkBreached: true }
      })
      const lowerOnly = "correcthorsebatterystaplezebra"
      const check = yield* passwords.strengthCheck({ password: lowerOnly })
      expect(check.strength_policy).toBe("luds")
      expect(check.valid_password).toBe(false)
      expect(check.feedback?.luds_requirements).toEqual({
        has_lower_case: true,
        has_upper_case: false,
        has_digit: false,
        has_symbol: false,
        missing_complexity: 2,
        missing_characters: 0
      })
      const short = yield* passwords.strengthCheck({ password: "Ab1!" })
      expect(short.feedback?.luds_requirements?.missing_characters).toBe(6)

      const email = freshEmail("luds")
      expect((yield* passwords.create({ email, password: lowerOnly }).pipe(Effect.flip))._tag).toBe("WeakPassword")
      expect((yield* searchByEmail(email)).results).toHaveLength(0)
      // Valid under LUDS although zxcvbn would call it weak.
      const ludsOk = "Abcdefgh1!"
      expect((yield* passwords.strengthCheck({ password: ludsOk })).valid_password).toBe(true)
      yield* passwords.create({ email, password: ludsOk })
      const e = yield* passwords.existingPassword.reset({ email, existing_password: ludsOk, new_password: "short1A" })
        .pipe(Effect.flip)
      expect(e._tag).toBe("WeakPassword")
      yield* passwords.authenticate({ email, password: ludsOk })
    }))
})

// ---------------------------------------------------------------------------------------------------------------
// White box: the SDK wired to an emulator whose store the tests can read and prepare.

const PROJECT_ID = "project-test-11111111-1111-4111-8111-111111111111"
const SECRET = "secret-test-white-box"
const store = new Store(defaultSettings(PROJECT_ID, SECRET))
const state: AppState = { store, keys: new SigningKeys(PROJECT_ID), faults: [], handlers, control: () => undefined }
// httpClient only calls `handle`, so the rest of the emulator service is not needed here.
const whiteBoxClient = StytchEmulator.httpClient({
  handle: (request, baseUrl = StytchEmulator.inProcessBaseUrl) => handle(state, request, baseUrl)
} as StytchEmulator.Service)
const WhiteBox = Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: StytchEmulator.inProcessBaseUrl }).pipe(
  Layer.provide(Layer.succeed(HttpClient.HttpClient, whiteBoxClient))
)

const storedUser = (user_id: string) => {
  const user = store.users.get(user_id)
  assert.isDefined(user)
  return user!
}

layer(WhiteBox)("Passwords (white box)", (it) => {
  it.effect("stores a salted hash, never the password", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const created = yield* passwords.create({ email: freshEmail("wb-hash"), password: STRONG })
      const record = storedUser(created.user_id).password!
      expect(record.kind).toBe("native")
      expect(record.hash).toMatch(/^scrypt\$/)
      expect(record.hash).not.toContain(STRONG)
    }))

  it.effect("requires_reset: a correct password fails ResetPassword, a wrong one UnauthorizedCredentials", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const email = freshEmail("wb-requires-reset")
      const created = yield* passwords.create({ email, password: STRONG })
      storedUser(created.user_id).password!.requiresReset = true
      const user = yield* (yield* Users.Users).get({ user_id: created.user_id })
      expect(user.password?.requires_reset).toBe(true)
      const e = yield* passwords.authenticate({ email, password: STRONG, session_duration_minutes: 60 })
        .pipe(Effect.flip)
      expect(e._tag).toBe("ResetPassword")
      if (e._tag === "ResetPassword") expect(e.status_code).toBe(400)
      expect((yield* passwords.authenticate({ email, password: STRONG_2 }).pipe(Effect.flip))._tag)
        .toBe("UnauthorizedCredentials")
      // The flagged password cannot authorise its own replacement either.
      const viaExisting = yield* passwords.existingPassword.reset({
        email,
        existing_password: STRONG,
        new_password: STRONG_2
      }).pipe(Effect.flip)
      expect(viaExisting._tag).toBe("ResetPassword")
      expect([...store.sessions.values()].filter((s) => s.user_id === created.user_id)).toHaveLength(0)
      // Resetting by email clears the flag.
      yield* passwords.email.resetStart({ email })
      const token = [...store.tokens.values()]
        .find((t) => t.user_id === created.user_id && t.kind === "password_reset")!
      yield* passwords.email.reset({ token: token.token, password: STRONG_2 })
      expect(storedUser(created.user_id).password!.requiresReset).toBe(false)
      yield* passwords.authenticate({ email, password: STRONG_2 })
    }))

  it.effect("pre-hijack: a passwordless login after the password was set forces a reset", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const email = freshEmail("wb-hijack")
      const created = yield* passwords.create({ email, password: STRONG })
      // What the magic-link / OTP / OAuth handlers record when this email logs in without a password.
      storedUser(created.user_id).passwordlessEmails.add(email.toLowerCase())
      expect((yield* passwords.authenticate({ email, password: STRONG }).pipe(Effect.flip))._tag).toBe("ResetPassword")
      yield* passwords.email.resetStart({ email })
      const token = [...store.tokens.values()].find((t) => t.user_id === created.user_id && !t.used)!
      yield* passwords.email.reset({ token: token.token, password: STRONG_2 })
      const auth = yield* passwords.authenticate({ email, password: STRONG_2 })
      expect(auth.user_id).toBe(created.user_id)
    }))

  it.effect("pre-hijack: a passwordless login before the password was set does not", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const email = freshEmail("wb-passwordless-first")
      const created = yield* (yield* Users.Users).create({ email })
      storedUser(created.user_id).passwordlessEmails.add(email.toLowerCase())
      yield* passwords.migrate({ email, hash: bcrypt.hashSync(STRONG, 4), hash_type: "bcrypt" })
      const auth = yield* passwords.authenticate({ email, password: STRONG })
      expect(auth.user_id).toBe(created.user_id)
    }))

  it.effect("upgrades an imported hash to a native one on login, keeping the password_id", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const email = freshEmail("wb-upgrade")
      const migrated = yield* passwords.migrate({
        email,
        hash: createHash("md5").update(STRONG).digest("hex"),
        hash_type: "md_5"
      })
      const before = storedUser(migrated.user_id).password!
      expect(before.kind).toBe("migrated")
      // A failed login does not upgrade.
      yield* passwords.authenticate({ email, password: STRONG_2 }).pipe(Effect.flip)
      expect(storedUser(migrated.user_id).password).toBe(before)
      yield* passwords.authenticate({ email, password: STRONG })
      const after = storedUser(migrated.user_id).password!
      expect(after.kind).toBe("native")
      expect(after.password_id).toBe(before.password_id)
      yield* passwords.authenticate({ email, password: STRONG })
    }))

  it.effect("a failed email reset leaves the token unused; a successful one marks it used", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const email = freshEmail("wb-token")
      const created = yield* passwords.create({ email, password: STRONG })
      const verifier = randomBytes(32).toString("base64url")
      yield* passwords.email.resetStart({ email, code_challenge: challengeOf(verifier) })
      const token = [...store.tokens.values()].find((t) => t.user_id === created.user_id)!
      expect(token.code_challenge).toBe(challengeOf(verifier))
      yield* passwords.email.reset({ token: token.token, password: STRONG_2, code_verifier: "wrong" }).pipe(Effect.flip)
      expect(token.used).toBe(false)
      expect(storedUser(created.user_id).emails[0]!.verified).toBe(false)
      yield* passwords.email.reset({ token: token.token, password: STRONG_2, code_verifier: verifier })
      expect(token.used).toBe(true)
      expect(storedUser(created.user_id).emails[0]!.verified).toBe(true)
    }))
})
