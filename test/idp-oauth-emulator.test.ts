/**
 * The emulator as an OAuth identity provider, through the SDK: authorization (start, authorize with consent and
 * PKCE), the authorization code and refresh token redeemed at the OAuth2 token route, the access token introspected
 * (network and local) and exchanged for a session, the user's grants listed and revoked, and `sessions.attest` with
 * Trusted Auth Token profiles. Every failure is typed and leaves the state as it was.
 *
 * One in-process emulator for the file; the tests run one after another.
 */
import { assert, describe, expect, it as plainIt, layer } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as jose from "jose"
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from "node:crypto"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { defaultSettings, newId, Store } from "../emulator/src/internal/store.js"
import { blankUser } from "../emulator/src/handlers/common.js"
import { ConnectedApp, IDP, M2M, Sessions, Users } from "../src/index.js"
import { expectFailure, uniqueEmail } from "./support.js"

vi.setConfig({ testTimeout: 30_000 })

const REDIRECT = "https://app.example.com/callback"

const failsWith = <A, E extends { readonly _tag: string }, R>(self: Effect.Effect<A, E, R>, tag: string, status?: number) =>
  Effect.map(expectFailure(self), (error) => {
    expect(error._tag).toBe(tag)
    if (status !== undefined) expect((error as unknown as { status_code: number }).status_code).toBe(status)
    return error
  })

const newClient = (client_type: string, extra: Record<string, unknown> = {}) =>
  Effect.flatMap(ConnectedApp.ConnectedApp, (ca) =>
    Effect.map(
      ca.clients.create({ client_type, client_name: `app-${randomUUID().slice(0, 6)}`, redirect_urls: [REDIRECT], ...extra }),
      (r) => r.connected_app
    ))

/** A user with an email and a live session. */
const newUser = Effect.gen(function*() {
  const users = yield* Users.Users
  const emulator = yield* StytchEmulator.StytchEmulator
  const email = uniqueEmail("idp")
  const { user_id } = yield* users.create({ email })
  const session = yield* emulator.seedSession({ user_id })
  return { user_id, email, session }
})

/** A form post to the OAuth2 token route (no Basic auth). */
const tokenRoute = (fields: Record<string, string | undefined>) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const body = new URLSearchParams(
      Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)
    ).toString()
    const answer = yield* emulator.handle({
      method: "POST",
      url: `/v1/public/${emulator.projectId}/oauth2/token`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body
    })
    return { status: answer.status, json: JSON.parse(answer.body) as Record<string, any> }
  })

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url")
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") }
}

const decode = (jwt: string) => jose.decodeJwt(jwt)
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

layer(StytchEmulator.layerStytch())("IDP OAuth against the emulator", (it) => {
  it.effect("third-party confidential flow: consent, code, tokens, introspection, grants, refresh, revoke", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const users = yield* Users.Users
      const client = yield* newClient("third_party")
      const { session, user_id } = yield* newUser
      const request = {
        client_id: client.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["openid", "email", "offline_access"],
        session_token: session.session_token
      }
      const start = yield* idp.oauth.authorizeStart(request)
      assert.strictEqual(start.user_id, user_id)
      assert.strictEqual(start.user.user_id, user_id)
      assert.strictEqual(start.client.client_id, client.client_id)
      assert.strictEqual(start.client.client_name, client.client_name)
      assert.isTrue(start.consent_required)
      assert.deepStrictEqual(start.scope_results.map((r) => [r.scope, r.is_grantable]), [
        ["openid", true],
        ["email", true],
        ["offline_access", true]
      ])

      const authorized = yield* idp.oauth.authorize({ ...request, consent_granted: true, state: "xyz", nonce: "n-1" })
      const code = authorized.authorization_code!
      assert.isString(code)
      const redirect = new URL(authorized.redirect_uri)
      assert.strictEqual(`${redirect.origin}${redirect.pathname}`, REDIRECT)
      assert.strictEqual(redirect.searchParams.get("code"), code)
      assert.strictEqual(redirect.searchParams.get("state"), "xyz")

      const token = yield* tokenRoute({
        grant_type: "authorization_code",
        client_id: client.client_id,
        client_secret: client.client_secret,
        code,
        redirect_uri: REDIRECT
      })
      assert.strictEqual(token.status, 200)
      assert.strictEqual(token.json.token_type, "bearer")
      assert.strictEqual(token.json.expires_in, 3600)
      assert.strictEqual(token.json.scope, "openid email offline_access")
      assert.isString(token.json.refresh_token)
      const claims = decode(token.json.access_token)
      assert.strictEqual(claims.sub, user_id)
      assert.strictEqual(claims.client_id, client.client_id)
      const idToken = decode(token.json.id_token)
      assert.strictEqual(idToken.sub, user_id)
      assert.deepStrictEqual(idToken.aud, [client.client_id])
      assert.strictEqual(idToken.nonce, "n-1")
      assert.strictEqual(idToken.email, (yield* users.get({ user_id })).emails[0]!.email)

      // A code is spent by its first use.
      const again = yield* tokenRoute({
        grant_type: "authorization_code",
        client_id: client.client_id,
        client_secret: client.client_secret,
        code,
        redirect_uri: REDIRECT
      })
      assert.strictEqual(again.status, 400)
      assert.strictEqual(again.json.error, "invalid_grant")

      // The access token, as the Connected App's backend sees it.
      const network = yield* idp.introspectTokenNetwork({
        token: token.json.access_token,
        client_id: client.client_id,
        client_secret: Redacted.make(client.client_secret!)
      })
      assert.strictEqual(network.subject, user_id)
      assert.strictEqual(network.scope, "openid email offline_access")
      const local = yield* idp.introspectTokenLocal({ token: token.json.access_token })
      assert.strictEqual(local.subject, user_id)
      assert.strictEqual(local.custom_claims.client_id, client.client_id)

      // The grant.
      const listed = yield* users.connectedApps({ user_id })
      assert.deepStrictEqual(listed.connected_apps.map((a) => [a.connected_app_id, a.name, a.client_type, a.scopes_granted]), [
        [client.client_id, client.client_name, "third_party", "openid email offline_access"]
      ])
      assert.isFalse((yield* idp.oauth.authorizeStart(request)).consent_required)
      assert.isTrue((yield* idp.oauth.authorizeStart({ ...request, prompt: "consent" })).consent_required)

      // Confidential clients' refresh tokens do not rotate.
      const refreshed = yield* tokenRoute({
        grant_type: "refresh_token",
        client_id: client.client_id,
        client_secret: client.client_secret,
        refresh_token: token.json.refresh_token
      })
      assert.strictEqual(refreshed.status, 200)
      assert.isUndefined(refreshed.json.refresh_token)
      assert.strictEqual(decode(refreshed.json.access_token).sub, user_id)
      const wrongSecret = yield* tokenRoute({
        grant_type: "refresh_token",
        client_id: client.client_id,
        client_secret: "not-the-secret",
        refresh_token: token.json.refresh_token
      })
      assert.strictEqual(wrongSecret.status, 401)
      assert.strictEqual(wrongSecret.json.error, "invalid_client")

      // Revoking drops the grant and its refresh tokens.
      yield* users.revoke({ user_id, connected_app_id: client.client_id })
      assert.deepStrictEqual((yield* users.connectedApps({ user_id })).connected_apps, [])
      const afterRevoke = yield* tokenRoute({
        grant_type: "refresh_token",
        client_id: client.client_id,
        client_secret: client.client_secret,
        refresh_token: token.json.refresh_token
      })
      assert.strictEqual(afterRevoke.json.error, "invalid_grant")
      assert.isTrue((yield* idp.oauth.authorizeStart(request)).consent_required)
    }))

  it.effect("public client: PKCE is required and checked; a failed redemption does not spend the code; refresh rotates", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const client = yield* newClient("third_party_public")
      const { user_id } = yield* newUser
      const request = {
        client_id: client.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["openid", "offline_access"],
        user_id,
        consent_granted: true
      }
      yield* failsWith(idp.oauth.authorize(request), "PkceRequiredForIdpAuthorizationFlow", 400)
      yield* failsWith(idp.oauth.authorize({ ...request, code_challenge: "short" }), "InvalidPkceCodeChallenge", 400)
      const users = yield* Users.Users
      assert.deepStrictEqual((yield* users.connectedApps({ user_id })).connected_apps, [], "failed authorize grants nothing")

      const { challenge, verifier } = pkce()
      const { authorization_code: code } = yield* idp.oauth.authorize({ ...request, code_challenge: challenge })
      const redeem = (extra: Record<string, string | undefined>) =>
        tokenRoute({ grant_type: "authorization_code", client_id: client.client_id, code, redirect_uri: REDIRECT, ...extra })
      for (
        const extra of [
          {},
          { code_verifier: pkce().verifier },
          { code_verifier: verifier, redirect_uri: "https://app.example.com/other" },
          { code_verifier: verifier, client_secret: "a-public-client-has-no-secret" }
        ]
      ) {
        const failed = yield* redeem(extra)
        assert.include(["invalid_grant", "invalid_client"], failed.json.error, JSON.stringify(extra))
        assert.isAtLeast(failed.status, 400)
      }
      const ok = yield* redeem({ code_verifier: verifier })
      assert.strictEqual(ok.status, 200, JSON.stringify(ok.json))
      assert.strictEqual(decode(ok.json.access_token).sub, user_id)

      const rotated = yield* tokenRoute({
        grant_type: "refresh_token",
        client_id: client.client_id,
        refresh_token: ok.json.refresh_token
      })
      assert.strictEqual(rotated.status, 200)
      assert.isString(rotated.json.refresh_token)
      assert.notStrictEqual(rotated.json.refresh_token, ok.json.refresh_token)
      const old = yield* tokenRoute({
        grant_type: "refresh_token",
        client_id: client.client_id,
        refresh_token: ok.json.refresh_token
      })
      assert.strictEqual(old.json.error, "invalid_grant")
    }))

  it.effect("start and authorize failures are typed and change nothing", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const users = yield* Users.Users
      const client = yield* newClient("third_party")
      const { session, user_id } = yield* newUser
      const base = {
        client_id: client.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["openid"],
        user_id
      }
      const cases: ReadonlyArray<readonly [Record<string, unknown>, string, number]> = [
        [{ client_id: "connected-app-test-00000000-0000-0000-0000-000000000000" }, "ConnectedAppNotFound", 404],
        [{ redirect_uri: "https://evil.example.com/cb" }, "ConnectedAppSuppliedRedirectUrlNotFoundInClient", 401],
        [{ response_type: "token" }, "BadRequest", 400],
        [{ scopes: ["openid", "write:everything"] }, "OauthInvalidScopeRequested", 400],
        [{ user_id: undefined }, "BadRequest", 400],
        [{ session_token: session.session_token }, "BadRequest", 400],
        [{ user_id: undefined, session_token: "no-such-session" }, "SessionNotFound", 404],
        [{ user_id: "user-test-00000000-0000-0000-0000-000000000000" }, "UserNotFound", 404],
        [{ prompt: "none consent" }, "OidcPromptNoneMustBeExclusive", 400],
        [{ prompt: "sometimes" }, "BadRequest", 400]
      ]
      for (const [patch, tag, status] of cases) {
        yield* failsWith(idp.oauth.authorizeStart({ ...base, ...patch } as any), tag, status)
        yield* failsWith(idp.oauth.authorize({ ...base, ...patch, consent_granted: true } as any), tag, status)
      }
      // full_access is not grantable by a third-party client.
      const start = yield* idp.oauth.authorizeStart({ ...base, scopes: ["openid", "full_access"] })
      assert.deepStrictEqual(start.scope_results.map((r) => r.is_grantable), [true, false])

      // Consent denied, or needed under prompt=none: a redirect with an error and no code.
      const denied = yield* idp.oauth.authorize({ ...base, consent_granted: false, state: "s" })
      assert.isUndefined(denied.authorization_code)
      assert.strictEqual(new URL(denied.redirect_uri).searchParams.get("error"), "access_denied")
      assert.strictEqual(new URL(denied.redirect_uri).searchParams.get("state"), "s")
      const silent = yield* idp.oauth.authorize({ ...base, consent_granted: true, prompt: "none" })
      assert.strictEqual(new URL(silent.redirect_uri).searchParams.get("error"), "consent_required")
      assert.deepStrictEqual((yield* users.connectedApps({ user_id })).connected_apps, [])

      // Revoking a grant the user never made succeeds (idempotent); a deleted client's grant no longer lists.
      yield* users.revoke({ user_id, connected_app_id: client.client_id })
      const doomed = yield* newClient("third_party")
      yield* idp.oauth.authorize({ ...base, client_id: doomed.client_id, consent_granted: true })
      assert.deepStrictEqual((yield* users.connectedApps({ user_id })).connected_apps.map((a) => a.connected_app_id), [
        doomed.client_id
      ])
      yield* Effect.flatMap(ConnectedApp.ConnectedApp, (ca) => ca.clients.delete({ client_id: doomed.client_id }))
      assert.deepStrictEqual((yield* users.connectedApps({ user_id })).connected_apps, [])

      yield* failsWith(users.connectedApps({ user_id: "user-test-00000000-0000-0000-0000-000000000000" }), "UserNotFound", 404)
      yield* failsWith(
        users.revoke({ user_id, connected_app_id: "connected-app-test-00000000-0000-0000-0000-000000000000" }),
        "ConnectedAppNotFound",
        404
      )
    }))

  it.effect("custom scopes follow the RBAC policy: declared scopes are grantable when the user's roles hold them", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const idp = yield* IDP.IDP
      const before = (yield* emulator.settings).rbacPolicy
      yield* emulator.updateSettings({
        rbacPolicy: {
          resources: [{ resource_id: "docs", description: "", actions: ["read", "write"] }],
          roles: [{ role_id: "stytch_user", description: "", permissions: [{ resource_id: "docs", actions: ["read"] }] }],
          scopes: [
            { scope: "read:docs", description: "Read docs", permissions: [{ resource_id: "docs", actions: ["read"] }] },
            { scope: "write:docs", description: "Write docs", permissions: [{ resource_id: "docs", actions: ["write"] }] }
          ]
        }
      })
      const client = yield* newClient("first_party")
      const { user_id } = yield* newUser
      const start = yield* idp.oauth.authorizeStart({
        client_id: client.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["read:docs", "write:docs"],
        user_id
      })
      yield* emulator.updateSettings({ rbacPolicy: before })
      assert.deepStrictEqual(start.scope_results, [
        { scope: "read:docs", description: "Read docs", is_grantable: true },
        { scope: "write:docs", description: "Write docs", is_grantable: false }
      ])
      assert.isFalse(start.consent_required, "first-party clients skip consent")
    }))

  it.effect("exchangeAccessToken: a full_access token authorized from a session becomes a new session", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const sessions = yield* Sessions.Sessions
      const m2mClientToken = yield* Effect.gen(function*() {
        const m2m = yield* M2M.M2M
        const { m2m_client } = yield* m2m.clients.create({ scopes: ["read"] })
        return (yield* m2m.token({ client_id: m2m_client.client_id, client_secret: Redacted.make(m2m_client.client_secret) })).access_token
      })
      const client = yield* newClient("first_party", { full_access_allowed: true })
      const { session, user_id } = yield* newUser
      const tokenFor = (scopes: Array<string>, who: Record<string, string>) =>
        Effect.gen(function*() {
          const { authorization_code } = yield* idp.oauth.authorize({
            client_id: client.client_id,
            redirect_uri: REDIRECT,
            response_type: "code",
            scopes,
            consent_granted: true,
            ...who
          })
          const t = yield* tokenRoute({
            grant_type: "authorization_code",
            client_id: client.client_id,
            client_secret: client.client_secret,
            code: authorization_code,
            redirect_uri: REDIRECT
          })
          return t.json.access_token as string
        })
      const full = yield* tokenFor(["openid", "full_access"], { session_jwt: session.session_jwt })
      const exchanged = yield* sessions.exchangeAccessToken({ access_token: full, session_duration_minutes: 30 })
      assert.strictEqual(exchanged.user_id, user_id)
      assert.notStrictEqual(exchanged.session_token, session.session_token)
      assert.deepStrictEqual(exchanged.session?.authentication_factors.map((f) => [f.type, f.delivery_method]), [
        ["oauth", "oauth_access_token_exchange"]
      ])
      assert.strictEqual(exchanged.session?.authentication_factors[0]?.oauth_access_token_exchange_factor?.client_id, client.client_id)
      const authed = yield* sessions.authenticate({ session_token: exchanged.session_token })
      assert.strictEqual(authed.session.session_id, exchanged.session?.session_id)

      const noFull = yield* tokenFor(["openid"], { session_token: session.session_token })
      yield* failsWith(sessions.exchangeAccessToken({ access_token: noFull }), "OauthAccessTokenExchangeMissingFullAccess", 400)
      const byUserId = yield* tokenFor(["full_access"], { user_id })
      yield* failsWith(sessions.exchangeAccessToken({ access_token: byUserId }), "IdpAccessTokenCouldNotBeExchanged", 404)
      yield* failsWith(sessions.exchangeAccessToken({ access_token: "not-a-token" }), "IdpAccessTokenNotFound", 404)
      yield* failsWith(sessions.exchangeAccessToken({ access_token: m2mClientToken }), "IdpAccessTokenNotFound", 404)
      yield* failsWith(
        sessions.exchangeAccessToken({ access_token: full, session_duration_minutes: 1 }),
        "InvalidSessionDurationMinutes",
        400
      )
      // Revoking the grant ends the exchangeability of its tokens.
      const users = yield* Users.Users
      yield* users.revoke({ user_id, connected_app_id: client.client_id })
      yield* failsWith(sessions.exchangeAccessToken({ access_token: full }), "IdpAccessTokenNotFound", 404)
    }))

  it.effect("deleting a user drops their grants, codes and refresh tokens", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const users = yield* Users.Users
      const client = yield* newClient("third_party")
      const { user_id } = yield* newUser
      const request = {
        client_id: client.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scopes: ["offline_access"],
        user_id,
        consent_granted: true
      }
      const first = yield* idp.oauth.authorize(request)
      const token = yield* tokenRoute({
        grant_type: "authorization_code",
        client_id: client.client_id,
        client_secret: client.client_secret,
        code: first.authorization_code,
        redirect_uri: REDIRECT
      })
      const pending = yield* idp.oauth.authorize(request)
      yield* users.delete({ user_id })
      const code = yield* tokenRoute({
        grant_type: "authorization_code",
        client_id: client.client_id,
        client_secret: client.client_secret,
        code: pending.authorization_code,
        redirect_uri: REDIRECT
      })
      assert.strictEqual(code.json.error, "invalid_grant")
      const refresh = yield* tokenRoute({
        grant_type: "refresh_token",
        client_id: client.client_id,
        client_secret: client.client_secret,
        refresh_token: token.json.refresh_token
      })
      assert.strictEqual(refresh.json.error, "invalid_grant")
    }))

  // ---------------------------------------------------------------------------------------------------------------
  // sessions.attest

  it.effect("attest: a JWT from a trusted profile (RS256 or ES256) becomes a session; every bad token is typed", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const sessions = yield* Sessions.Sessions
      const users = yield* Users.Users
      const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 })
      const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
      const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
      const pem = (k: typeof rsa.publicKey) => k.export({ type: "spki", format: "pem" }).toString()
      yield* emulator.updateSettings({
        trustedAuthTokenProfiles: [{
          profile_id: "profile-rs",
          issuer: "https://issuer.example.com",
          audience: "our-app",
          public_keys: [pem(rsa.publicKey), pem(ec.publicKey)]
        }]
      })
      const email = uniqueEmail("attest")
      // The emulator's clock (the TestClock), not the wall clock.
      const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
      const sign = (claims: Record<string, unknown>, key = rsa.privateKey, alg = "RS256") =>
        Effect.promise(() =>
          new jose.SignJWT({
            iss: "https://issuer.example.com",
            aud: "our-app",
            iat: now,
            exp: now + 300,
            jti: randomUUID(),
            email,
            ...claims
          }).setProtectedHeader({ alg }).sign(key)
        )
      const first = yield* sessions.attest({ profile_id: "profile-rs", token: yield* sign({}) })
      assert.strictEqual(first.user.emails[0]?.email, email)
      assert.isTrue(first.user.emails[0]?.verified)
      assert.strictEqual(first.session?.authentication_factors[0]?.type, "trusted_auth_token")
      assert.strictEqual(first.session?.authentication_factors[0]?.delivery_method, "trusted_token_exchange")
      assert.isString(first.session?.authentication_factors[0]?.trusted_auth_token_factor?.token_id)
      assert.strictEqual((yield* sessions.authenticate({ session_token: first.session_token })).user.user_id, first.user_id)

      // The same email is the same user; an ES256 token works too; a session can be extended.
      const second = yield* sessions.attest({
        profile_id: "profile-rs",
        token: yield* sign({}, ec.privateKey, "ES256"),
        session_token: first.session_token
      })
      assert.strictEqual(second.user_id, first.user_id)
      assert.strictEqual(second.session?.session_id, first.session?.session_id)

      const usersBefore = (yield* users.search({ limit: 1000 })).results.length
      const bad: ReadonlyArray<readonly [string, Effect.Effect<string>]> = [
        ["another key", sign({}, other.privateKey)],
        ["wrong issuer", sign({ iss: "https://evil.example.com" })],
        ["wrong audience", sign({ aud: "another-app" })],
        ["expired", sign({ exp: now })],
        ["no exp", sign({ exp: undefined })],
        ["no token id", sign({ jti: undefined })],
        ["alg none", Effect.succeed(`${b64({ alg: "none" })}.${b64({ iss: "https://issuer.example.com", email })}.`)],
        ["not yet valid", sign({ nbf: now + 600 })],
        ["no email", sign({ email: undefined })],
        ["not a JWT", Effect.succeed("not.a.jwt")],
        ["garbage", Effect.succeed("x".repeat(10_000))]
      ]
      for (const [label, token] of bad) {
        const error = yield* failsWith(
          sessions.attest({ profile_id: "profile-rs", token: yield* token, session_duration_minutes: 60 }),
          "InvalidTrustedAuthToken",
          401
        )
        assert.include(error.message, "invalid", label)
      }
      yield* failsWith(
        sessions.attest({ profile_id: "no-such-profile", token: yield* sign({}) }),
        "TrustedTokenProfileNotFound",
        404
      )
      // A token for a new email with another user's session: nothing is created.
      const { session: otherSession } = yield* newUser
      const stranger = yield* sign({ email: uniqueEmail("stranger") })
      yield* failsWith(
        sessions.attest({ profile_id: "profile-rs", token: stranger, session_token: otherSession.session_token }),
        "UserIdMismatch",
        400
      )
      assert.strictEqual((yield* users.search({ limit: 1000 })).results.length, usersBefore + 1, "only newUser's user")
      // A malformed profile is refused by the settings control (naming the field), and nothing changes.
      const before = (yield* emulator.settings).trustedAuthTokenProfiles
      const refused = yield* Effect.exit(emulator.updateSettings({
        trustedAuthTokenProfiles: [{ profile_id: "broken", issuer: "x", audience: "y", public_keys: "nope" } as any]
      }))
      assert.isTrue(Exit.isFailure(refused))
      assert.include(String(Cause.squash((refused as Exit.Failure<unknown, unknown>).cause)), "public_keys")
      assert.deepStrictEqual((yield* emulator.settings).trustedAuthTokenProfiles, before)
      yield* failsWith(sessions.attest({ profile_id: "broken", token: yield* sign({}) }), "TrustedTokenProfileNotFound", 404)
    }))

  it.effect("hostile input: wrong types, oversized and malformed values are 4xx answers that change nothing", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const client = yield* newClient("third_party")
      const { user_id } = yield* newUser
      const authorization = `Basic ${Buffer.from(`${emulator.projectId}:${Redacted.value(emulator.secret)}`).toString("base64")}`
      const post = (url: string, body: string) =>
        Effect.map(
          emulator.handle({ method: "POST", url, headers: { authorization, "content-type": "application/json" }, body }),
          (a) => ({ status: a.status, json: JSON.parse(a.body) as Record<string, any> })
        )
      const base = { client_id: client.client_id, redirect_uri: REDIRECT, response_type: "code", user_id }
      const bodies = [
        JSON.stringify({ ...base, scopes: "openid" }),
        JSON.stringify({ ...base, scopes: [{ nested: [[["openid"]]] }] }),
        JSON.stringify({ ...base, scopes: ["openid"], consent_granted: "yes" }),
        JSON.stringify({ ...base, scopes: Array.from({ length: 5000 }, (_, i) => `scope-${i}`), consent_granted: true }),
        JSON.stringify({ ...base, scopes: ["openid"], consent_granted: true, code_challenge: "x".repeat(100_000) }),
        "[1, 2, 3]",
        "{ not json"
      ]
      for (const body of bodies) {
        const answer = yield* post("/v1/idp/oauth/authorize", body)
        assert.isAtLeast(answer.status, 400, body.slice(0, 80))
        assert.isBelow(answer.status, 500, body.slice(0, 80))
        assert.isString(answer.json.error_type)
      }
      for (const body of ['{"access_token": 42}', `{"access_token": "${"a.".repeat(50_000)}"}`]) {
        const answer = yield* post("/v1/sessions/exchange_access_token", body)
        assert.isAtLeast(answer.status, 400)
        assert.isBelow(answer.status, 500)
      }
      const attest = yield* post("/v1/sessions/attest", JSON.stringify({ profile_id: ["p"], token: {} }))
      assert.strictEqual(attest.status, 400)
      const users = yield* Users.Users
      assert.deepStrictEqual((yield* users.connectedApps({ user_id })).connected_apps, [])
      // The token route: repeated parameters and unknown grants are OAuth2 errors.
      const repeated = yield* Effect.map(
        emulator.handle({
          method: "POST",
          url: `/v1/public/${emulator.projectId}/oauth2/token`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=authorization_code&code=a&code=b"
        }),
        (a) => ({ status: a.status, json: JSON.parse(a.body) })
      )
      assert.strictEqual(repeated.status, 400)
      assert.strictEqual(repeated.json.error, "invalid_request")
      const unknownClient = yield* tokenRoute({ grant_type: "authorization_code", client_id: "nobody", code: "c" })
      assert.strictEqual(unknownClient.json.error, "invalid_client")
    }))
})

describe("the store's IDP state", () => {
  const setup = () => {
    const store = new Store(defaultSettings("project-test-1", "secret"))
    const user_id = newId("user", "project-test-1")
    store.insertUser(blankUser(user_id, 0))
    store.grantIdp(user_id, "connected-app-1", ["openid"], 0)
    store.putIdpAuthCode("code-1", { user_id, client_id: "connected-app-1", scopes: [], redirect_uri: REDIRECT, expires_at: 1 })
    store.putIdpRefreshToken("rt-1", { user_id, client_id: "connected-app-1", scopes: [], expires_at: 1 })
    store.putIdpAccessToken("jti-1", { user_id, client_id: "connected-app-1", expires_at: 1 }, 0)
    return { store, user_id }
  }
  const empty = (store: Store) =>
    [store.idpGrants.size, store.idpAuthCodes.size, store.idpRefreshTokens.size, store.idpAccessTokens.size]

  plainIt("deleteUser drops the user's grants, codes and tokens", () => {
    const { store, user_id } = setup()
    assert.deepStrictEqual(empty(store), [1, 1, 1, 1])
    store.deleteUser(store.users.get(user_id)!)
    assert.deepStrictEqual(empty(store), [0, 0, 0, 0])
  })

  plainIt("clear forgets them", () => {
    const { store } = setup()
    store.clear()
    assert.deepStrictEqual(empty(store), [0, 0, 0, 0])
  })

  plainIt("issued access tokens are pruned once expired", () => {
    const { store, user_id } = setup()
    store.putIdpAccessToken("jti-2", { user_id, client_id: "connected-app-1", expires_at: 10 }, 5)
    assert.deepStrictEqual([...store.idpAccessTokens.keys()], ["jti-2"])
  })
})
