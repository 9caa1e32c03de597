/**
 * OAuth: an emulated identity provider. A test mints a token as if the user had completed the provider's redirect
 * flow (`mintOAuthToken`, which plays the provider and Stytch's OAuth start/callback); `oauth.authenticate` then
 * consumes it, and `oauth.attach` pre-associates a flow with an existing user.
 *
 * Choices where the documentation is silent (the catalogue has names but no statuses for most of these):
 * - An unknown, used or expired token fails with `oauth_token_not_found` (404); the message says which. Consumed
 *   tokens are gone as far as the caller can tell, and one tag covers "this token cannot be used". The catalogue's
 *   `unable_to_authorize_oauth_provider` was rejected: its message blames the OAuth client ID/secret.
 * - The attach token is checked when the flow starts (at mint time: unknown, used, expired, or issued for another
 *   provider marks the flow as broken) and consumed there, as Stytch's OAuth start consumes it. `oauth.authenticate`
 *   of a broken flow fails with `invalid_oauth_attach_token`, as it does when the provider account is already
 *   linked to another user or the attached user was deleted in the meantime.
 * - Linking by email needs the provider to vouch for the email (email_verified) AND the existing user to have it
 *   verified. Otherwise a new user is created; it cannot take the email, which another user already holds.
 * - An email the provider vouches for is added (verified) to the resolved user when nobody holds it, and an
 *   unverified copy on that user becomes verified.
 * - `reset_sessions` is always false: the emulator never revokes other sessions on an OAuth login.
 * - provider_values are fake but well-formed: opaque `emulated-*` access/refresh tokens and an unsecured
 *   (`alg: none`, empty signature) id_token whose issuer is an `.invalid` host.
 */
import * as Effect from "effect/Effect"
import { createHash } from "node:crypto"
import { type Ctx, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import {
  type EmailRecord,
  iso,
  newId,
  newToken,
  type OAuthProviderRecord,
  type Store,
  type TokenRecord,
  type UserRecord
} from "../internal/store.js"
import {
  factor,
  findSession,
  getUser,
  insertUser,
  markPasswordlessEmailAuth,
  newUser,
  prepareSession,
  userWire
} from "./common.js"

export interface MintOAuthTokenRequest {
  /** google, github, microsoft, apple, ... */
  readonly provider_type: string
  /** The user's id at the provider. */
  readonly provider_subject: string
  /** The email the provider vouches for. */
  readonly email?: string | undefined
  /** Whether the provider verified the email. Default: true. */
  readonly email_verified?: boolean | undefined
  /** The user's full name at the provider ("Ada Lovelace"); used for a new user's name. */
  readonly name?: string | undefined
  readonly profile_picture_url?: string | undefined
  readonly locale?: string | undefined
  /** Minutes until the token expires. Default: 10. */
  readonly expiration_minutes?: number | undefined
  /** The `oauth_attach_token` the flow was started with (from `oauth.attach`). */
  readonly attach_token?: string | undefined
  /** The PKCE `code_challenge` (S256: base64url of the SHA-256 of the verifier) the flow was started with. */
  readonly code_challenge?: string | undefined
  /** Scopes granted by the provider. Default: openid, email, profile. */
  readonly scopes?: ReadonlyArray<string> | undefined
}

/** Attach tokens live 10 minutes. */
const ATTACH_TOKEN_MINUTES = 10
/** Provider access tokens (provider_values.expires_at) live an hour, as Google's do. */
const ACCESS_TOKEN_SECONDS = 3600
const DEFAULT_SCOPES = ["openid", "email", "profile"]

/**
 * The providers Stytch's consumer API knows, with the key of their factor in a session's authentication_factors
 * (the generated names split "gitlab", "linkedin" and "tiktok" in two words).
 */
const PROVIDER_FACTOR_KEYS: Readonly<Record<string, string>> = {
  amazon: "amazon_oauth_factor",
  apple: "apple_oauth_factor",
  bitbucket: "bitbucket_oauth_factor",
  coinbase: "coinbase_oauth_factor",
  discord: "discord_oauth_factor",
  facebook: "facebook_oauth_factor",
  figma: "figma_oauth_factor",
  github: "github_oauth_factor",
  gitlab: "git_lab_oauth_factor",
  google: "google_oauth_factor",
  hubspot: "hubspot_oauth_factor",
  instagram: "instagram_oauth_factor",
  linkedin: "linked_in_oauth_factor",
  microsoft: "microsoft_oauth_factor",
  salesforce: "salesforce_oauth_factor",
  shopify: "shopify_oauth_factor",
  slack: "slack_oauth_factor",
  snapchat: "snapchat_oauth_factor",
  spotify: "spotify_oauth_factor",
  steam: "steam_oauth_factor",
  tiktok: "tik_tok_oauth_factor",
  twitch: "twitch_oauth_factor",
  twitter: "twitter_oauth_factor",
  yahoo: "yahoo_oauth_factor"
}

/**
 * Providers as Stytch names them in answers (`provider_type`): `Google`, `GitHub`, ... (Stytch's docs show `Google`
 * and name "Google, Facebook, GitHub"; the other spellings are a guess from the providers' own brand names).
 */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  amazon: "Amazon",
  apple: "Apple",
  bitbucket: "Bitbucket",
  coinbase: "Coinbase",
  discord: "Discord",
  facebook: "Facebook",
  figma: "Figma",
  github: "GitHub",
  gitlab: "GitLab",
  google: "Google",
  hubspot: "HubSpot",
  instagram: "Instagram",
  linkedin: "LinkedIn",
  microsoft: "Microsoft",
  salesforce: "Salesforce",
  shopify: "Shopify",
  slack: "Slack",
  snapchat: "Snapchat",
  spotify: "Spotify",
  steam: "Steam",
  tiktok: "TikTok",
  twitch: "Twitch",
  twitter: "Twitter",
  yahoo: "Yahoo"
}

const normalizeProvider = (provider: unknown): string =>
  typeof provider === "string" ? provider.trim().toLowerCase() : ""

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** What a minted token's `data` holds: the request, plus the attach token's outcome at flow start. */
interface FlowData extends MintOAuthTokenRequest {
  /** The user the (valid) attach token was issued for. */
  readonly attach_user_id?: string | undefined
  /** Why the attach token was refused at flow start. */
  readonly attach_error?: string | undefined
}

/**
 * Records a token for a completed provider flow. Cannot fail (it is a test control); a bad attach token is
 * recorded on the flow and reported by `oauth.authenticate`.
 */
export const mintOAuthToken = (store: Store, now: number, request: MintOAuthTokenRequest): { token: string } => {
  let attach: Pick<FlowData, "attach_user_id" | "attach_error"> = {}
  if (request.attach_token !== undefined) {
    const record = store.tokens.get(request.attach_token)
    if (record === undefined || record.kind !== "oauth_attach") {
      attach = { attach_error: "The oauth_attach_token could not be found." }
    } else if (record.used) {
      attach = { attach_error: "The oauth_attach_token has already been used." }
    } else if (record.expires_at <= now) {
      attach = { attach_error: "The oauth_attach_token has expired." }
    } else if (record.data?.["provider"] !== normalizeProvider(request.provider_type)) {
      attach = { attach_error: "The oauth_attach_token was issued for another provider." }
    } else {
      // The flow's start consumes the attach token; the flow remembers whom it is for.
      record.used = true
      attach = { attach_user_id: record.user_id }
    }
  }
  const token = newToken()
  const data: FlowData = { ...request, ...attach }
  store.putToken({
    token,
    kind: "oauth",
    user_id: "",
    expires_at: now + (request.expiration_minutes ?? 10) * 60_000,
    used: false,
    ...(request.code_challenge === undefined ? {} : { code_challenge: request.code_challenge }),
    data: { ...data }
  })
  return { token }
}

// ---------------------------------------------------------------------------------------------------------------
// Attach

const attach: Handler<"oauth.attach"> = (ctx, req) =>
  Effect.gen(function*() {
    const given = [req.user_id, req.session_token, req.session_jwt].filter((x) => x !== undefined).length
    if (given !== 1) {
      return yield* fail("bad_request", "Exactly one of user_id, session_token or session_jwt is required.", 400)
    }
    const provider = normalizeProvider(req.provider)
    if (PROVIDER_FACTOR_KEYS[provider] === undefined) {
      return yield* fail("invalid_oauth_provider", `Unknown OAuth provider: ${JSON.stringify(req.provider)}.`, 400)
    }
    const user = req.user_id !== undefined
      ? yield* getUser(ctx.store, req.user_id)
      : yield* Effect.flatMap(findSession(ctx, req), (session) => getUser(ctx.store, session.user_id))
    const oauth_attach_token = newToken()
    ctx.store.putToken({
      token: oauth_attach_token,
      kind: "oauth_attach",
      user_id: user.user_id,
      expires_at: ctx.now + ATTACH_TOKEN_MINUTES * 60_000,
      used: false,
      data: { provider }
    })
    return { oauth_attach_token }
  })

// ---------------------------------------------------------------------------------------------------------------
// Authenticate

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

/** An unsecured JWT (RFC 7519 §6: alg "none", empty signature) in the shape of an OIDC id_token. */
const emulatedIdToken = (ctx: Ctx, flow: FlowData, provider: string) => {
  const iat = Math.floor(ctx.now / 1000)
  return `${base64url({ alg: "none", typ: "JWT" })}.${
    base64url({
      iss: `https://${provider}.oauth.emulator.invalid`,
      aud: `emulated-${provider}-client-id`,
      sub: flow.provider_subject,
      iat,
      exp: iat + ACCESS_TOKEN_SECONDS,
      ...(flow.email === undefined ? {} : { email: flow.email, email_verified: flow.email_verified ?? true }),
      ...(flow.name === undefined ? {} : { name: flow.name }),
      emulated: true
    })
  }.`
}

/** "Ada King Lovelace" -> first, middle and last names. */
const splitName = (full: string): NonNullable<UserRecord["name"]> => {
  const parts = full.trim().split(/\s+/).filter((p) => p !== "")
  if (parts.length === 0) return {}
  if (parts.length === 1) return { first_name: parts[0]! }
  return {
    first_name: parts[0]!,
    ...(parts.length > 2 ? { middle_name: parts.slice(1, -1).join(" ") } : {}),
    last_name: parts[parts.length - 1]!
  }
}

const checkPkce = (challenge: string | undefined, verifier: string | undefined) => {
  if (challenge === undefined) {
    return verifier === undefined
      ? Effect.void
      : fail(
        "pkce_did_not_expect_code_verifier",
        "This flow was not started with a code_challenge, but a code_verifier was given."
      )
  }
  if (verifier === undefined) return fail("pkce_expected_code_verifier")
  return createHash("sha256").update(verifier).digest("base64url") === challenge ? Effect.void : fail("pkce_mismatch")
}

/** How the provider's email will land on the resolved user. */
type EmailPlan =
  | { readonly kind: "none"; readonly email_id?: string | undefined }
  | { readonly kind: "add"; readonly record: EmailRecord }
  | { readonly kind: "verify"; readonly record: EmailRecord }

/** Which user the flow logs in (without mutating anything), in the order the module comment describes. */
const resolveUser = (ctx: Ctx, flow: FlowData, provider: string) =>
  Effect.gen(function*() {
    const { store } = ctx
    const email = typeof flow.email === "string" && flow.email.trim() !== "" ? flow.email.trim() : undefined
    const emailVerified = flow.email_verified ?? true
    let registered: { user: UserRecord; registration: OAuthProviderRecord } | undefined
    for (const user of store.users.values()) {
      const registration = user.providers.find((p) =>
        normalizeProvider(p.provider_type) === provider && p.provider_subject === flow.provider_subject
      )
      if (registration !== undefined) registered = { user, registration }
    }

    let user: UserRecord
    let isNew = false
    if (flow.attach_error !== undefined) {
      return yield* fail("invalid_oauth_attach_token", flow.attach_error, 400)
    } else if (flow.attach_user_id !== undefined) {
      const attached = store.users.get(flow.attach_user_id)
      if (attached === undefined) {
        return yield* fail("invalid_oauth_attach_token", "The user of the oauth_attach_token no longer exists.", 400)
      }
      if (registered !== undefined && registered.user !== attached) {
        return yield* fail("invalid_oauth_attach_token", "This provider account is linked to another user.", 400)
      }
      user = attached
    } else if (registered !== undefined) {
      user = registered.user
    } else {
      const holder = email !== undefined && emailVerified ? store.userByEmail(email) : undefined
      if (holder !== undefined && holder.emails.some((e) => sameEmail(e.email, email!) && e.verified)) {
        user = holder
      } else {
        user = newUser(ctx, "active")
        if (typeof flow.name === "string") user.name = splitName(flow.name)
        isNew = true
      }
    }

    let emailPlan: EmailPlan = { kind: "none" }
    if (email !== undefined) {
      const own = user.emails.find((e) => sameEmail(e.email, email))
      if (own !== undefined) {
        emailPlan = emailVerified && !own.verified
          ? { kind: "verify", record: own }
          : { kind: "none", email_id: own.email_id }
      } else if (store.userByEmail(email) === undefined && (isNew || emailVerified)) {
        // An existing user only gains emails the provider vouches for; a new user keeps what the provider says.
        emailPlan = {
          kind: "add",
          record: { email_id: newId("email", store.settings.projectId), email, verified: emailVerified }
        }
      }
    }
    const registration_id = registered?.user === user
      ? registered.registration.oauth_user_registration_id
      : newId("oauth-user", store.settings.projectId)
    return {
      user,
      isNew,
      registration: registered?.user === user ? registered.registration : undefined,
      registration_id,
      email,
      emailVerified,
      emailPlan
    }
  })

const authenticate: Handler<"oauth.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const token: TokenRecord | undefined = store.tokens.get(req.token)
    if (token === undefined || token.kind !== "oauth") {
      return yield* fail("oauth_token_not_found", "The OAuth token could not be found.", 404)
    }
    if (token.used) {
      return yield* fail("oauth_token_not_found", "The OAuth token has already been used. Start a new OAuth flow.", 404)
    }
    if (token.expires_at <= ctx.now) {
      return yield* fail("oauth_token_not_found", "The OAuth token has expired. Start a new OAuth flow.", 404)
    }
    const flow = (token.data ?? {}) as unknown as FlowData
    const provider = normalizeProvider(flow.provider_type)
    const factorKey = PROVIDER_FACTOR_KEYS[provider]
    if (factorKey === undefined || typeof flow.provider_subject !== "string" || flow.provider_subject === "") {
      return yield* fail(
        "invalid_oauth_provider",
        `The OAuth flow names an unknown provider (${JSON.stringify(flow.provider_type)}) or no provider_subject.`,
        400
      )
    }
    yield* checkPkce(token.code_challenge, req.code_verifier)

    const plan = yield* resolveUser(ctx, flow, provider)
    const { emailPlan, user } = plan
    const email_id = emailPlan.kind === "none" ? emailPlan.email_id : emailPlan.record.email_id
    const commit = yield* prepareSession(
      ctx,
      user,
      factor(ctx, "oauth", `oauth_${provider}`, {
        [factorKey]: {
          id: plan.registration_id,
          provider_subject: flow.provider_subject,
          ...(email_id === undefined ? {} : { email_id })
        }
      }),
      req
    )

    // Every check has passed: mutate in one synchronous block.
    if (plan.isNew) insertUser(store, user)
    if (emailPlan.kind === "add") {
      store.addEmail(user, emailPlan.record)
    } else if (emailPlan.kind === "verify") {
      emailPlan.record.verified = true
      emailPlan.record.unverifiedUntil = undefined
    }
    if (plan.registration !== undefined) {
      if (flow.profile_picture_url !== undefined) plan.registration.profile_picture_url = flow.profile_picture_url
      if (flow.locale !== undefined) plan.registration.locale = flow.locale
    } else {
      user.providers.push({
        oauth_user_registration_id: plan.registration_id,
        provider_type: PROVIDER_NAMES[provider]!,
        provider_subject: flow.provider_subject,
        ...(plan.email === undefined ? {} : { email: plan.email }),
        ...(flow.profile_picture_url === undefined ? {} : { profile_picture_url: flow.profile_picture_url }),
        ...(flow.locale === undefined ? {} : { locale: flow.locale })
      })
    }
    // Logging in through a provider is a primary authentication: a pending user becomes active.
    user.status = "active"
    if (plan.email !== undefined && plan.emailVerified && user.emails.some((e) => sameEmail(e.email, plan.email!))) {
      markPasswordlessEmailAuth(user, plan.email)
    }
    token.used = true
    const { session, session_jwt, session_token } = commit()

    return {
      user_id: user.user_id,
      provider_subject: flow.provider_subject,
      provider_type: PROVIDER_NAMES[provider]!,
      session_token,
      session_jwt,
      provider_values: {
        access_token: `emulated-${provider}-access-token-${newToken()}`,
        refresh_token: `emulated-${provider}-refresh-token-${newToken()}`,
        id_token: emulatedIdToken(ctx, flow, provider),
        scopes: Array.isArray(flow.scopes) ? [...flow.scopes] : DEFAULT_SCOPES,
        expires_at: iso(ctx.now + ACCESS_TOKEN_SECONDS * 1000)
      },
      user: userWire(user),
      reset_sessions: false,
      oauth_user_registration_id: plan.registration_id,
      user_session: session
    }
  })

export const oauthHandlers = {
  "oauth.attach": attach,
  "oauth.authenticate": authenticate
} satisfies AreaHandlers
