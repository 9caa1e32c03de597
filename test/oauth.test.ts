/**
 * End-to-end tests of the OAuth service against the in-process emulator. The identity provider's side of a flow is
 * played by the emulator's `mintOAuthToken` control; everything else goes through the SDK.
 */
import { assert, describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { createHash, randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { OAuth, Sessions, Users } from "../src/index.js"

const uniqueEmail = (name = "o") => `${name}-${randomUUID().slice(0, 8)}@oauth.example.test`
const uniqueSubject = (provider = "google") => `${provider}-subject-${randomUUID()}`

/** Plays the provider: a token for a completed flow with a fresh subject (unless given). */
const mint = (provider_type: string, extra: Partial<StytchEmulator.MintOAuthTokenRequest> = {}) =>
  Effect.flatMap(StytchEmulator.StytchEmulator, (emulator) =>
    emulator.mintOAuthToken({ provider_type, provider_subject: uniqueSubject(provider_type), ...extra }))
    .pipe(Effect.map((r) => r.token))

const services = Effect.gen(function*() {
  return {
    oauth: yield* OAuth.OAuth,
    users: yield* Users.Users,
    sessions: yield* Sessions.Sessions,
    emulator: yield* StytchEmulator.StytchEmulator
  }
})

/** Users whose email is exactly `email` (0 or 1). */
const usersWithEmail = (email: string) =>
  Effect.flatMap(Users.Users, (users) =>
    users.search({ query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] } }))
    .pipe(Effect.map((r) => r.results))

const decodeJwtPart = (jwt: string, index: number): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[index]!, "base64url").toString("utf8"))

describe("OAuth", () => {
  layer(StytchEmulator.layerStytch())("authenticate", (it) => {
    it.effect("a minted Google token creates an active user with a verified email and a session", () =>
      Effect.gen(function*() {
        const { emulator, oauth, sessions } = yield* services
        const email = uniqueEmail("new")
        const subject = uniqueSubject()
        const { token } = yield* emulator.mintOAuthToken({
          provider_type: "google",
          provider_subject: subject,
          email,
          name: "Ada King Lovelace",
          profile_picture_url: "https://example.test/ada.png",
          locale: "en"
        })
        const res = yield* oauth.authenticate({ token, session_duration_minutes: 60 })

        assert.strictEqual(res.provider_type, "Google")
        assert.strictEqual(res.provider_subject, subject)
        assert.strictEqual(res.user.status, "active")
        assert.deepStrictEqual(res.user.emails.map((e) => [e.email, e.verified]), [[email, true]])
        assert.deepStrictEqual(res.user.name, { first_name: "Ada", middle_name: "King", last_name: "Lovelace" })
        assert.strictEqual(res.user.providers.length, 1)
        const provider = res.user.providers[0]!
        assert.strictEqual(provider.provider_type, "Google")
        assert.strictEqual(provider.provider_subject, subject)
        assert.strictEqual(provider.profile_picture_url, "https://example.test/ada.png")
        assert.strictEqual(provider.oauth_user_registration_id, res.oauth_user_registration_id)
        assert.match(res.oauth_user_registration_id, /^oauth-user-test-/)
        assert.strictEqual(res.reset_sessions, false)

        // The session carries a Google factor naming the registration and the email.
        assert.isDefined(res.user_session)
        const factor = res.user_session!.authentication_factors[0]!
        assert.strictEqual(factor.type, "oauth")
        assert.strictEqual(factor.delivery_method, "oauth_google")
        assert.deepStrictEqual(factor.google_oauth_factor, {
          id: res.oauth_user_registration_id,
          provider_subject: subject,
          email_id: res.user.emails[0]!.email_id
        })
        const checked = yield* sessions.authenticate({ session_token: res.session_token })
        assert.strictEqual(checked.session.user_id, res.user_id)

        // Provider values: fake, but shaped like the real ones.
        assert.deepStrictEqual(res.provider_values.scopes, ["openid", "email", "profile"])
        assert.match(res.provider_values.access_token, /^emulated-google-access-token-/)
        assert.isTrue(res.provider_values.refresh_token.length > 0)
        assert.isDefined(res.provider_values.expires_at)
        const idToken = res.provider_values.id_token
        assert.strictEqual(idToken.split(".").length, 3)
        assert.strictEqual(decodeJwtPart(idToken, 0)["alg"], "none")
        const claims = decodeJwtPart(idToken, 1)
        assert.strictEqual(claims["sub"], subject)
        assert.strictEqual(claims["email"], email)
        assert.strictEqual(claims["emulated"], true)
      }))

    it.effect("without session options no session is started", () =>
      Effect.gen(function*() {
        const { oauth } = yield* services
        const res = yield* oauth.authenticate({ token: yield* mint("github") })
        assert.strictEqual(res.session_token, "")
        assert.strictEqual(res.session_jwt, "")
        assert.isUndefined(res.user_session)
        // No email from the provider: a user without emails, found by its GitHub registration.
        assert.deepStrictEqual(res.user.emails, [])
        assert.strictEqual(res.user.providers[0]!.provider_type, "GitHub")
      }))

    it.effect("a second login with the same provider subject finds the same user", () =>
      Effect.gen(function*() {
        const { emulator, oauth, users } = yield* services
        const email = uniqueEmail("again")
        const subject = uniqueSubject()
        const first = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: subject, email })).token
        })
        // The provider now reports a new picture; the registration follows it.
        const second = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({
            provider_type: "google",
            provider_subject: subject,
            email,
            profile_picture_url: "https://example.test/new.png"
          })).token,
          session_duration_minutes: 30
        })
        assert.strictEqual(second.user_id, first.user_id)
        assert.strictEqual(second.oauth_user_registration_id, first.oauth_user_registration_id)
        const user = yield* users.get({ user_id: first.user_id })
        assert.strictEqual(user.providers.length, 1)
        assert.strictEqual(user.providers[0]!.profile_picture_url, "https://example.test/new.png")
        assert.strictEqual(user.emails.length, 1)
      }))

    it.effect("links a new provider to the user who holds the same verified email", () =>
      Effect.gen(function*() {
        const { emulator, oauth, users } = yield* services
        const email = uniqueEmail("link")
        // The GitHub login creates the user with the email verified (the only way to verify it in this file).
        const viaGithub = yield* oauth.authenticate({
          token: yield* mint("github", { email })
        })
        assert.isTrue(viaGithub.user.emails[0]!.verified)
        const viaGoogle = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: uniqueSubject(), email }))
            .token
        })
        assert.strictEqual(viaGoogle.user_id, viaGithub.user_id)
        assert.notStrictEqual(viaGoogle.oauth_user_registration_id, viaGithub.oauth_user_registration_id)
        const user = yield* users.get({ user_id: viaGithub.user_id })
        assert.deepStrictEqual(user.providers.map((p) => p.provider_type).sort(), ["GitHub", "Google"])
        assert.strictEqual(user.emails.length, 1)
      }))

    it.effect("does not link by an email the existing user has not verified", () =>
      Effect.gen(function*() {
        const { emulator, oauth, users } = yield* services
        const email = uniqueEmail("unverified")
        const created = yield* users.create({ email })
        assert.isFalse(created.user.emails[0]!.verified)
        const res = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: uniqueSubject(), email }))
            .token
        })
        // A new user; it cannot take the email the first user holds, and the first user is untouched.
        assert.notStrictEqual(res.user_id, created.user_id)
        assert.deepStrictEqual(res.user.emails, [])
        const original = yield* users.get({ user_id: created.user_id })
        assert.deepStrictEqual(original.providers, [])
        assert.isFalse(original.emails[0]!.verified)
      }))

    it.effect("does not link by an email the provider has not verified", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const email = uniqueEmail("provider-unverified")
        const owner = yield* oauth.authenticate({
          token: yield* mint("github", { email })
        })
        const res = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({
            provider_type: "google",
            provider_subject: uniqueSubject(),
            email,
            email_verified: false
          })).token
        })
        assert.notStrictEqual(res.user_id, owner.user_id)
      }))

    it.effect("a new user gets the provider's email unverified when the provider did not verify it", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const email = uniqueEmail("maybe")
        const res = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({
            provider_type: "microsoft",
            provider_subject: uniqueSubject("ms"),
            email,
            email_verified: false
          })).token,
          session_duration_minutes: 10
        })
        assert.deepStrictEqual(res.user.emails.map((e) => [e.email, e.verified]), [[email, false]])
        assert.strictEqual(res.user_session!.authentication_factors[0]!.delivery_method, "oauth_microsoft")
        const factor = res.user_session!.authentication_factors[0]!
        assert.strictEqual(factor.microsoft_oauth_factor?.email_id, res.user.emails[0]!.email_id)
      }))

    it.effect("a token is single use; unknown tokens fail the same way", () =>
      Effect.gen(function*() {
        const { oauth, users } = yield* services
        const email = uniqueEmail("once")
        const token = yield* mint("google", { email })
        const first = yield* oauth.authenticate({ token })
        const reused = yield* oauth.authenticate({ token, session_duration_minutes: 60 }).pipe(Effect.flip)
        assert.strictEqual(reused._tag, "OauthTokenNotFound")
        assert.strictEqual((reused as any).status_code, 404)
        // The failed call started no session and changed nothing.
        const user = yield* users.get({ user_id: first.user_id })
        assert.strictEqual(user.providers.length, 1)
        const sessions = yield* (yield* Sessions.Sessions).get({ user_id: first.user_id })
        assert.deepStrictEqual(sessions.sessions, [])

        const unknown = yield* oauth.authenticate({ token: "no-such-token" }).pipe(Effect.flip)
        assert.strictEqual(unknown._tag, "OauthTokenNotFound")
      }))

    it.effect("a token expires after 10 minutes by default", () =>
      Effect.gen(function*() {
        const { oauth } = yield* services
        const lateEmail = uniqueEmail("late")
        const onTimeEmail = uniqueEmail("ontime")
        const late = yield* mint("google", { email: lateEmail })
        const onTime = yield* mint("google", { email: onTimeEmail, expiration_minutes: 20 })
        yield* TestClock.adjust("9 minutes")
        const stillFine = yield* mint("apple")
        yield* TestClock.adjust("2 minutes")

        const expired = yield* oauth.authenticate({ token: late }).pipe(Effect.flip)
        assert.strictEqual(expired._tag, "OauthTokenNotFound")
        assert.match(expired.message, /expired/)
        assert.deepStrictEqual(yield* usersWithEmail(lateEmail), [])

        // Minted 2 minutes ago, and another with a longer lifetime: both still work.
        yield* oauth.authenticate({ token: stillFine })
        const ok = yield* oauth.authenticate({ token: onTime })
        assert.strictEqual(ok.user.emails[0]!.email, onTimeEmail)
      }))

    it.effect("extends an existing session of the same user; refuses another user's session", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const subject = uniqueSubject()
        const first = yield* oauth.authenticate({
          token: yield* mint("google", { provider_subject: subject }),
          session_duration_minutes: 60
        })
        const again = yield* oauth.authenticate({
          token: yield* mint("google", { provider_subject: subject }),
          session_token: first.session_token
        })
        assert.strictEqual(again.user_session!.session_id, first.user_session!.session_id)

        const other = yield* oauth.authenticate({
          token: yield* mint("github"),
          session_duration_minutes: 60
        })
        const { token } = yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: subject })
        const mismatch = yield* oauth.authenticate({ token, session_token: other.session_token }).pipe(Effect.flip)
        // A session of another user: the catalogue's `user_id_mismatch`.
        assert.strictEqual(mismatch._tag, "UserIdMismatch")
        // The token was not consumed by the failed call.
        const retried = yield* oauth.authenticate({ token })
        assert.strictEqual(retried.user_id, first.user_id)
      }))

    it.effect("authenticateWithClaims decodes the session's custom claims", () =>
      Effect.gen(function*() {
        const { oauth } = yield* services
        const Claims = Schema.Struct({ plan: Schema.Literal("pro"), seats: Schema.Number })
        const res = yield* oauth.authenticateWithClaims({
          token: yield* mint("google"),
          session_duration_minutes: 60,
          session_custom_claims: { plan: "pro", seats: 3 }
        }, Claims)
        assert.deepStrictEqual(res.custom_claims, { plan: "pro", seats: 3 })
        assert.strictEqual(decodeJwtPart(res.session_jwt, 1)["plan"], "pro")

        const wrong = yield* oauth.authenticateWithClaims({
          token: yield* mint("google"),
          session_duration_minutes: 60,
          session_custom_claims: { plan: "free" }
        }, Claims).pipe(Effect.flip)
        assert.strictEqual(wrong._tag, "StytchClaimsError")
      }))

    it.effect("the REST control POST /emulator/v1/oauth/tokens mints a usable token", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const email = uniqueEmail("rest")
        const response = yield* emulator.handle({
          method: "POST",
          url: "/emulator/v1/oauth/tokens",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ provider_type: "facebook", provider_subject: uniqueSubject("fb"), email })
        })
        assert.strictEqual(response.status, 200)
        const { token } = JSON.parse(response.body) as { token: string }
        const res = yield* oauth.authenticate({ token })
        assert.strictEqual(res.provider_type, "Facebook")
        assert.strictEqual(res.user.emails[0]!.email, email)
      }))
  })

  layer(StytchEmulator.layerStytch())("PKCE", (it) => {
    const verifier = "a-very-long-random-code-verifier-0123456789-abcdefghijklmnop"
    const challenge = createHash("sha256").update(verifier).digest("base64url")

    it.effect("the verifier must match the challenge; failures leave the token usable", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const email = uniqueEmail("pkce")
        const { token } = yield* emulator.mintOAuthToken({
          provider_type: "google",
          provider_subject: uniqueSubject(),
          email,
          code_challenge: challenge
        })
        const mismatch = yield* oauth.authenticate({ token, code_verifier: "wrong-verifier" }).pipe(Effect.flip)
        assert.strictEqual(mismatch._tag, "PkceMismatch")
        const missing = yield* oauth.authenticate({ token }).pipe(Effect.flip)
        assert.strictEqual(missing._tag, "PkceExpectedCodeVerifier")
        assert.deepStrictEqual(yield* usersWithEmail(email), [])

        const res = yield* oauth.authenticate({ token, code_verifier: verifier })
        assert.strictEqual(res.user.emails[0]!.email, email)
      }))

    it.effect("a verifier for a flow started without a challenge is refused", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const { token } = yield* emulator.mintOAuthToken({ provider_type: "google", provider_subject: uniqueSubject() })
        const e = yield* oauth.authenticate({ token, code_verifier: verifier }).pipe(Effect.flip)
        assert.strictEqual(e._tag, "PkceDidNotExpectCodeVerifier")
        yield* oauth.authenticate({ token })
      }))
  })

  layer(StytchEmulator.layerStytch())("attach", (it) => {
    it.effect("an attach token by user_id links the provider to that user despite a different email", () =>
      Effect.gen(function*() {
        const { emulator, oauth, users } = yield* services
        const email = uniqueEmail("attach")
        const providerEmail = uniqueEmail("elsewhere")
        const created = yield* users.create({ email })
        const { oauth_attach_token } = yield* oauth.attach({ provider: "google", user_id: created.user_id })
        assert.isTrue(oauth_attach_token.length > 0)
        const { token } = yield* emulator.mintOAuthToken({
          provider_type: "google",
          provider_subject: uniqueSubject(),
          email: providerEmail,
          attach_token: oauth_attach_token
        })
        const res = yield* oauth.authenticate({ token, session_duration_minutes: 60 })
        assert.strictEqual(res.user_id, created.user_id)
        assert.strictEqual(res.user.providers.length, 1)
        // The email the provider vouched for joins the user, verified; the user's own email is untouched.
        assert.deepStrictEqual(
          res.user.emails.map((e) => [e.email, e.verified]),
          [[email, false], [providerEmail, true]]
        )
      }))

    it.effect("an attach token by session_token", () =>
      Effect.gen(function*() {
        const { emulator, oauth } = yield* services
        const first = yield* oauth.authenticate({
          token: yield* mint("google"),
          session_duration_minutes: 60
        })
        const { oauth_attach_token } = yield* oauth.attach({ provider: "github", session_token: first.session_token })
        const res = yield* oauth.authenticate({
          token: (yield* emulator.mintOAuthToken({
            provider_type: "github",
            provider_subject: uniqueSubject("gh"),
            attach_token: oauth_attach_token
          })).token
        })
        assert.strictEqual(res.user_id, first.user_id)
        assert.deepStrictEqual(res.user.providers.map((p) => p.provider_type).sort(), ["GitHub", "Google"])
      }))

    it.effect("exactly one of user_id, session_token and session_jwt", () =>
      Effect.gen(function*() {
        const { oauth } = yield* services
        const first = yield* oauth.authenticate({
          token: yield* mint("google"),
          session_duration_minutes: 60
        })
        const two = yield* oauth.attach({
          provider: "google",
          user_id: first.user_id,
          session_token: first.session_token
        }).pipe(Effect.flip)
        assert.strictEqual(two._tag, "BadRequest")
        const three = yield* oauth.attach({
          provider: "google",
          user_id: first.user_id,
          session_token: first.session_token,
          session_jwt: first.session_jwt
        }).pipe(Effect.flip)
        assert.strictEqual(three._tag, "BadRequest")
        const none = yield* oauth.attach({ provider: "google" }).pipe(Effect.flip)
        assert.strictEqual(none._tag, "BadRequest")
        assert.match(none.message, /Exactly one of user_id, session_token or session_jwt/)

        const byJwt = yield* oauth.attach({ provider: "google", session_jwt: first.session_jwt })
        assert.isTrue(byJwt.oauth_attach_token.length > 0)
      }))

    it.effect("unknown users, sessions and providers are refused", () =>
      Effect.gen(function*() {
        const { oauth, users } = yield* services
        const created = yield* users.create({ email: uniqueEmail("refused") })
        const missing = "user-test-00000000-0000-4000-8000-000000000000"
        const noUser = yield* oauth.attach({ provider: "google", user_id: missing }).pipe(Effect.flip)
        assert.strictEqual(noUser._tag, "UserNotFound")
        const noSession = yield* oauth.attach({ provider: "google", session_token: "no-such-session" })
          .pipe(Effect.flip)
        assert.strictEqual(noSession._tag, "SessionNotFound")
        const badProvider = yield* oauth.attach({ provider: "myspace", user_id: created.user_id }).pipe(Effect.flip)
        assert.strictEqual(badProvider._tag, "InvalidOauthProvider")
      }))

    it.effect("invalid, reused, expired or mismatched attach tokens fail at authenticate", () =>
      Effect.gen(function*() {
        const { emulator, oauth, users } = yield* services
        const created = yield* users.create({ email: uniqueEmail("target") })
        const mint = (attach_token: string, provider_type = "google", email?: string) =>
          Effect.map(
            emulator.mintOAuthToken({
              provider_type,
              provider_subject: uniqueSubject(provider_type),
              attach_token,
              ...(email === undefined ? {} : { email })
            }),
            (r) => r.token
          )

        // Unknown attach token: nothing is created, and the failure repeats (the flow itself is broken).
        const strayEmail = uniqueEmail("stray")
        const unknown = yield* mint("no-such-attach-token", "google", strayEmail)
        const e1 = yield* oauth.authenticate({ token: unknown }).pipe(Effect.flip)
        assert.strictEqual(e1._tag, "InvalidOauthAttachToken")
        assert.deepStrictEqual(yield* usersWithEmail(strayEmail), [])
        assert.deepStrictEqual((yield* users.get({ user_id: created.user_id })).providers, [])

        // Single use: a second flow started with the same attach token is refused.
        const { oauth_attach_token } = yield* oauth.attach({ provider: "google", user_id: created.user_id })
        const firstFlow = yield* mint(oauth_attach_token)
        const secondFlow = yield* mint(oauth_attach_token)
        const e2 = yield* oauth.authenticate({ token: secondFlow }).pipe(Effect.flip)
        assert.strictEqual(e2._tag, "InvalidOauthAttachToken")
        assert.strictEqual((yield* oauth.authenticate({ token: firstFlow })).user_id, created.user_id)

        // Issued for Google, used with GitHub.
        const forGoogle = yield* oauth.attach({ provider: "google", user_id: created.user_id })
        const e3 = yield* oauth.authenticate({ token: yield* mint(forGoogle.oauth_attach_token, "github") })
          .pipe(Effect.flip)
        assert.strictEqual(e3._tag, "InvalidOauthAttachToken")

        // Expired: attach tokens live 10 minutes.
        const stale = yield* oauth.attach({ provider: "google", user_id: created.user_id })
        yield* TestClock.adjust("11 minutes")
        const e4 = yield* oauth.authenticate({ token: yield* mint(stale.oauth_attach_token) }).pipe(Effect.flip)
        assert.strictEqual(e4._tag, "InvalidOauthAttachToken")
        expect((yield* users.get({ user_id: created.user_id })).providers.length).toBe(1)
      }))

    it.effect("an attach token cannot steal a provider account linked to another user", () =>
      Effect.gen(function*() {
        const { emulator, oauth, users } = yield* services
        const subject = uniqueSubject()
        const owner = yield* oauth.authenticate({
          token: yield* mint("google", { provider_subject: subject })
        })
        const other = yield* users.create({ email: uniqueEmail("thief") })
        const { oauth_attach_token } = yield* oauth.attach({ provider: "google", user_id: other.user_id })
        const { token } = yield* emulator.mintOAuthToken({
          provider_type: "google",
          provider_subject: subject,
          attach_token: oauth_attach_token
        })
        const e = yield* oauth.authenticate({ token }).pipe(Effect.flip)
        assert.strictEqual(e._tag, "InvalidOauthAttachToken")
        assert.deepStrictEqual((yield* users.get({ user_id: other.user_id })).providers, [])
        assert.strictEqual((yield* users.get({ user_id: owner.user_id })).providers.length, 1)
      }))
  })
})
