/**
 * Magic links through the SDK against the in-process emulator: send / loginOrCreate / invite / revokeInvite /
 * embeddable create / authenticate, the 5-minute rule for emails added to an existing user, PKCE, attribute
 * matching, custom claims, and the pre-hijack rule with passwords.
 */
import { assert, describe, expect, layer } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { createHash, randomUUID } from "node:crypto"
import { MagicLinks, Passwords, Sessions, Users } from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"
import { expectFailure, snapshot, STRONG_PASSWORD, uniqueEmail } from "./support.js"

// ---------------------------------------------------------------------------------------------------------------
// Helpers (local to this file)



/** The newest email the emulator "sent" to `to`, with its token. */
const latestLink = (to: string) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const message = yield* emulator.latestMessage({ to, channel: "email" })
    assert(message !== undefined && message.token !== undefined && message.url !== undefined, `no link for ${to}`)
    return { ...message, token: message.token, url: message.url }
  })


const pkcePair = () => {
  const verifier = randomUUID() + randomUUID()
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") }
}


// ---------------------------------------------------------------------------------------------------------------

layer(StytchEmulator.layerStytch())("magic links", (it) => {
  describe("send + authenticate", () => {
    it.effect("a login link from the outbox authenticates and starts a session", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const sessions = yield* Sessions.Sessions
        const email = uniqueEmail("login")
        const created = yield* users.create({ email })

        const sent = yield* magicLinks.email.send({ email, locale: "es" })
        expect(sent.user_id).toBe(created.user_id)
        expect(sent.email_id).toBe(created.email_id)
        const message = yield* latestLink(email)
        expect(message.kind).toBe("magic_link_login")
        expect(message.user_id).toBe(created.user_id)
        expect(message.locale).toBe("es")
        const url = new URL(message.url)
        expect(url.origin + url.pathname).toBe("http://localhost:3000/authenticate")
        expect(url.searchParams.get("stytch_token_type")).toBe("magic_links")
        expect(url.searchParams.get("token")).toBe(message.token)

        const auth = yield* magicLinks.authenticate({ token: message.token, session_duration_minutes: 60 })
        expect(auth.user_id).toBe(created.user_id)
        expect(auth.method_id).toBe(created.email_id)
        expect(auth.reset_sessions).toBe(false)
        expect(auth.user.emails[0]!.verified).toBe(true)
        assert(auth.session !== undefined)
        const f = auth.session.authentication_factors[0]!
        expect(f.type).toBe("magic_link")
        expect(f.delivery_method).toBe("email")
        expect(f.email_factor).toEqual({ email_id: created.email_id, email_address: email })
        expect(auth.session_token).not.toBe("")
        expect(auth.session_jwt).not.toBe("")

        const checked = yield* sessions.authenticate({ session_token: auth.session_token })
        expect(checked.session.session_id).toBe(auth.session.session_id)
      }))

    it.effect("without session options, authenticate answers empty tokens and no session", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("nosession")
        yield* users.create({ email })
        yield* magicLinks.email.send({ email })
        const auth = yield* magicLinks.authenticate({ token: (yield* latestLink(email)).token })
        expect(auth.session_token).toBe("")
        expect(auth.session_jwt).toBe("")
        expect(auth.session).toBeUndefined()
      }))

    it.effect("a link extends the session named by session_token", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("extend")
        yield* users.create({ email })
        yield* magicLinks.email.send({ email })
        const first = yield* magicLinks.authenticate({ token: (yield* latestLink(email)).token, session_duration_minutes: 30 })
        yield* magicLinks.email.send({ email })
        const second = yield* magicLinks.authenticate({
          token: (yield* latestLink(email)).token,
          session_token: first.session_token
        })
        expect(second.session_token).toBe(first.session_token)
        expect(second.session?.session_id).toBe(first.session?.session_id)
        // One factor per type + delivery method: the second link refreshes it.
        expect(second.session?.authentication_factors.length).toBe(1)
      }))

    it.effect("the redirect URL keeps its own query parameters", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("query")
        yield* users.create({ email })
        yield* magicLinks.email.send({ email, login_magic_link_url: "https://app.example.com/auth?next=%2Fhome" })
        const url = new URL((yield* latestLink(email)).url)
        expect(url.origin + url.pathname).toBe("https://app.example.com/auth")
        expect(url.searchParams.get("next")).toBe("/home")
        expect(url.searchParams.get("stytch_token_type")).toBe("magic_links")
      }))

    it.effect("a link is single use: the second authenticate fails with UnableToAuthMagicLink", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("reuse")
        yield* users.create({ email })
        yield* magicLinks.email.send({ email })
        const { token } = yield* latestLink(email)
        yield* magicLinks.authenticate({ token })
        const before = yield* snapshot
        const e = yield* magicLinks.authenticate({ token, session_duration_minutes: 60 }).pipe(expectFailure)
        expect(e._tag).toBe("UnableToAuthMagicLink")
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("an unknown token fails with MagicLinkNotFound (404)", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const before = yield* snapshot
        const e = yield* magicLinks.authenticate({ token: "no-such-token" }).pipe(expectFailure)
        assert(e._tag === "MagicLinkNotFound")
        expect(e.status_code).toBe(404)
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("links expire: login_expiration_minutes, and 60 minutes by default", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("expiry")
        yield* users.create({ email })

        yield* magicLinks.email.send({ email, login_expiration_minutes: 5 })
        const short = (yield* latestLink(email)).token
        yield* magicLinks.email.send({ email })
        const byDefault = (yield* latestLink(email)).token
        yield* magicLinks.email.send({ email })
        const late = (yield* latestLink(email)).token

        yield* TestClock.adjust(Duration.minutes(5))
        const e = yield* magicLinks.authenticate({ token: short }).pipe(expectFailure)
        assert(e._tag === "UnableToAuthMagicLink")
        expect(e.status_code).toBe(401)
        yield* TestClock.adjust(Duration.minutes(54))
        yield* magicLinks.authenticate({ token: byDefault }) // 59 minutes: still valid
        yield* TestClock.adjust(Duration.minutes(1))
        const expired = yield* magicLinks.authenticate({ token: late }).pipe(expectFailure)
        expect(expired._tag).toBe("UnableToAuthMagicLink")
      }))

    it.effect("send to an unknown email fails with EmailNotFound; a malformed one with InvalidEmail", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const before = yield* snapshot
        const e = yield* magicLinks.email.send({ email: uniqueEmail("nobody") }).pipe(expectFailure)
        expect(e._tag).toBe("EmailNotFound")
        const bad = yield* magicLinks.email.send({ email: "not-an-email" }).pipe(expectFailure)
        expect(bad._tag).toBe("InvalidEmail")
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("expirations outside 5..10080 minutes and unknown locales are refused", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("ranges")
        yield* users.create({ email })
        const before = yield* snapshot
        for (const request of [
          { email, login_expiration_minutes: 4 },
          { email, signup_expiration_minutes: 10081 },
          { email, login_expiration_minutes: 7.5 }
        ]) {
          const e = yield* magicLinks.email.send(request).pipe(expectFailure)
          expect(e._tag).toBe("InvalidExpiration")
        }
        const loc = yield* magicLinks.email.send({ email, locale: "xx-YY" }).pipe(expectFailure)
        expect(loc._tag).toBe("InvalidLocale")
        const url = yield* magicLinks.email.send({ email, login_magic_link_url: "not a url" }).pipe(expectFailure)
        expect(url._tag).toBe("InvalidLoginMagicLinkUrl")
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("a pending user gets a signup link (to the signup URL), and authenticating activates them", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("pending")
        const created = yield* users.create({ email, create_user_as_pending: true })
        yield* magicLinks.email.send({
          email,
          login_magic_link_url: "https://app.example.com/login",
          signup_magic_link_url: "https://app.example.com/signup"
        })
        const message = yield* latestLink(email)
        expect(message.kind).toBe("magic_link_signup")
        expect(message.url.startsWith("https://app.example.com/signup?")).toBe(true)
        const auth = yield* magicLinks.authenticate({ token: message.token })
        expect(auth.user.status).toBe("active")
        expect((yield* users.get({ user_id: created.user_id })).status).toBe("active")
      }))
  })

  describe("loginOrCreate", () => {
    it.effect("creates an unknown user (signup link), then logs them in (login link)", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("loc")
        const first = yield* magicLinks.email.loginOrCreate({ email })
        expect(first.user_created).toBe(true)
        const user = yield* users.get({ user_id: first.user_id })
        expect(user.status).toBe("active")
        expect(user.emails).toEqual([{ email_id: first.email_id, email, verified: false }])
        const signup = yield* latestLink(email)
        expect(signup.kind).toBe("magic_link_signup")
        const auth = yield* magicLinks.authenticate({ token: signup.token, session_duration_minutes: 10 })
        expect(auth.user.emails[0]!.verified).toBe(true)

        const second = yield* magicLinks.email.loginOrCreate({ email: email.toUpperCase() })
        expect(second.user_created).toBe(false)
        expect(second.user_id).toBe(first.user_id)
        expect((yield* latestLink(email)).kind).toBe("magic_link_login")
      }))

    it.effect("create_user_as_pending: a pending user keeps getting signup links until they authenticate", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("locpending")
        const first = yield* magicLinks.email.loginOrCreate({ email, create_user_as_pending: true })
        expect((yield* users.get({ user_id: first.user_id })).status).toBe("pending")
        const again = yield* magicLinks.email.loginOrCreate({ email })
        expect(again.user_created).toBe(false)
        const link = yield* latestLink(email)
        expect(link.kind).toBe("magic_link_signup")
        yield* magicLinks.authenticate({ token: link.token })
        expect((yield* users.get({ user_id: first.user_id })).status).toBe("active")
        yield* magicLinks.email.loginOrCreate({ email })
        expect((yield* latestLink(email)).kind).toBe("magic_link_login")
      }))

    it.effect("bad requests create no user and send nothing", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("locbad")
        const before = yield* snapshot
        expect((yield* magicLinks.email.loginOrCreate({ email: "nope" }).pipe(expectFailure))._tag).toBe("InvalidEmail")
        expect((yield* magicLinks.email.loginOrCreate({ email, signup_expiration_minutes: 0 }).pipe(expectFailure))._tag)
          .toBe("InvalidExpiration")
        expect((yield* magicLinks.email.loginOrCreate({ email, signup_magic_link_url: "::" }).pipe(expectFailure))._tag)
          .toBe("InvalidSignupMagicLinkUrl")
        expect((yield* magicLinks.email.loginOrCreate({ email, code_challenge: "short" }).pipe(expectFailure))._tag)
          .toBe("InvalidPkceCodeChallenge")
        expect(yield* snapshot).toBe(before)
      }))
  })

  describe("PKCE and attributes", () => {
    it.effect("a link sent with a code_challenge needs the matching code_verifier", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("pkce")
        const { challenge, verifier } = pkcePair()
        yield* magicLinks.email.loginOrCreate({ email, code_challenge: challenge })
        const { token } = yield* latestLink(email)
        const before = yield* snapshot
        expect((yield* magicLinks.authenticate({ token }).pipe(expectFailure))._tag).toBe("PkceExpectedCodeVerifier")
        expect((yield* magicLinks.authenticate({ token, code_verifier: "wrong" }).pipe(expectFailure))._tag)
          .toBe("PkceMismatch")
        expect(yield* snapshot).toBe(before)
        const auth = yield* magicLinks.authenticate({ token, code_verifier: verifier })
        expect(auth.user.emails[0]!.verified).toBe(true)
      }))

    it.effect("a code_verifier for a link sent without a challenge is refused", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("nopkce")
        yield* magicLinks.email.loginOrCreate({ email })
        const { token } = yield* latestLink(email)
        const e = yield* magicLinks.authenticate({ token, code_verifier: pkcePair().verifier }).pipe(expectFailure)
        expect(e._tag).toBe("PkceDidNotExpectCodeVerifier")
        yield* magicLinks.authenticate({ token }) // still usable
      }))

    it.effect("ip / user-agent match options compare with the attributes of the send", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("attrs")
        yield* magicLinks.email.loginOrCreate({ email, attributes: { ip_address: "203.0.113.7", user_agent: "UA/1" } })
        const { token } = yield* latestLink(email)
        const options = { ip_match_required: true, user_agent_match_required: true }
        const before = yield* snapshot
        const ip = yield* magicLinks.authenticate({
          token,
          options,
          attributes: { ip_address: "198.51.100.1", user_agent: "UA/1" }
        }).pipe(expectFailure)
        assert(ip._tag === "AttributeMismatch")
        expect(ip.status_code).toBe(401)
        const ua = yield* magicLinks.authenticate({
          token,
          options,
          attributes: { ip_address: "203.0.113.7", user_agent: "UA/2" }
        }).pipe(expectFailure)
        expect(ua._tag).toBe("AttributeMismatch")
        expect(yield* snapshot).toBe(before)
        // Without the options, the attributes are not compared.
        const ok = yield* magicLinks.authenticate({ token, attributes: { ip_address: "198.51.100.1" } })
        expect(ok.user.status).toBe("active")
      }))

    it.effect("a required match fails when the send recorded no attributes", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("noattrs")
        yield* magicLinks.email.loginOrCreate({ email })
        const { token } = yield* latestLink(email)
        const e = yield* magicLinks.authenticate({
          token,
          options: { ip_match_required: true, user_agent_match_required: false },
          attributes: { ip_address: "203.0.113.7" }
        }).pipe(expectFailure)
        expect(e._tag).toBe("AttributeMismatch")
      }))
  })

  describe("invites", () => {
    it.effect("invite creates a pending user; the invite link activates and verifies them", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("invite")
        const invited = yield* magicLinks.email.invite({
          email,
          name: { first_name: "Ivy" },
          untrusted_metadata: { team: "blue" },
          invite_magic_link_url: "https://app.example.com/invite",
          locale: "fr"
        })
        const pending = yield* users.get({ user_id: invited.user_id })
        expect(pending.status).toBe("pending")
        expect(pending.name?.first_name).toBe("Ivy")
        expect(pending.untrusted_metadata).toEqual({ team: "blue" })
        expect(pending.emails).toEqual([{ email_id: invited.email_id, email, verified: false }])
        const message = yield* latestLink(email)
        expect(message.kind).toBe("magic_link_invite")
        expect(message.locale).toBe("fr")
        expect(message.url.startsWith("https://app.example.com/invite?")).toBe(true)

        const auth = yield* magicLinks.authenticate({ token: message.token, session_duration_minutes: 5 })
        expect(auth.user.status).toBe("active")
        expect(auth.user.emails[0]!.verified).toBe(true)
        expect(auth.session?.authentication_factors[0]!.type).toBe("magic_link")
      }))

    it.effect("invite links last 7 days by default", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const first = uniqueEmail("invite7a")
        const second = uniqueEmail("invite7b")
        yield* magicLinks.email.invite({ email: first })
        yield* magicLinks.email.invite({ email: second })
        const a = (yield* latestLink(first)).token
        const b = (yield* latestLink(second)).token
        yield* TestClock.adjust(Duration.minutes(10079))
        yield* magicLinks.authenticate({ token: a })
        yield* TestClock.adjust(Duration.minutes(1))
        expect((yield* magicLinks.authenticate({ token: b }).pipe(expectFailure))._tag).toBe("UnableToAuthMagicLink")
      }))

    it.effect("inviting an active user fails with DuplicateEmail; bad expirations with InvalidExpiration", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("inviteactive")
        yield* users.create({ email })
        const before = yield* snapshot
        expect((yield* magicLinks.email.invite({ email }).pipe(expectFailure))._tag).toBe("DuplicateEmail")
        const fresh = uniqueEmail("invitebad")
        expect((yield* magicLinks.email.invite({ email: fresh, invite_expiration_minutes: 10081 }).pipe(expectFailure))._tag)
          .toBe("InvalidExpiration")
        expect((yield* magicLinks.email.invite({ email: fresh, invite_magic_link_url: "nope" }).pipe(expectFailure))._tag)
          .toBe("InvalidInviteMagicLinkUrl")
        expect(yield* snapshot).toBe(before)
      }))

    it.effect("re-inviting a pending user sends a new invite to the same user", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("reinvite")
        const first = yield* magicLinks.email.invite({ email })
        const firstToken = (yield* latestLink(email)).token
        const second = yield* magicLinks.email.invite({ email })
        expect(second.user_id).toBe(first.user_id)
        const secondToken = (yield* latestLink(email)).token
        expect(secondToken).not.toBe(firstToken)
        yield* magicLinks.authenticate({ token: secondToken })
      }))

    it.effect("revokeInvite deletes the invited user; the invite link no longer works", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("revoke")
        const invited = yield* magicLinks.email.invite({ email })
        const { token } = yield* latestLink(email)
        yield* magicLinks.email.revokeInvite({ email })
        expect((yield* users.get({ user_id: invited.user_id }).pipe(expectFailure))._tag).toBe("UserNotFound")
        expect((yield* magicLinks.authenticate({ token }).pipe(expectFailure))._tag).toBe("MagicLinkNotFound")
        // The email is free again.
        const again = yield* magicLinks.email.loginOrCreate({ email })
        expect(again.user_created).toBe(true)
      }))

    it.effect("revokeInvite of an unknown email, or of a user with no pending invite, fails with EmailNotFound", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const active = uniqueEmail("revokeactive")
        yield* users.create({ email: active })
        const accepted = uniqueEmail("revokeaccepted")
        yield* magicLinks.email.invite({ email: accepted })
        yield* magicLinks.authenticate({ token: (yield* latestLink(accepted)).token })
        const before = yield* snapshot
        for (const email of [uniqueEmail("revokeunknown"), active, accepted]) {
          const e = yield* magicLinks.email.revokeInvite({ email }).pipe(expectFailure)
          assert(e._tag === "EmailNotFound")
          expect(e.status_code).toBe(404)
        }
        expect(yield* snapshot).toBe(before)
      }))
  })

  describe("embeddable links (create)", () => {
    it.effect("create returns a token for the user, sends nothing, and does not verify the email", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const emulator = yield* StytchEmulator.StytchEmulator
        const email = uniqueEmail("embedded")
        const created = yield* users.create({ email, create_user_as_pending: true })
        const outboxBefore = (yield* emulator.outbox()).length
        const { token, user_id } = yield* magicLinks.create({ user_id: created.user_id })
        expect(user_id).toBe(created.user_id)
        expect((yield* emulator.outbox()).length).toBe(outboxBefore)

        const auth = yield* magicLinks.authenticate({ token, session_duration_minutes: 15 })
        expect(auth.user.emails[0]!.verified).toBe(false)
        expect(auth.user.status).toBe("active")
        const f = auth.session?.authentication_factors[0]
        expect(f?.type).toBe("magic_link")
        expect(f?.delivery_method).toBe("embedded")
        expect(f?.embeddable_magic_link_factor?.embedded_id).toBe(auth.method_id)
        expect((yield* magicLinks.authenticate({ token }).pipe(expectFailure))._tag).toBe("UnableToAuthMagicLink")
      }))

    it.effect("create: unknown user -> UserNotFound, bad expiration -> InvalidExpiration, default expiry 60 min", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const created = yield* users.create({ email: uniqueEmail("embedded2") })
        const before = yield* snapshot
        expect((yield* magicLinks.create({ user_id: "user-test-00000000-0000-4000-8000-000000000000" }).pipe(expectFailure))._tag)
          .toBe("UserNotFound")
        expect((yield* magicLinks.create({ user_id: created.user_id, expiration_minutes: 3 }).pipe(expectFailure))._tag)
          .toBe("InvalidExpiration")
        expect(yield* snapshot).toBe(before)
        const { token } = yield* magicLinks.create({ user_id: created.user_id })
        yield* TestClock.adjust(Duration.minutes(60))
        expect((yield* magicLinks.authenticate({ token }).pipe(expectFailure))._tag).toBe("UnableToAuthMagicLink")
      }))
  })

  describe("adding an email to an existing user", () => {
    it.effect("an added email is removed after 5 minutes unless authenticated; then it signs up a new user", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const owner = yield* users.create({ email: uniqueEmail("owner") })
        const added = uniqueEmail("added")

        const sent = yield* magicLinks.email.send({ email: added, user_id: owner.user_id })
        expect(sent.user_id).toBe(owner.user_id)
        const withAdded = yield* users.get({ user_id: owner.user_id })
        expect(withAdded.emails.map((e) => [e.email, e.verified])).toContainEqual([added, false])
        expect((yield* latestLink(added)).kind).toBe("magic_link_login")
        const { token } = yield* latestLink(added)

        yield* TestClock.adjust(Duration.minutes(5))
        const after = yield* users.get({ user_id: owner.user_id })
        expect(after.emails.map((e) => e.email)).not.toContain(added)
        // The link (still within its own 60 minutes) cannot attach the removed email.
        expect((yield* magicLinks.authenticate({ token }).pipe(expectFailure))._tag).toBe("UnableToAuthMagicLink")
        const other = yield* magicLinks.email.loginOrCreate({ email: added })
        expect(other.user_created).toBe(true)
        expect(other.user_id).not.toBe(owner.user_id)
      }))

    it.effect("authenticated within 5 minutes, the added email is verified and stays", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const ownerEmail = uniqueEmail("owner2")
        yield* users.create({ email: ownerEmail })
        yield* magicLinks.email.send({ email: ownerEmail })
        const login = yield* magicLinks.authenticate({
          token: (yield* latestLink(ownerEmail)).token,
          session_duration_minutes: 60
        })
        const added = uniqueEmail("added2")
        // Named by the session this time.
        const sent = yield* magicLinks.email.send({ email: added, session_token: login.session_token })
        expect(sent.user_id).toBe(login.user_id)
        yield* TestClock.adjust(Duration.minutes(4))
        const auth = yield* magicLinks.authenticate({ token: (yield* latestLink(added)).token })
        expect(auth.method_id).toBe(sent.email_id)
        yield* TestClock.adjust(Duration.minutes(10))
        const user = yield* users.get({ user_id: login.user_id })
        expect(user.emails.find((e) => e.email === added)?.verified).toBe(true)
        const again = yield* magicLinks.email.loginOrCreate({ email: added })
        expect(again).toMatchObject({ user_created: false, user_id: login.user_id })
      }))

    it.effect("an email of another user cannot be added (DuplicateEmail); user and session must agree", () =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        const magicLinks = yield* MagicLinks.MagicLinks
        const a = yield* users.create({ email: uniqueEmail("dupa") })
        const bEmail = uniqueEmail("dupb")
        const b = yield* users.create({ email: bEmail })
        yield* magicLinks.email.send({ email: bEmail })
        const bLogin = yield* magicLinks.authenticate({ token: (yield* latestLink(bEmail)).token, session_duration_minutes: 60 })
        const before = yield* snapshot
        expect((yield* magicLinks.email.send({ email: bEmail, user_id: a.user_id }).pipe(expectFailure))._tag)
          .toBe("DuplicateEmail")
        expect(
          (yield* magicLinks.email.send({ email: uniqueEmail("x"), user_id: a.user_id, session_token: bLogin.session_token })
            .pipe(expectFailure))._tag
        ).toBe("UserIdMismatch")
        expect((yield* magicLinks.email.send({ email: uniqueEmail("y"), user_id: "user-test-nope" }).pipe(expectFailure))._tag)
          .toBe("InvalidUserId")
        expect((yield* magicLinks.email.send({ email: uniqueEmail("z"), session_token: "nope" }).pipe(expectFailure))._tag)
          .toBe("SessionNotFound")
        expect(yield* snapshot).toBe(before)
        expect(b.user_id).not.toBe(a.user_id)
      }))
  })

  describe("custom claims", () => {
    it.effect("authenticateWithClaims decodes session_custom_claims with a Schema", () =>
      Effect.gen(function*() {
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("claims")
        yield* magicLinks.email.loginOrCreate({ email })
        const Claims = Schema.Struct({ plan: Schema.Literal("pro"), seats: Schema.Number })
        const auth = yield* magicLinks.authenticateWithClaims({
          token: (yield* latestLink(email)).token,
          session_duration_minutes: 30,
          session_custom_claims: { plan: "pro", seats: 3 }
        }, Claims)
        expect(auth.custom_claims).toEqual({ plan: "pro", seats: 3 })

        yield* magicLinks.email.loginOrCreate({ email })
        const e = yield* magicLinks.authenticateWithClaims({
          token: (yield* latestLink(email)).token,
          session_token: auth.session_token,
          session_custom_claims: { seats: "many" }
        }, Claims).pipe(expectFailure)
        expect(e._tag).toBe("StytchClaimsError")
      }))
  })

  describe("the pre-hijack rule", () => {
    it.effect("after a magic link login, the user's existing password must be reset (ResetPassword)", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const magicLinks = yield* MagicLinks.MagicLinks
        const users = yield* Users.Users
        const email = uniqueEmail("hijack")
        const created = yield* passwords.create({ email, password: STRONG_PASSWORD })
        yield* passwords.authenticate({ email, password: STRONG_PASSWORD }) // works before

        const sent = yield* magicLinks.email.loginOrCreate({ email })
        expect(sent).toMatchObject({ user_created: false, user_id: created.user_id })
        yield* magicLinks.authenticate({ token: (yield* latestLink(email)).token })

        const e = yield* passwords.authenticate({ email, password: STRONG_PASSWORD }).pipe(expectFailure)
        expect(e._tag).toBe("ResetPassword")
        expect((yield* users.get({ user_id: created.user_id })).password?.requires_reset).toBe(true)
      }))

    it.effect("an embeddable link does not trigger the rule", () =>
      Effect.gen(function*() {
        const passwords = yield* Passwords.Passwords
        const magicLinks = yield* MagicLinks.MagicLinks
        const email = uniqueEmail("hijackembedded")
        const created = yield* passwords.create({ email, password: STRONG_PASSWORD })
        const { token } = yield* magicLinks.create({ user_id: created.user_id })
        yield* magicLinks.authenticate({ token })
        const ok = yield* passwords.authenticate({ email, password: STRONG_PASSWORD })
        expect(ok.user_id).toBe(created.user_id)
      }))
  })
})
