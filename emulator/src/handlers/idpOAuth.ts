/**
 * The project as an OAuth identity provider for its Connected Apps: authorization (`idp.oauth.authorizeStart`,
 * `idp.oauth.authorize`, with consent and PKCE), the `authorization_code` and `refresh_token` grants at the OAuth2
 * token endpoint, introspection by Connected App clients, the user's grants (`users.connectedApps`, `users.revoke`)
 * and the access-token exchange (`sessions.exchangeAccessToken`).
 *
 * The token and introspection routes are shared with M2M (handlers/m2m.ts): requests whose `client_id` names a
 * Connected App, or whose grant is `authorization_code` / `refresh_token`, are answered here; the rest go to M2M.
 *
 * Facts (docs): the start call validates client, redirect URI, scopes and prompt and answers the consent screen's
 * data; exactly one of user_id / session_token / session_jwt names the user, and only a session-linked
 * authorization can later be exchanged for a session; `openid` adds an `id_token` and `offline_access` a
 * `refresh_token` to the token answer; access tokens live the client's `access_token_expiry_minutes`, ID tokens one
 * hour; public clients' refresh tokens rotate on use, confidential clients' do not (and each use extends them by
 * 3 months); the exchanged access token must carry `full_access`. The catalogue gives
 * `connected_app_supplied_redirect_url_not_found_in_client` (401), `connected_app_not_found` (404),
 * `idp_access_token_not_found` and `idp_access_token_could_not_be_exchanged` (404).
 *
 * Guesses (not documented):
 * - scopes: the OIDC scopes (openid, profile, email, phone) and `offline_access` are always grantable;
 *   `full_access` only for clients with `full_access_allowed`; other scopes must be declared in the project's RBAC
 *   policy (else `oauth_invalid_scope_requested`) and are grantable when the user's roles (plus `stytch_user`) hold
 *   every permission the scope names;
 * - consent: `prompt=consent` always asks; third-party clients ask unless the user already granted every requested
 *   grantable scope; first-party clients ask only for `offline_access` not yet granted when the client does not
 *   bypass consent for it; `prompt` is a space-separated list of none / consent / login, and `none` must be alone
 *   (`oidc_prompt_none_must_be_exclusive`);
 * - authorize: `response_type` must be `code` (`bad_request`); public clients must send a PKCE S256
 *   `code_challenge` (`pkce_required_for_idp_authorization_flow`), which must be 43 base64url characters
 *   (`invalid_pkce_code_challenge`); `consent_granted: false`, or `prompt=none` when consent is needed, is not an
 *   API error but a redirect URI carrying `error=access_denied` / `error=consent_required` and no code; only the
 *   grantable requested scopes are granted; a code lives 10 minutes and is spent by its first successful use;
 * - token endpoint failures use OAuth2 codes (`invalid_client`, `invalid_grant`, `invalid_request`); a failed
 *   redemption (wrong verifier, wrong redirect URI) does not spend the code;
 * - exchange: the new session lasts `session_duration_minutes` (60 by default) and holds one `oauth` factor with
 *   delivery method `oauth_access_token_exchange`; missing `full_access` is
 *   `oauth_access_token_exchange_missing_full_access` (400), an expired token `idp_access_token_expired` (401);
 * - revoking a grant the user does not hold succeeds (idempotent); an unknown client is `connected_app_not_found`;
 *   revoking drops the grant's codes, refresh tokens and the exchangeability of its access tokens (issued JWTs stay
 *   valid for introspection until they expire, as for M2M);
 * - a deleted Connected App's grants no longer list.
 */
import * as Effect from "effect/Effect"
import { createHash } from "node:crypto"
import {
  type ApiFailure,
  type AreaHandlers,
  type Ctx,
  fail,
  type FormFields,
  type Handler
} from "../internal/contract.js"
import type { IDPOAuthAuthorizeStartRequest } from "../../../src/schemas/Models.js"
import { type ConnectedAppClientRecord, newToken, type Store, type UserRecord } from "../internal/store.js"
import { factor, findSession, getUser, prepareSession, secretMatches, unknownConnectedApp, userWire } from "./common.js"
import { checkProject, introspectionAnswer, m2mHandlers } from "./m2m.js"

const CODE_LIFETIME_MS = 10 * 60_000
const ID_TOKEN_LIFETIME_SECONDS = 3600
const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 3600_000
const DEFAULT_SESSION_MINUTES = 60

const OIDC_SCOPES: Readonly<Record<string, string>> = {
  openid: "Sign you in with your account.",
  profile: "See your name and profile picture.",
  email: "See your email address.",
  phone: "See your phone number.",
  offline_access: "Stay connected when you are not using the app."
}
const FULL_ACCESS = "full_access"

const isPublic = (c: ConnectedAppClientRecord) => c.client_type.endsWith("_public")
const isThirdParty = (c: ConnectedAppClientRecord) => c.client_type.startsWith("third_party")

// ---------------------------------------------------------------------------------------------------------------
// The authorization request, as start and authorize share it

/** The fields start and authorize share (authorize's request extends start's). */
type AuthorizationFields = IDPOAuthAuthorizeStartRequest

interface ScopeResult {
  readonly scope: string
  readonly description: string
  readonly is_grantable: boolean
}

/** Whether the user's roles hold every permission a custom scope names. */
const rolesCover = (store: Store, user: UserRecord, scope: string): ScopeResult | undefined => {
  const policy = store.settings.rbacPolicy
  const declared = policy.scopes.find((s) => s.scope === scope)
  if (declared === undefined) return undefined
  const roles = new Set(["stytch_user", ...user.roles])
  const held = policy.roles.filter((r) => roles.has(r.role_id)).flatMap((r) => r.permissions)
  const is_grantable = declared.permissions.every((need) =>
    need.actions.every((action) =>
      held.some((p) => p.resource_id === need.resource_id && (p.actions.includes("*") || p.actions.includes(action)))
    )
  )
  return { scope, description: declared.description, is_grantable }
}

const scopeResults = (
  store: Store,
  client: ConnectedAppClientRecord,
  user: UserRecord,
  scopes: ReadonlyArray<string>
) =>
  Effect.forEach([...new Set(scopes)], (scope): Effect.Effect<ScopeResult, ApiFailure> => {
    const oidc = OIDC_SCOPES[scope]
    if (oidc !== undefined && Object.hasOwn(OIDC_SCOPES, scope)) {
      return Effect.succeed({ scope, description: oidc, is_grantable: true })
    }
    if (scope === FULL_ACCESS) {
      return Effect.succeed({
        scope,
        description: "Act as you, with full access to your account.",
        is_grantable: client.full_access_allowed
      })
    }
    const custom = rolesCover(store, user, scope)
    return custom === undefined
      ? fail("oauth_invalid_scope_requested", `The scope ${JSON.stringify(scope)} is not defined in the project.`)
      : Effect.succeed(custom)
  })

const PROMPTS = new Set(["none", "consent", "login"])

const checkPrompt = (prompt: string | undefined): Effect.Effect<ReadonlySet<string>, ApiFailure> => {
  const values = new Set((prompt ?? "").split(" ").filter((p) => p !== ""))
  const unknown = [...values].find((p) => !PROMPTS.has(p))
  if (unknown !== undefined) {
    return fail("bad_request", `prompt must be a space-separated list of none, consent and login.`, 400)
  }
  if (values.has("none") && values.size > 1) return fail("oidc_prompt_none_must_be_exclusive")
  return Effect.succeed(values)
}

/** Validates an authorization request and works out what the consent screen needs. Changes nothing. */
const prepareAuthorization = (ctx: Ctx, req: AuthorizationFields) =>
  Effect.gen(function*() {
    const { store } = ctx
    const client = store.connectedAppClients.get(req.client_id)
    if (client === undefined) return yield* unknownConnectedApp(req.client_id)
    if (!client.redirect_urls.includes(req.redirect_uri)) {
      return yield* fail("connected_app_supplied_redirect_url_not_found_in_client")
    }
    if (req.response_type !== "code") return yield* fail("bad_request", "response_type must be code.", 400)
    const prompt = yield* checkPrompt(req.prompt)
    const given = [req.user_id, req.session_token, req.session_jwt].filter((x) => x !== undefined).length
    if (given !== 1) {
      return yield* fail("bad_request", "Exactly one of user_id, session_token or session_jwt is required.", 400)
    }
    const session = req.user_id === undefined ? yield* findSession(ctx, req) : undefined
    const user = yield* getUser(store, session?.user_id ?? req.user_id!)
    const results = yield* scopeResults(store, client, user, req.scopes)
    const grantable = results.filter((r) => r.is_grantable).map((r) => r.scope)
    const granted = new Set(store.idpGrant(user.user_id, client.client_id)?.scopes ?? [])
    const consent_required = prompt.has("consent") ||
      (isThirdParty(client)
        ? grantable.some((s) => !granted.has(s))
        : grantable.includes("offline_access") && !granted.has("offline_access") &&
          !client.bypass_consent_for_offline_access)
    return { client, user, session, results, grantable, consent_required, prompt }
  })

const publicClient = (c: ConnectedAppClientRecord) => ({
  client_id: c.client_id,
  client_name: c.client_name,
  client_description: c.client_description,
  client_type: c.client_type,
  ...(c.logo_url === undefined ? {} : { logo_url: c.logo_url })
})

const authorizeStart: Handler<"idp.oauth.authorizeStart"> = (ctx, req) =>
  Effect.map(prepareAuthorization(ctx, req), (a) => ({
    user_id: a.user.user_id,
    user: userWire(a.user),
    client: publicClient(a.client),
    consent_required: a.consent_required,
    scope_results: a.results
  }))

const withQuery = (uri: string, params: Record<string, string | undefined>) => {
  const url = new URL(uri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/

const authorize: Handler<"idp.oauth.authorize"> = (ctx, req) =>
  Effect.gen(function*() {
    const a = yield* prepareAuthorization(ctx, req)
    const challenge: string | undefined = req.code_challenge === "" ? undefined : req.code_challenge
    if (challenge === undefined && isPublic(a.client)) return yield* fail("pkce_required_for_idp_authorization_flow")
    if (challenge !== undefined && !PKCE_CHALLENGE.test(challenge)) {
      return yield* fail("invalid_pkce_code_challenge", "code_challenge must be a base64url SHA-256 digest (S256).")
    }
    const denied = !req.consent_granted ? "access_denied" : a.consent_required && a.prompt.has("none")
      ? "consent_required"
      : undefined
    if (denied !== undefined) {
      return { redirect_uri: withQuery(req.redirect_uri, { error: denied, state: req.state }) }
    }
    // Every check passed: record the grant and the code.
    ctx.store.grantIdp(a.user.user_id, a.client.client_id, a.grantable, ctx.now)
    const code = newToken()
    ctx.store.putIdpAuthCode(code, {
      user_id: a.user.user_id,
      client_id: a.client.client_id,
      scopes: a.grantable,
      redirect_uri: req.redirect_uri,
      expires_at: ctx.now + CODE_LIFETIME_MS,
      session_id: a.session?.session_id,
      code_challenge: challenge,
      nonce: req.nonce
    })
    return { redirect_uri: withQuery(req.redirect_uri, { code, state: req.state }), authorization_code: code }
  })

// ---------------------------------------------------------------------------------------------------------------
// The OAuth2 token and introspection endpoints, for Connected App clients (fields are strings; failures carry OAuth2
// error codes, see app.ts)

type Form = FormFields

/** client_secret_post for confidential clients; public clients send no secret. One description for every failure. */
const authenticateConnectedApp = (ctx: Ctx, req: Form): Effect.Effect<ConnectedAppClientRecord, ApiFailure> => {
  const client = ctx.store.connectedAppClients.get(req.client_id ?? "")
  const secret = req.client_secret === "" ? undefined : req.client_secret
  const valid = client !== undefined && (client.secret === undefined
    ? secret === undefined
    : secret !== undefined &&
      (secretMatches(client.secret, secret) ||
        (client.next_secret !== undefined && secretMatches(client.next_secret, secret))))
  return valid ? Effect.succeed(client) : fail("invalid_client", "Client authentication failed.", 401)
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url")

const invalidGrant = (message: string) => fail("invalid_grant", message, 400)

/** What a code or refresh token carries of its grant. */
interface GrantFields {
  readonly user_id: string
  readonly scopes: ReadonlyArray<string>
  readonly session_id?: string | undefined
}

/** Signs the tokens of one grant: access token always, ID token for `openid`, refresh token for `offline_access`. */
const issueTokens = (
  ctx: Ctx,
  client: ConnectedAppClientRecord,
  grant: GrantFields & { readonly nonce?: string | undefined },
  refresh_token: string | undefined
) => {
  const { projectId } = ctx.store.settings
  const iat = Math.floor(ctx.now / 1000)
  const expires_in = client.access_token_expiry_minutes * 60
  const jti = newToken()
  const scope = grant.scopes.join(" ")
  const access_token = ctx.keys.signJwt({
    iss: `stytch.com/${projectId}`,
    sub: grant.user_id,
    aud: client.access_token_custom_audience === undefined
      ? [projectId]
      : [projectId, client.access_token_custom_audience],
    scope,
    client_id: client.client_id,
    iat,
    nbf: iat,
    exp: iat + expires_in,
    jti
  })
  ctx.store.putIdpAccessToken(jti, {
    user_id: grant.user_id,
    client_id: client.client_id,
    session_id: grant.session_id,
    expires_at: ctx.now + expires_in * 1000
  }, ctx.now)
  const user = ctx.store.users.get(grant.user_id)
  const id_token = grant.scopes.includes("openid")
    ? ctx.keys.signJwt({
      iss: `stytch.com/${projectId}`,
      sub: grant.user_id,
      aud: [client.client_id],
      iat,
      exp: iat + ID_TOKEN_LIFETIME_SECONDS,
      ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
      ...(grant.scopes.includes("email") && user?.emails[0] !== undefined
        ? { email: user.emails[0].email, email_verified: user.emails[0].verified }
        : {}),
      ...(grant.scopes.includes("phone") && user?.phone_numbers[0] !== undefined
        ? { phone_number: user.phone_numbers[0].phone_number }
        : {})
    })
    : undefined
  return {
    access_token,
    token_type: "bearer",
    expires_in,
    scope,
    ...(id_token === undefined ? {} : { id_token }),
    ...(refresh_token === undefined ? {} : { refresh_token })
  }
}

const newRefreshToken = (ctx: Ctx, client: ConnectedAppClientRecord, grant: GrantFields) => {
  const token = newToken()
  ctx.store.putIdpRefreshToken(token, {
    user_id: grant.user_id,
    client_id: client.client_id,
    scopes: grant.scopes,
    session_id: grant.session_id,
    expires_at: ctx.now + REFRESH_TOKEN_LIFETIME_MS
  })
  return token
}

const redeemCode = (ctx: Ctx, client: ConnectedAppClientRecord, req: Form) =>
  Effect.gen(function*() {
    if (req.code === undefined || req.code === "") return yield* fail("invalid_request", "code is required.", 400)
    const record = ctx.store.idpAuthCodes.get(req.code)
    if (record === undefined || record.client_id !== client.client_id) {
      return yield* invalidGrant("The authorization code is unknown or already used.")
    }
    if (record.expires_at <= ctx.now) return yield* invalidGrant("The authorization code has expired.")
    if (req.redirect_uri !== record.redirect_uri) {
      return yield* invalidGrant("redirect_uri does not match the one of the authorization request.")
    }
    const verifier = req.code_verifier === "" ? undefined : req.code_verifier
    if (record.code_challenge !== undefined) {
      if (verifier === undefined) return yield* invalidGrant("code_verifier is required: the flow used PKCE.")
      if (s256(verifier) !== record.code_challenge) {
        return yield* invalidGrant("code_verifier does not match the code_challenge.")
      }
    } else if (verifier !== undefined) {
      return yield* invalidGrant("code_verifier was given but the flow did not use PKCE.")
    }
    ctx.store.deleteIdpAuthCode(req.code)
    const refresh = record.scopes.includes("offline_access") ? newRefreshToken(ctx, client, record) : undefined
    return issueTokens(ctx, client, record, refresh)
  })

const redeemRefreshToken = (ctx: Ctx, client: ConnectedAppClientRecord, req: Form) =>
  Effect.gen(function*() {
    const token = req.refresh_token
    if (token === undefined || token === "") return yield* fail("invalid_request", "refresh_token is required.", 400)
    const record = ctx.store.idpRefreshTokens.get(token)
    if (record === undefined || record.client_id !== client.client_id) {
      return yield* invalidGrant("The refresh token is unknown, revoked or already used.")
    }
    if (record.expires_at <= ctx.now) return yield* invalidGrant("The refresh token has expired.")
    // Public clients' refresh tokens rotate; confidential clients' stay and are extended.
    let rotated: string | undefined
    if (isPublic(client)) {
      ctx.store.deleteIdpRefreshToken(token)
      rotated = newRefreshToken(ctx, client, record)
    } else {
      record.expires_at = ctx.now + REFRESH_TOKEN_LIFETIME_MS
    }
    return issueTokens(ctx, client, record, rotated)
  })

const m2mToken = m2mHandlers["m2m.token"]
const m2mIntrospect = m2mHandlers["idp.introspectTokenNetwork"]

const token: Handler<"m2m.token"> = (ctx, req) =>
  Effect.gen(function*() {
    if (req.grant_type !== "authorization_code" && req.grant_type !== "refresh_token") return yield* m2mToken(ctx, req)
    yield* checkProject(ctx, req.project_id ?? "")
    if (req.client_id === undefined || req.client_id === "") {
      return yield* fail("invalid_request", "client_id is required.", 400)
    }
    const client = yield* authenticateConnectedApp(ctx, req)
    return yield* (req.grant_type === "authorization_code"
      ? redeemCode(ctx, client, req)
      : redeemRefreshToken(ctx, client, req))
  })

const introspect: Handler<"idp.introspectTokenNetwork"> = (ctx, req) =>
  Effect.gen(function*() {
    if (!ctx.store.connectedAppClients.has(req.client_id ?? "")) return yield* m2mIntrospect(ctx, req)
    yield* checkProject(ctx, req.project_id ?? "")
    if (req.token === undefined || req.token === "") return yield* fail("invalid_request", "token is required.", 400)
    yield* authenticateConnectedApp(ctx, req)
    return introspectionAnswer(ctx, req.token)
  })

// ---------------------------------------------------------------------------------------------------------------
// The user's grants

const connectedApps: Handler<"users.connectedApps"> = (ctx, req) =>
  Effect.map(getUser(ctx.store, req.user_id), (user) => ({
    connected_apps: [...ctx.store.idpGrants.values()]
      .filter((g) => g.user_id === user.user_id)
      .sort((a, b) => a.granted_at - b.granted_at)
      .flatMap((g) => {
        const c = ctx.store.connectedAppClients.get(g.client_id)
        return c === undefined ? [] : [{
          connected_app_id: c.client_id,
          name: c.client_name,
          description: c.client_description,
          client_type: c.client_type,
          scopes_granted: g.scopes.join(" "),
          ...(c.logo_url === undefined ? {} : { logo_url: c.logo_url })
        }]
      })
  }))

const revoke: Handler<"users.revoke"> = (ctx, req) =>
  Effect.gen(function*() {
    const user = yield* getUser(ctx.store, req.user_id)
    if (!ctx.store.connectedAppClients.has(req.connected_app_id)) {
      return yield* unknownConnectedApp(req.connected_app_id)
    }
    ctx.store.revokeIdpGrant(user.user_id, req.connected_app_id)
    return {}
  })

// ---------------------------------------------------------------------------------------------------------------
// Access token -> session

const exchangeAccessToken: Handler<"sessions.exchangeAccessToken"> = (ctx, req) =>
  Effect.gen(function*() {
    const verified = ctx.keys.verifyJwt(req.access_token)
    const claims = verified.ok ? verified.payload : undefined
    const record = typeof claims?.jti === "string" ? ctx.store.idpAccessTokens.get(claims.jti) : undefined
    if (claims === undefined || record === undefined) return yield* fail("idp_access_token_not_found")
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= ctx.now) {
      return yield* fail("idp_access_token_expired", "The access token has expired.", 401)
    }
    const scopes = typeof claims.scope === "string" ? claims.scope.split(" ") : []
    if (!scopes.includes(FULL_ACCESS)) {
      return yield* fail(
        "oauth_access_token_exchange_missing_full_access",
        "Only access tokens granted the full_access scope can be exchanged for a session.",
        400
      )
    }
    const origin = record.session_id === undefined ? undefined : ctx.store.sessions.get(record.session_id)
    if (origin === undefined || origin.expires_at <= ctx.now) {
      return yield* fail(
        "idp_access_token_could_not_be_exchanged",
        "The access token was not authorized from a session that is still active.",
        404
      )
    }
    const user = yield* getUser(ctx.store, record.user_id)
    const commit = yield* prepareSession(
      ctx,
      user,
      factor(ctx, "oauth", "oauth_access_token_exchange", {
        oauth_access_token_exchange_factor: { client_id: record.client_id }
      }),
      {
        session_duration_minutes: req.session_duration_minutes ?? DEFAULT_SESSION_MINUTES,
        session_custom_claims: req.session_custom_claims
      }
    )
    const { session, session_jwt, session_token } = commit()
    return { user_id: user.user_id, session_token, session_jwt, user: userWire(user), ...(session ? { session } : {}) }
  })

export const idpOAuthHandlers = {
  "idp.oauth.authorizeStart": authorizeStart,
  "idp.oauth.authorize": authorize,
  "users.connectedApps": connectedApps,
  "users.revoke": revoke,
  "sessions.exchangeAccessToken": exchangeAccessToken,
  // Public form routes shared with M2M (app.ts): these wrap the M2M handlers.
  "m2m.token": token,
  "idp.introspectTokenNetwork": introspect
} satisfies AreaHandlers
