/**
 * The emulator driven by Stytch's own Node SDK (the `stytch` package) over loopback HTTP: one realistic flow per
 * area, with real values checked (ids match, errors carry the right `error_type` and `status_code`). This is the
 * official SDK's view of the emulator's wire format.
 *
 * The SDK refuses a non-HTTPS `custom_base_url`, so the loopback URL is given as `env` (which it accepts with a
 * console warning, silenced here). Real clock: the SDK verifies JWTs against the wall clock.
 */
import { ed25519 } from "@noble/curves/ed25519.js"
import { base58 } from "@scure/base"
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as OTPAuth from "otpauth"
import { createHash, randomBytes, randomUUID } from "node:crypto"
import * as stytch from "stytch"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { SoftwareAuthenticator } from "./support/webauthn-authenticator.js"

vi.setConfig({ testTimeout: 30_000 })
vi.spyOn(console, "warn").mockImplementation(() => {})

const STRONG_PASSWORD = "correct-horse-battery-staple-Quasar-42!"
const REDIRECT = "https://app.example.com/callback"
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@official.example.test`
const uniquePhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`

/** Redeems an authorization code at the emulator's OAuth2 token route, as a Connected App would. */
const redeemCode = (url: string, projectId: string, fields: Record<string, string>) =>
  fetch(`${url}/v1/public/${projectId}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", redirect_uri: REDIRECT, ...fields })
  })

/** The emulator, its loopback URL, and the official client pointed at it. */
const setup = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const server = yield* StytchEmulator.EmulatorServer
  const client = new stytch.Client({
    project_id: emulator.projectId,
    secret: Redacted.value(emulator.secret),
    env: `${server.url}/`,
    fraud_env: `${server.url}/`
  })
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/emulator/v1${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    return await response.json() as any
  }
  const outbox = async (to: string) => (await control("GET", `/outbox?to=${encodeURIComponent(to)}`)).messages as Array<any>
  return { emulator, server, client, control, outbox }
})

/** Runs an async flow against a fresh setup. */
const flow = (run: (s: Effect.Effect.Success<typeof setup>) => Promise<void>) =>
  Effect.flatMap(setup, (s) => Effect.promise(() => run(s)))

/** The promise must reject with a Stytch error of this type and status. */
const rejects = async (promise: Promise<unknown>, error_type: string, status_code: number) => {
  const error = await promise.then(() => undefined, (e: any) => e)
  expect(error, `expected ${error_type}`).toBeInstanceOf(stytch.StytchError)
  expect(error.error_type).toBe(error_type)
  expect(error.status_code).toBe(status_code)
}

layer(StytchEmulator.layerServer(), { excludeTestServices: true })("the official stytch package over loopback", (it) => {
  it.effect("users: create, get, search, update, delete", () =>
    flow(async ({ client }) => {
      const email = uniqueEmail("users")
      const created = await client.users.create({ email, name: { first_name: "Ada" } })
      expect(created.user.emails[0]?.email).toBe(email)
      const got = await client.users.get({ user_id: created.user_id })
      expect(got.user_id).toBe(created.user_id)
      expect(got.name?.first_name).toBe("Ada")
      const found = await client.users.search({
        limit: 10,
        query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
      })
      expect(found.results.map((u) => u.user_id)).toEqual([created.user_id])
      const updated = await client.users.update({ user_id: created.user_id, name: { last_name: "Lovelace" } })
      expect(updated.user.name?.last_name).toBe("Lovelace")
      await client.users.delete({ user_id: created.user_id })
      await rejects(client.users.get({ user_id: created.user_id }), "user_not_found", 404)
      await rejects(client.users.create({ email: "not-an-email" }), "invalid_email", 400)
    }))

  it.effect("sessions: authenticate, list, revoke", () =>
    flow(async ({ client, control }) => {
      const { user_id } = await client.users.create({ email: uniqueEmail("sessions") })
      const seeded = await control("POST", "/sessions", { user_id, session_duration_minutes: 60 })
      const authed = await client.sessions.authenticate({ session_token: seeded.session_token })
      expect(authed.session.session_id).toBe(seeded.session_id)
      expect(authed.user.user_id).toBe(user_id)
      const listed = await client.sessions.get({ user_id })
      expect(listed.sessions.map((s) => s.session_id)).toEqual([seeded.session_id])
      await client.sessions.revoke({ session_id: seeded.session_id })
      await rejects(client.sessions.authenticate({ session_token: seeded.session_token }), "session_not_found", 404)
    }))

  // The official SDK fetches the JWKS without credentials, as Stytch serves it.
  it.effect("sessions: authenticateJwt and authenticateJwtLocal verify against the JWKS", () =>
    flow(async ({ client, control }) => {
      const { user_id } = await client.users.create({ email: uniqueEmail("jwt") })
      const seeded = await control("POST", "/sessions", { user_id, session_duration_minutes: 60 })
      const local = await client.sessions.authenticateJwtLocal({ session_jwt: seeded.session_jwt })
      expect(local.session_id).toBe(seeded.session_id)
      const remote = await client.sessions.authenticateJwt({ session_jwt: seeded.session_jwt })
      expect(remote.session.session_id).toBe(seeded.session_id)
    }))

  it.effect("passwords: strength check, create, authenticate, reset by email through the outbox", () =>
    flow(async ({ client, outbox }) => {
      const weak = await client.passwords.strengthCheck({ password: "password" })
      expect(weak.valid_password).toBe(false)
      const strong = await client.passwords.strengthCheck({ password: STRONG_PASSWORD })
      expect(strong.valid_password).toBe(true)
      const email = uniqueEmail("passwords")
      const created = await client.passwords.create({ email, password: STRONG_PASSWORD, session_duration_minutes: 60 })
      const authed = await client.passwords.authenticate({ email, password: STRONG_PASSWORD })
      expect(authed.user_id).toBe(created.user_id)
      await rejects(client.passwords.authenticate({ email, password: `${STRONG_PASSWORD}-wrong` }), "unauthorized_credentials", 401)
      await client.passwords.email.resetStart({ email })
      const message = (await outbox(email)).find((m) => m.kind === "password_reset")
      expect(message?.token).toBeTypeOf("string")
      const next = `${STRONG_PASSWORD}-renewed`
      const reset = await client.passwords.email.reset({ token: message.token, password: next })
      expect(reset.user_id).toBe(created.user_id)
      expect((await client.passwords.authenticate({ email, password: next })).user_id).toBe(created.user_id)
    }))

  it.effect("magic links: login or create, authenticate with the outbox token", () =>
    flow(async ({ client, outbox }) => {
      const email = uniqueEmail("ml")
      const sent = await client.magicLinks.email.loginOrCreate({ email })
      const message = (await outbox(email)).find((m) => m.kind.startsWith("magic_link"))
      const authed = await client.magicLinks.authenticate({ token: message.token, session_duration_minutes: 30 })
      expect(authed.user_id).toBe(sent.user_id)
      expect(authed.session?.authentication_factors[0]?.type).toBe("magic_link")
      await rejects(client.magicLinks.authenticate({ token: message.token }), "unable_to_auth_magic_link", 401)
    }))

  it.effect("OTPs: SMS and email, authenticated with the outbox codes", () =>
    flow(async ({ client, outbox }) => {
      const phone_number = uniquePhone()
      const sms = await client.otps.sms.loginOrCreate({ phone_number })
      const smsCode = (await outbox(phone_number)).find((m) => m.kind === "otp").code
      await rejects(
        client.otps.authenticate({ method_id: sms.phone_id, code: smsCode === "000000" ? "111111" : "000000" }),
        "otp_code_not_found",
        404
      )
      const bySms = await client.otps.authenticate({ method_id: sms.phone_id, code: smsCode, session_duration_minutes: 30 })
      expect(bySms.user_id).toBe(sms.user_id)
      const email = uniqueEmail("otp")
      const mail = await client.otps.email.loginOrCreate({ email })
      const mailCode = (await outbox(email)).find((m) => m.kind === "otp").code
      const byEmail = await client.otps.authenticate({ method_id: mail.email_id, code: mailCode })
      expect(byEmail.user_id).toBe(mail.user_id)
    }))

  it.effect("OAuth: a minted provider token authenticates into a user and session", () =>
    flow(async ({ client, control }) => {
      const email = uniqueEmail("oauth")
      const { token } = await control("POST", "/oauth/tokens", {
        provider_type: "google",
        provider_subject: randomUUID(),
        email
      })
      const authed = await client.oauth.authenticate({ token, session_duration_minutes: 30 })
      expect(authed.provider_type.toLowerCase()).toBe("google")
      expect((await client.users.get({ user_id: authed.user_id })).emails[0]?.email).toBe(email)
      await rejects(client.oauth.authenticate({ token }), "oauth_token_not_found", 404)
    }))

  it.effect("TOTPs: create, authenticate with a generated code, recovery codes", () =>
    flow(async ({ client }) => {
      const { user_id } = await client.users.create({ email: uniqueEmail("totp") })
      const created = await client.totps.create({ user_id })
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(created.secret), digits: 6, period: 30 }).generate()
      const authed = await client.totps.authenticate({ user_id, totp_code: code, session_duration_minutes: 30 })
      expect(authed.totp_id).toBe(created.totp_id)
      const recovery = await client.totps.recoveryCodes({ user_id })
      expect(recovery.totps[0]?.recovery_codes).toEqual(created.recovery_codes)
    }))

  it.effect("crypto wallets: a Solana wallet signs the challenge", () =>
    flow(async ({ client }) => {
      const secretKey = ed25519.utils.randomSecretKey()
      const crypto_wallet_address = base58.encode(ed25519.getPublicKey(secretKey))
      const started = await client.cryptoWallets.authenticateStart({ crypto_wallet_type: "solana", crypto_wallet_address })
      const signature = base58.encode(ed25519.sign(new TextEncoder().encode(started.challenge), secretKey))
      const authed = await client.cryptoWallets.authenticate({
        crypto_wallet_type: "solana",
        crypto_wallet_address,
        signature,
        session_duration_minutes: 30
      })
      expect(authed.user_id).toBe(started.user_id)
      expect(authed.user.crypto_wallets[0]?.crypto_wallet_address).toBe(crypto_wallet_address)
    }))

  it.effect("WebAuthn: register a software authenticator, then sign in with it", () =>
    flow(async ({ client }) => {
      const authenticator = new SoftwareAuthenticator()
      const { user_id } = await client.users.create({ email: uniqueEmail("webauthn") })
      const domain = "example.com"
      const origin = "https://example.com"
      const started = await client.webauthn.registerStart({ user_id, domain, use_base64_url_encoding: true })
      const { public_key_credential } = authenticator.register(started.public_key_credential_creation_options, origin)
      const registered = await client.webauthn.register({ user_id, public_key_credential })
      const auth = await client.webauthn.authenticateStart({ user_id, domain, use_base64_url_encoding: true })
      const assertion = authenticator.authenticate(auth.public_key_credential_request_options, origin)
      const signedIn = await client.webauthn.authenticate({ public_key_credential: assertion, session_duration_minutes: 30 })
      expect(signedIn.user_id).toBe(user_id)
      expect(signedIn.webauthn_registration_id).toBe(registered.webauthn_registration_id)
      // A replayed assertion (its challenge is spent).
      await rejects(client.webauthn.authenticate({ public_key_credential: assertion }), "unable_to_auth_webauthn_registration", 401)
    }))

  it.effect("M2M: create a client, get a token, rotate its secret", () =>
    flow(async ({ client }) => {
      const { m2m_client } = await client.m2m.clients.create({ scopes: ["read:users"] })
      const token = await client.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
      expect(token.token_type.toLowerCase()).toBe("bearer")
      const got = await client.m2m.clients.get({ client_id: m2m_client.client_id })
      expect(got.m2m_client.scopes).toEqual(["read:users"])
      const rotating = await client.m2m.clients.secrets.rotateStart({ client_id: m2m_client.client_id })
      expect(rotating.m2m_client.next_client_secret).toBeTypeOf("string")
      await client.m2m.clients.secrets.rotate({ client_id: m2m_client.client_id })
      const error = await client.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
        .then(() => undefined, (e: any) => e)
      expect(error?.error_type).toBe("invalid_client")
    }))

  // authenticateToken verifies locally against the JWKS, fetched without credentials.
  it.effect("M2M: authenticateToken verifies the token locally", () =>
    flow(async ({ client }) => {
      const { m2m_client } = await client.m2m.clients.create({ scopes: ["read:users"] })
      const { access_token } = await client.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
      const authed = await client.m2m.authenticateToken({ access_token, required_scopes: ["read:users"] })
      expect(authed.client_id).toBe(m2m_client.client_id)
    }))

  it.effect("fraud: a seeded telemetry id looks up", () =>
    flow(async ({ client, control }) => {
      const seeded = await control("POST", "/telemetry", {})
      const looked = await client.fraud.fingerprint.lookup({ telemetry_id: seeded.telemetry_id })
      expect(looked.telemetry_id).toBe(seeded.telemetry_id)
      expect(looked.fingerprints.visitor_id).toBe(seeded.visitor_id)
      expect(["ALLOW", "CHALLENGE", "BLOCK"]).toContain(looked.verdict.action)
    }))

  it.effect("project, RBAC and debug", () =>
    flow(async ({ client, emulator }) => {
      const whoami = await client.debug.whoami()
      expect(whoami.project_id).toBe(emulator.projectId)
      const policy = await client.rbac.policy()
      expect(policy.policy?.roles.map((r) => r.role_id)).toContain("stytch_user")
      const metrics = await client.project.metrics()
      expect(metrics.project_id).toBe(emulator.projectId)
    }))

  it.effect("impersonation: a minted impersonation token authenticates", () =>
    flow(async ({ client, control }) => {
      const { user_id } = await client.users.create({ email: uniqueEmail("imp") })
      const { impersonation_token } = await control("POST", "/impersonation/tokens", { user_id })
      const authed = await client.impersonation.authenticate({ impersonation_token })
      expect(authed.user_id).toBe(user_id)
      expect(authed.session?.authentication_factors[0]?.type).toBe("impersonated")
    }))

  it.effect("connected apps and IDP: authorize with PKCE, redeem the code, introspect, list and revoke the grant, exchange", () =>
    flow(async ({ client, control, emulator, server }) => {
      const { connected_app: app } = await client.connectedApp.clients.create({
        client_type: "first_party",
        client_name: "Our desktop app",
        redirect_urls: [REDIRECT],
        full_access_allowed: true
      })
      expect((await client.connectedApp.clients.get({ client_id: app.client_id })).connected_app.client_name).toBe(
        "Our desktop app"
      )
      const { user_id } = await client.users.create({ email: uniqueEmail("idp") })
      const seeded = await control("POST", "/sessions", { user_id, session_duration_minutes: 60 })
      const verifier = randomBytes(32).toString("base64url")
      const code_challenge = createHash("sha256").update(verifier).digest("base64url")
      const request = {
        client_id: app.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["openid", "full_access"],
        session_token: seeded.session_token
      }
      const start = await client.idp.oauth.authorizeStart(request)
      expect(start.user_id).toBe(user_id)
      expect(start.client.client_id).toBe(app.client_id)
      expect(start.scope_results.every((r) => r.is_grantable)).toBe(true)
      const authorized = await client.idp.oauth.authorize({ ...request, consent_granted: true, code_challenge, state: "st" })
      expect(new URL(authorized.redirect_uri).searchParams.get("state")).toBe("st")

      const tokenResponse = await redeemCode(server.url, emulator.projectId, {
        client_id: app.client_id,
        client_secret: app.client_secret!,
        code: authorized.authorization_code!,
        code_verifier: verifier
      })
      const tokens = await tokenResponse.json() as any
      expect(tokenResponse.status).toBe(200)
      const claims = await client.idp.introspectTokenNetwork({
        token: tokens.access_token,
        client_id: app.client_id,
        client_secret: app.client_secret!
      })
      expect(claims.subject).toBe(user_id)
      expect(claims.scope).toBe("openid full_access")

      const grants = await client.users.connectedApps({ user_id })
      expect(grants.connected_apps.map((g) => [g.connected_app_id, g.scopes_granted])).toEqual([
        [app.client_id, "openid full_access"]
      ])
      const exchanged = await client.sessions.exchangeAccessToken({ access_token: tokens.access_token })
      expect(exchanged.user_id).toBe(user_id)
      expect(exchanged.session?.authentication_factors[0]?.delivery_method).toBe("oauth_access_token_exchange")

      await client.users.revoke({ user_id, connected_app_id: app.client_id })
      expect((await client.users.connectedApps({ user_id })).connected_apps).toEqual([])
      await rejects(client.sessions.exchangeAccessToken({ access_token: tokens.access_token }), "idp_access_token_not_found", 404)
      await rejects(
        client.idp.oauth.authorizeStart({ ...request, redirect_uri: "https://evil.example.com/cb" }),
        "connected_app_supplied_redirect_url_not_found_in_client",
        401
      )
    }))

  // introspectTokenLocal verifies against the JWKS, fetched without credentials.
  it.effect("IDP: introspectTokenLocal verifies a Connected App access token", () =>
    flow(async ({ client, emulator, server }) => {
      const { connected_app: app } = await client.connectedApp.clients.create({
        client_type: "first_party",
        client_name: "local",
        redirect_urls: [REDIRECT]
      })
      const { user_id } = await client.users.create({ email: uniqueEmail("idp-local") })
      const authorized = await client.idp.oauth.authorize({
        client_id: app.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["openid"],
        user_id,
        consent_granted: true
      })
      const response = await redeemCode(server.url, emulator.projectId, {
        client_id: app.client_id,
        client_secret: app.client_secret!,
        code: authorized.authorization_code!
      })
      const { access_token } = await response.json() as any
      const claims = await client.idp.introspectTokenLocal(access_token)
      expect(claims.subject).toBe(user_id)
    }))
})
