/**
 * WebAuthn and passkeys through the SDK against the in-process emulator, with a software authenticator that makes
 * real P-256 credentials and signatures (test/support/webauthn-authenticator.ts): registration, authentication,
 * passkey (discoverable) flows, sessions, signature counters and cloned authenticators, every way a ceremony can be
 * bent (challenge, origin, RP ID, signature, user verification), expiry, renaming and deletion. Every failure is a
 * typed error that leaves the emulator's state as it was.
 */
import { assert, describe, layer } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { Sessions, Users, WebAuthn } from "../src/index.js"
import { snapshot, uniqueEmail } from "./support.js"
import { type Bend, SoftwareAuthenticator } from "./support/webauthn-authenticator.js"

const DOMAIN = "example.com"
const ORIGIN = "https://example.com"

/** A new user (unique email) with options overrides for registerStart. */
const newUser = (extra: { readonly external_id?: string; readonly create_user_as_pending?: boolean } = {}) =>
  Effect.flatMap(Users.Users, (users) => users.create({ email: uniqueEmail("webauthn"), ...extra }))

/** registerStart + the authenticator's answer, not yet sent to register. */
const startRegistration = (
  authenticator: SoftwareAuthenticator,
  user_id: string,
  options: {
    readonly bend?: Bend
    readonly origin?: string
    readonly start?: Partial<Parameters<WebAuthn.Service["registerStart"]>[0]>
  } = {}
) =>
  Effect.gen(function*() {
    const webauthn = yield* WebAuthn.WebAuthn
    const started = yield* webauthn.registerStart({
      user_id,
      domain: DOMAIN,
      use_base64_url_encoding: true,
      ...options.start
    })
    const answer = authenticator.register(
      started.public_key_credential_creation_options,
      options.origin ?? ORIGIN,
      options.bend
    )
    return { started, options: JSON.parse(started.public_key_credential_creation_options), ...answer }
  })

/** A user with one registered credential on `authenticator`. */
const registered = (authenticator: SoftwareAuthenticator, start: { readonly authenticator_type?: string } = {}) =>
  Effect.gen(function*() {
    const webauthn = yield* WebAuthn.WebAuthn
    const user = yield* newUser()
    const { credentialId, public_key_credential } = yield* startRegistration(authenticator, user.user_id, { start })
    const done = yield* webauthn.register({ user_id: user.user_id, public_key_credential })
    return { user_id: user.user_id, credentialId, webauthn_registration_id: done.webauthn_registration_id }
  })

/** authenticateStart (for `user_id`, or a passkey flow without one) + the authenticator's assertion. */
const assertion = (
  authenticator: SoftwareAuthenticator,
  user_id: string | undefined,
  options: { readonly bend?: Bend; readonly origin?: string; readonly passkey?: boolean } = {}
) =>
  Effect.gen(function*() {
    const webauthn = yield* WebAuthn.WebAuthn
    const started = yield* webauthn.authenticateStart({
      domain: DOMAIN,
      use_base64_url_encoding: true,
      ...(user_id === undefined ? {} : { user_id }),
      ...(options.passkey ? { return_passkey_credential_options: true } : {})
    })
    const public_key_credential = authenticator.authenticate(
      started.public_key_credential_request_options,
      options.origin ?? ORIGIN,
      options.bend
    )
    return { started, options: JSON.parse(started.public_key_credential_request_options), public_key_credential }
  })

/** webauthn.authenticate with a credential (and session options). */
const authenticateWith = (
  public_key_credential: string,
  session: { readonly session_duration_minutes?: number; readonly session_token?: string } = {}
) => Effect.flatMap(WebAuthn.WebAuthn, (webauthn) => webauthn.authenticate({ public_key_credential, ...session }))

/** A whole sign-in: authenticateStart for the user, the authenticator's assertion, authenticate. */
const signIn = (authenticator: SoftwareAuthenticator, user_id: string) =>
  Effect.flatMap(assertion(authenticator, user_id), (a) => authenticateWith(a.public_key_credential))

/** Runs a call that must fail, checks its tag, and that it changed no user, session-visible factor or message. */
const failsWith = <A, E extends { readonly _tag: string }, R>(call: Effect.Effect<A, E, R>, tag: string) =>
  Effect.gen(function*() {
    const before = yield* snapshot
    const error = yield* Effect.flip(call)
    assert.strictEqual(error._tag, tag, JSON.stringify(error))
    assert.strictEqual(yield* snapshot, before, "a failed call changed the emulator's state")
    return error
  })

layer(StytchEmulator.layerStytch())("webauthn", (it) => {
  describe("registration", () => {
    it.effect("registerStart answers creation options a browser can use, and register stores the credential", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const users = yield* Users.Users
        const authenticator = new SoftwareAuthenticator()
        const user = yield* newUser()
        const email = user.user.emails[0]!.email
        const { options, public_key_credential, started } = yield* startRegistration(authenticator, user.user_id, {
          start: { user_agent: "Mozilla/5.0 test" }
        })
        assert.strictEqual(started.user_id, user.user_id)
        assert.deepStrictEqual(options.rp, { id: DOMAIN, name: DOMAIN })
        assert.deepStrictEqual(options.user, {
          id: Buffer.from(user.user_id).toString("base64url"),
          name: email,
          displayName: email
        })
        assert.match(options.challenge, /^[A-Za-z0-9_-]{44}$/)
        assert.deepStrictEqual(options.pubKeyCredParams, [
          { type: "public-key", alg: -7 },
          { type: "public-key", alg: -257 }
        ])
        assert.strictEqual(options.timeout, 300_000)
        assert.deepStrictEqual(options.excludeCredentials, [])
        assert.deepStrictEqual(options.authenticatorSelection, {
          residentKey: "discouraged",
          requireResidentKey: false,
          userVerification: "discouraged"
        })
        assert.strictEqual(options.attestation, "none")

        const done = yield* webauthn.register({ user_id: user.user_id, public_key_credential })
        assert.match(done.webauthn_registration_id, /^webauthn-registration-test-[0-9a-f-]{36}$/)
        assert.strictEqual(done.user_id, user.user_id)
        assert.strictEqual(done.session_token, "")
        assert.strictEqual(done.session, undefined)
        const expected = {
          webauthn_registration_id: done.webauthn_registration_id,
          domain: DOMAIN,
          user_agent: "Mozilla/5.0 test",
          verified: true,
          authenticator_type: "",
          name: ""
        }
        assert.deepStrictEqual(done.user.webauthn_registrations, [expected])
        assert.deepStrictEqual((yield* users.get({ user_id: user.user_id })).webauthn_registrations, [expected])

        // The next registerStart excludes the registered credential.
        const again = yield* webauthn.registerStart({
          user_id: user.user_id,
          domain: DOMAIN,
          use_base64_url_encoding: true
        })
        const excluded = JSON.parse(again.public_key_credential_creation_options).excludeCredentials
        assert.deepStrictEqual(excluded.map((c: { id: string }) => c.id), authenticator.credentialIds())
      }))

    it.effect("register with session_duration_minutes starts a session with a webauthn factor", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const sessions = yield* Sessions.Sessions
        const user = yield* newUser()
        const { public_key_credential } = yield* startRegistration(new SoftwareAuthenticator(), user.user_id)
        const done = yield* webauthn.register({
          user_id: user.user_id,
          public_key_credential,
          session_duration_minutes: 30
        })
        assert.notStrictEqual(done.session_token, "")
        const session = yield* sessions.authenticate({ session_token: done.session_token })
        const factor = session.session.authentication_factors.find((f) => f.type === "webauthn")
        assert.strictEqual(factor?.delivery_method, "webauthn_registration")
        assert.strictEqual(factor?.webauthn_factor?.webauthn_registration_id, done.webauthn_registration_id)
        assert.strictEqual(factor?.webauthn_factor?.domain, DOMAIN)
      }))

    it.effect("external ids, overrides and standard base64 (the default encoding) work end to end", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const external_id = `ext-${randomUUID()}`
        const user = yield* newUser({ external_id })
        const authenticator = new SoftwareAuthenticator()
        const started = yield* webauthn.registerStart({
          user_id: external_id,
          domain: DOMAIN,
          override_id: "handle+/?",
          override_name: "ada",
          override_display_name: "Ada L."
        })
        assert.strictEqual(started.user_id, user.user_id)
        const options = JSON.parse(started.public_key_credential_creation_options)
        // Standard base64 (with `+` and `/` where base64url has `-` and `_`).
        assert.deepStrictEqual(options.user, {
          id: Buffer.from("handle+/?").toString("base64"),
          name: "ada",
          displayName: "Ada L."
        })
        const { public_key_credential } = authenticator.register(
          started.public_key_credential_creation_options,
          ORIGIN,
          { encoding: "base64" }
        )
        const done = yield* webauthn.register({ user_id: external_id, public_key_credential })
        assert.strictEqual(done.user_id, user.user_id)

        const auth = yield* webauthn.authenticateStart({ domain: DOMAIN, user_id: external_id })
        const allowed = JSON.parse(auth.public_key_credential_request_options).allowCredentials
        assert.deepStrictEqual(allowed.map((c: { id: string }) => c.id), [
          Buffer.from(authenticator.credentialIds()[0]!, "base64url").toString("base64")
        ])
        const signedIn = yield* webauthn.authenticate({
          public_key_credential: authenticator.authenticate(auth.public_key_credential_request_options, ORIGIN, {
            encoding: "base64"
          })
        })
        assert.strictEqual(signedIn.webauthn_registration_id, done.webauthn_registration_id)
      }))

    it.effect("register without a pending registerStart fails with NoPendingWebauthnRegistration", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const other = yield* newUser()
        const user = yield* newUser()
        // A valid credential, but for another user's ceremony.
        const { public_key_credential } = yield* startRegistration(authenticator, other.user_id)
        const e = yield* failsWith(
          webauthn.register({ user_id: user.user_id, public_key_credential }),
          "NoPendingWebauthnRegistration"
        )
        assert.strictEqual((e as { status_code?: number }).status_code, 400)
        // The other user's ceremony is untouched.
        yield* webauthn.register({ user_id: other.user_id, public_key_credential })
      }))

    it.effect("a credential answering another challenge than the pending one is refused", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const user = yield* newUser()
        const wrong = yield* startRegistration(authenticator, user.user_id, {
          bend: { challenge: Buffer.alloc(33, 7).toString("base64url") }
        })
        yield* failsWith(
          webauthn.register({ user_id: user.user_id, public_key_credential: wrong.public_key_credential }),
          "UnableToRegisterWebauthnRegistration"
        )
        // A new registerStart replaced the pending ceremony: answering the old challenge no longer works.
        const first = yield* startRegistration(authenticator, user.user_id)
        const second = yield* startRegistration(authenticator, user.user_id)
        yield* failsWith(
          webauthn.register({ user_id: user.user_id, public_key_credential: first.public_key_credential }),
          "UnableToRegisterWebauthnRegistration"
        )
        yield* webauthn.register({ user_id: user.user_id, public_key_credential: second.public_key_credential })
      }))

    it.effect("origins and RP IDs that do not belong to the domain fail with InvalidWebauthnRegistrationDomain", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const user = yield* newUser()
        const origins = ["https://evil.example", "http://example.com", "https://example.com.evil.io", `${ORIGIN}/login`]
        for (const origin of origins) {
          const { public_key_credential } = yield* startRegistration(authenticator, user.user_id, { origin })
          yield* failsWith(
            webauthn.register({ user_id: user.user_id, public_key_credential }),
            "InvalidWebauthnRegistrationDomain"
          )
        }
        const otherRp = yield* startRegistration(authenticator, user.user_id, { bend: { rpId: "evil.example" } })
        yield* failsWith(
          webauthn.register({ user_id: user.user_id, public_key_credential: otherRp.public_key_credential }),
          "InvalidWebauthnRegistrationDomain"
        )
        // A subdomain, with a port, is a valid origin for the RP ID.
        const subStart = yield* webauthn.registerStart({ user_id: user.user_id, domain: DOMAIN })
        const sub = authenticator.register(
          subStart.public_key_credential_creation_options,
          "https://login.example.com:8443"
        )
        yield* webauthn.register({ user_id: user.user_id, public_key_credential: sub.public_key_credential })

        // A domain must be a bare host name.
        for (const domain of ["https://example.com", "example.com:443", "127.0.0.1", "exa mple.com"]) {
          yield* failsWith(
            webauthn.registerStart({ user_id: user.user_id, domain }),
            "InvalidWebauthnRegistrationDomain"
          )
        }
      }))

    it.effect("http://localhost origins are accepted for the domain localhost", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const user = yield* newUser()
        const started = yield* webauthn.registerStart({ user_id: user.user_id, domain: "localhost" })
        const { public_key_credential } = authenticator.register(
          started.public_key_credential_creation_options,
          "http://localhost:3000"
        )
        const done = yield* webauthn.register({ user_id: user.user_id, public_key_credential })
        assert.strictEqual(done.user.webauthn_registrations[0]!.domain, "localhost")
      }))

    it.effect("platform registrations require user verification", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const user = yield* newUser()
        const lazy = new SoftwareAuthenticator({ userVerification: false })
        const { options, public_key_credential } = yield* startRegistration(lazy, user.user_id, {
          start: { authenticator_type: "platform" }
        })
        assert.deepStrictEqual(options.authenticatorSelection, {
          authenticatorAttachment: "platform",
          residentKey: "discouraged",
          requireResidentKey: false,
          userVerification: "required"
        })
        yield* failsWith(
          webauthn.register({ user_id: user.user_id, public_key_credential }),
          "UnableToRegisterWebauthnRegistration"
        )

        // Without authenticator_type, the same authenticator registers fine.
        const plain = yield* startRegistration(lazy, user.user_id)
        yield* webauthn.register({ user_id: user.user_id, public_key_credential: plain.public_key_credential })

        yield* failsWith(
          webauthn.registerStart({ user_id: user.user_id, domain: DOMAIN, authenticator_type: "usb-key" }),
          "InvalidAuthenticatorType"
        )
      }))

    it.effect("the same credential cannot be registered twice", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const { credentialId } = yield* registered(authenticator)
        const thief = yield* newUser()
        const again = yield* startRegistration(authenticator, thief.user_id, { bend: { credentialId } })
        yield* failsWith(
          webauthn.register({ user_id: thief.user_id, public_key_credential: again.public_key_credential }),
          "DuplicateWebauthnRegistration"
        )
      }))

    it.effect("pending and unknown users are refused", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const pending = yield* newUser({ create_user_as_pending: true })
        yield* failsWith(
          webauthn.registerStart({ user_id: pending.user_id, domain: DOMAIN }),
          "CannotUseWebauthnWithPendingUser"
        )
        const e = yield* failsWith(
          webauthn.registerStart({ user_id: `user-test-${randomUUID()}`, domain: DOMAIN }),
          "UserNotFound"
        )
        assert.strictEqual((e as { status_code?: number }).status_code, 404)
      }))

    it.effect("malformed credentials fail with the catalogue's invalid_public_key_credential types", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const user = yield* newUser()
        const started = yield* startRegistration(new SoftwareAuthenticator(), user.user_id)
        const good = JSON.parse(started.public_key_credential)
        const cases: ReadonlyArray<readonly [string, string]> = [
          ["{not json", "InvalidPublicKeyCredential"],
          [JSON.stringify({ ...good, id: undefined }), "InvalidPublicKeyCredentialMissingIdField"],
          [JSON.stringify({ ...good, rawId: "another" }), "InvalidPublicKeyCredentialInvalidId"],
          [JSON.stringify({ ...good, response: undefined }), "InvalidPublicKeyCredentialMissingResponseField"],
          [
            JSON.stringify({ ...good, response: { ...good.response, clientDataJSON: undefined } }),
            "InvalidPublicKeyCredentialMissingClientDataJsonField"
          ],
          [
            JSON.stringify({ ...good, response: { ...good.response, clientDataJSON: "bm90IGpzb24" } }),
            "InvalidPublicKeyCredentialMalformedClientDataJson"
          ],
          [
            JSON.stringify({ ...good, response: { ...good.response, attestationObject: undefined } }),
            "InvalidPublicKeyCredentialMissingAttestationObjectField"
          ],
          [
            JSON.stringify({ ...good, response: { ...good.response, attestationObject: "_w" } }),
            "InvalidPublicKeyCredentialMalformedAttestationObject"
          ]
        ]
        for (const [public_key_credential, tag] of cases) {
          yield* failsWith(webauthn.register({ user_id: user.user_id, public_key_credential }), tag)
        }
        // None of them consumed the ceremony.
        yield* webauthn.register({ user_id: user.user_id, public_key_credential: JSON.stringify(good) })
      }))
  })

  describe("authentication", () => {
    it.effect("authenticateStart lists the user's credentials; authenticate verifies and starts a session", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const sessions = yield* Sessions.Sessions
        const authenticator = new SoftwareAuthenticator()
        const { credentialId, user_id, webauthn_registration_id } = yield* registered(authenticator)
        const { options, public_key_credential, started } = yield* assertion(authenticator, user_id)
        assert.strictEqual(started.user_id, user_id)
        assert.deepStrictEqual(options.allowCredentials, [
          { type: "public-key", id: credentialId, transports: ["internal"] }
        ])
        assert.strictEqual(options.rpId, DOMAIN)
        assert.strictEqual(options.timeout, 300_000)
        assert.strictEqual(options.userVerification, "discouraged")
        assert.match(options.challenge, /^[A-Za-z0-9_-]{44}$/)

        const done = yield* webauthn.authenticate({ public_key_credential, session_duration_minutes: 60 })
        assert.strictEqual(done.user_id, user_id)
        assert.strictEqual(done.webauthn_registration_id, webauthn_registration_id)
        assert.strictEqual(done.user.user_id, user_id)
        assert.notStrictEqual(done.session_token, "")
        const session = yield* sessions.authenticate({ session_token: done.session_token })
        assert.strictEqual(session.session.user_id, user_id)
        assert.deepStrictEqual(
          session.session.authentication_factors.map((f) => [
            f.type,
            f.delivery_method,
            f.webauthn_factor?.webauthn_registration_id
          ]),
          [["webauthn", "webauthn_registration", webauthn_registration_id]]
        )

        // Without session_duration_minutes there is no session; with session_token the session is extended.
        const plain = yield* signIn(authenticator, user_id)
        assert.strictEqual(plain.session_token, "")
        const again = yield* assertion(authenticator, user_id)
        const extended = yield* authenticateWith(again.public_key_credential, { session_token: done.session_token })
        assert.strictEqual(extended.session?.session_id, done.session?.session_id)
      }))

    it.effect("passkeys: a discoverable credential signs in without a user_id", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const user = yield* newUser()
        const { options, public_key_credential } = yield* startRegistration(authenticator, user.user_id, {
          start: { return_passkey_credential_options: true }
        })
        assert.deepStrictEqual(options.authenticatorSelection, {
          residentKey: "required",
          requireResidentKey: true,
          userVerification: "preferred"
        })
        const reg = yield* webauthn.register({ user_id: user.user_id, public_key_credential })

        const passkey = yield* assertion(authenticator, undefined, { passkey: true })
        assert.strictEqual(passkey.started.user_id, "")
        assert.deepStrictEqual(passkey.options.allowCredentials, [])
        assert.strictEqual(passkey.options.userVerification, "preferred")
        const done = yield* webauthn.authenticate({
          public_key_credential: passkey.public_key_credential,
          session_duration_minutes: 10
        })
        assert.strictEqual(done.user_id, user.user_id)
        assert.strictEqual(done.webauthn_registration_id, reg.webauthn_registration_id)
        assert.notStrictEqual(done.session_jwt, "")
      }))

    it.effect("the signature counter must grow: a cloned authenticator is refused, the original keeps working", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const { credentialId, user_id } = yield* registered(authenticator)
        for (const expected of [1, 2]) {
          yield* signIn(authenticator, user_id)
          assert.strictEqual(authenticator.counterOf(credentialId), expected)
        }
        const clone = authenticator.clone()
        yield* signIn(authenticator, user_id)
        // The clone reports 3 as well: not more than the 3 already seen.
        const cloned = yield* assertion(clone, user_id)
        assert.strictEqual(clone.counterOf(credentialId), 3)
        const e = yield* failsWith(authenticateWith(cloned.public_key_credential), "UnableToAuthWebauthnRegistration")
        assert.strictEqual((e as { status_code?: number }).status_code, 401)
        // A counter that went backwards is refused too.
        const back = yield* assertion(authenticator, user_id, { bend: { counter: 1 } })
        yield* failsWith(authenticateWith(back.public_key_credential), "UnableToAuthWebauthnRegistration")
        // The failures consumed nothing: the original authenticator, counter 4, signs in.
        const ok = yield* assertion(authenticator, user_id, { bend: { counter: 4 } })
        yield* webauthn.authenticate({ public_key_credential: ok.public_key_credential })
      }))

    it.effect("an authenticator that keeps no counter (always 0) keeps working", () =>
      Effect.gen(function*() {
        const authenticator = new SoftwareAuthenticator({ counterStep: 0 })
        const { credentialId, user_id } = yield* registered(authenticator)
        // Every assertion reports 0, which the emulator must accept each time.
        for (let i = 0; i < 3; i++) assert.strictEqual((yield* signIn(authenticator, user_id)).user_id, user_id)
        assert.strictEqual(authenticator.counterOf(credentialId), 0)
      }))

    it.effect("a replayed assertion is refused: each challenge is used once", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator({ counterStep: 0 })
        const { user_id } = yield* registered(authenticator)
        const { public_key_credential } = yield* assertion(authenticator, user_id)
        yield* webauthn.authenticate({ public_key_credential })
        yield* failsWith(webauthn.authenticate({ public_key_credential }), "UnableToAuthWebauthnRegistration")
      }))

    it.effect("wrong challenge, origin, RP ID and a tampered signature are refused; the ceremony survives them", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator({ counterStep: 0 })
        const { user_id } = yield* registered(authenticator)
        const started = yield* webauthn.authenticateStart({ domain: DOMAIN, user_id, use_base64_url_encoding: true })
        const options = started.public_key_credential_request_options
        const cases: ReadonlyArray<readonly [Bend, string, string]> = [
          [{ challenge: Buffer.alloc(33, 1).toString("base64url") }, ORIGIN, "UnableToAuthWebauthnRegistration"],
          [{}, "https://evil.example", "InvalidWebauthnRegistrationDomain"],
          [{ rpId: "evil.example" }, ORIGIN, "InvalidWebauthnRegistrationDomain"],
          [{ tamperSignature: true }, ORIGIN, "InvalidPublicKeyCredentialInvalidSignature"],
          [{ type: "webauthn.create" }, ORIGIN, "UnableToAuthWebauthnRegistration"]
        ]
        for (const [bend, origin, tag] of cases) {
          yield* failsWith(
            webauthn.authenticate({ public_key_credential: authenticator.authenticate(options, origin, bend) }),
            tag
          )
        }
        // The same ceremony, answered honestly, still succeeds.
        const done = yield* authenticateWith(authenticator.authenticate(options, ORIGIN))
        assert.strictEqual(done.user_id, user_id)
      }))

    it.effect("credentials nobody registered, of another user, or with another user handle are refused", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const mine = new SoftwareAuthenticator()
        const theirs = new SoftwareAuthenticator()
        const me = yield* registered(mine)
        const them = yield* registered(theirs)

        // A stranger's authenticator holds a credential for the domain that was never registered.
        const stranger = new SoftwareAuthenticator()
        const strangerStart = yield* webauthn.registerStart({ user_id: me.user_id, domain: DOMAIN })
        stranger.register(strangerStart.public_key_credential_creation_options, ORIGIN)
        const unknown = yield* assertion(stranger, undefined)
        const e = yield* failsWith(authenticateWith(unknown.public_key_credential), "WebauthnRegistrationNotFound")
        assert.strictEqual((e as { status_code?: number }).status_code, 404)

        // Their credential answering a ceremony started for me.
        const forMe = yield* webauthn.authenticateStart({ domain: DOMAIN, user_id: me.user_id })
        yield* failsWith(
          webauthn.authenticate({
            public_key_credential: theirs.authenticate(forMe.public_key_credential_request_options, ORIGIN, {
              credentialId: them.credentialId
            })
          }),
          "UnableToAuthWebauthnRegistration"
        )

        // My credential with their user handle.
        const good = JSON.parse(mine.authenticate(forMe.public_key_credential_request_options, ORIGIN))
        good.response.userHandle = Buffer.from(them.user_id).toString("base64url")
        yield* failsWith(authenticateWith(JSON.stringify(good)), "UnableToAuthWebauthnRegistration")

        // No user handle at all is fine (non-discoverable credentials may send none).
        const noHandle = yield* assertion(mine, me.user_id, { bend: { omitUserHandle: true } })
        yield* webauthn.authenticate({ public_key_credential: noHandle.public_key_credential })
      }))

    it.effect("platform registrations: authentication requires user verification", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const { user_id } = yield* registered(authenticator, { authenticator_type: "platform" })
        const unverified = yield* assertion(authenticator, user_id, { bend: { userVerified: false } })
        assert.strictEqual(unverified.options.userVerification, "required")
        yield* failsWith(authenticateWith(unverified.public_key_credential), "UnableToAuthWebauthnRegistration")
        const verified = yield* assertion(authenticator, user_id)
        yield* webauthn.authenticate({ public_key_credential: verified.public_key_credential })
      }))

    it.effect("ceremonies expire after 5 minutes (TestClock)", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        // No counter: only the clock can fail the late assertion.
        const authenticator = new SoftwareAuthenticator({ counterStep: 0 })
        const { user_id } = yield* registered(authenticator)

        const late = yield* assertion(authenticator, user_id)
        const inTime = yield* assertion(authenticator, user_id)
        yield* TestClock.adjust(Duration.minutes(4))
        yield* webauthn.authenticate({ public_key_credential: inTime.public_key_credential })
        yield* TestClock.adjust(Duration.seconds(61))
        const e = yield* failsWith(
          webauthn.authenticate({ public_key_credential: late.public_key_credential }),
          "UnableToAuthWebauthnRegistration"
        )
        assert.include((e as { error_message?: string }).error_message, "expired")

        const user = yield* newUser()
        const pending = yield* startRegistration(new SoftwareAuthenticator(), user.user_id)
        yield* TestClock.adjust(Duration.minutes(5))
        yield* failsWith(
          webauthn.register({ user_id: user.user_id, public_key_credential: pending.public_key_credential }),
          "NoPendingWebauthnRegistration"
        )
      }))

    it.effect("authenticateStart: unknown users, users without registrations on the domain, bad domains", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const { user_id } = yield* registered(new SoftwareAuthenticator())
        const bare = yield* newUser()
        const cases = [
          [{ domain: DOMAIN, user_id: bare.user_id }, "NoActiveWebauthnRegistrations"],
          [{ domain: "other.example", user_id }, "NoActiveWebauthnRegistrations"],
          [{ domain: DOMAIN, user_id: `user-test-${randomUUID()}` }, "UserNotFound"],
          [{ domain: ORIGIN }, "InvalidWebauthnRegistrationDomain"]
        ] as const
        for (const [request, tag] of cases) yield* failsWith(webauthn.authenticateStart(request), tag)
      }))

    it.effect("malformed assertions fail with the catalogue's invalid_public_key_credential types", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator({ counterStep: 0 })
        const { user_id } = yield* registered(authenticator)
        const good = JSON.parse((yield* assertion(authenticator, user_id)).public_key_credential)
        const withResponse = (patch: Record<string, unknown>) => ({ ...good, response: { ...good.response, ...patch } })
        const cases: ReadonlyArray<readonly [unknown, string]> = [
          [[1, 2], "InvalidPublicKeyCredential"],
          [{ ...good, type: "password" }, "InvalidPublicKeyCredential"],
          [withResponse({ authenticatorData: undefined }), "InvalidPublicKeyCredentialMissingAuthenticatorDataField"],
          [withResponse({ authenticatorData: "AAAA" }), "InvalidPublicKeyCredentialInvalidAuthenticatorData"],
          [withResponse({ signature: undefined }), "InvalidPublicKeyCredentialMissingSignatureField"],
          [withResponse({ signature: "not base64!" }), "InvalidPublicKeyCredentialInvalidSignature"]
        ]
        for (const [credential, tag] of cases) {
          yield* failsWith(webauthn.authenticate({ public_key_credential: JSON.stringify(credential) }), tag)
        }
        yield* webauthn.authenticate({ public_key_credential: JSON.stringify(good) })
      }))
  })

  describe("management", () => {
    it.effect("update renames a registration; blank names and unknown ids are refused", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const users = yield* Users.Users
        const { user_id, webauthn_registration_id } = yield* registered(new SoftwareAuthenticator())
        const updated = yield* webauthn.update({ webauthn_registration_id, name: "  My laptop " })
        assert.strictEqual(updated.webauthn_registration?.name, "My laptop")
        assert.strictEqual(updated.webauthn_registration?.webauthn_registration_id, webauthn_registration_id)
        assert.strictEqual(updated.webauthn_registration?.domain, DOMAIN)
        assert.strictEqual((yield* users.get({ user_id })).webauthn_registrations[0]!.name, "My laptop")

        yield* failsWith(webauthn.update({ webauthn_registration_id, name: "   " }), "EmptyWebauthnRegistrationName")
        yield* failsWith(
          webauthn.update({ webauthn_registration_id: `webauthn-registration-test-${randomUUID()}`, name: "x" }),
          "WebauthnRegistrationNotFound"
        )
      }))

    it.effect("users.deleteWebAuthnRegistration removes the registration and its credential", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const users = yield* Users.Users
        const authenticator = new SoftwareAuthenticator()
        const { user_id, webauthn_registration_id } = yield* registered(authenticator)
        // A passkey ceremony begun before the deletion.
        const before = yield* assertion(authenticator, undefined)

        const deleted = yield* users.deleteWebAuthnRegistration({ webauthn_registration_id })
        assert.strictEqual(deleted.user_id, user_id)
        assert.deepStrictEqual(deleted.user.webauthn_registrations, [])
        assert.deepStrictEqual((yield* users.get({ user_id })).webauthn_registrations, [])

        yield* failsWith(authenticateWith(before.public_key_credential), "WebauthnRegistrationNotFound")
        yield* failsWith(webauthn.authenticateStart({ domain: DOMAIN, user_id }), "NoActiveWebauthnRegistrations")
        yield* failsWith(users.deleteWebAuthnRegistration({ webauthn_registration_id }), "WebauthnRegistrationNotFound")
        const creds = yield* webauthn.listCredentials({ user_id, domain: DOMAIN })
        assert.deepStrictEqual(creds.credentials, [])
      }))

    it.effect("listCredentials lists the user's credentials on a domain", () =>
      Effect.gen(function*() {
        const webauthn = yield* WebAuthn.WebAuthn
        const authenticator = new SoftwareAuthenticator()
        const { credentialId, user_id, webauthn_registration_id } = yield* registered(authenticator)
        const listed = yield* webauthn.listCredentials({ user_id, domain: DOMAIN })
        assert.strictEqual(listed.credentials.length, 1)
        const [credential] = listed.credentials
        assert.strictEqual(credential!.credential_id, credentialId)
        assert.strictEqual(credential!.webauthn_registration_id, webauthn_registration_id)
        assert.strictEqual(credential!.type, "public-key")
        // A COSE EC2 key: a CBOR map of 5 entries.
        assert.strictEqual(Buffer.from(credential!.public_key, "base64url")[0], 0xa5)
        assert.deepStrictEqual((yield* webauthn.listCredentials({ user_id, domain: "other.example" })).credentials, [])
      }))
  })
})
