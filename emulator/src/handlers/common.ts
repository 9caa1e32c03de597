/**
 * What every area's handlers share: the wire shape of users and sessions, starting and extending sessions, session
 * JWTs, and the checks of emails and phone numbers.
 */
import * as Effect from "effect/Effect"
import type { SessionEncoded, UserEncoded } from "../../../src/schemas/Models.js"
import { createHash, randomBytes, timingSafeEqual } from "node:crypto"
import { type ApiFailure, apiFailure, type Ctx, fail, unknownId } from "../internal/contract.js"
import {
  type AuthenticationFactor,
  iso,
  newId,
  newToken,
  type SessionRecord,
  type Store,
  type UserRecord,
  type WebAuthnRegistrationRecord
} from "../internal/store.js"

// ---------------------------------------------------------------------------------------------------------------
// Users

/** One WebAuthn registration as users and `webauthn.update` answer it (records made before any ceremony: localhost). */
export const webauthnRegistrationWire = (w: WebAuthnRegistrationRecord) => ({
  webauthn_registration_id: w.webauthn_registration_id,
  domain: w.domain ?? "localhost",
  user_agent: w.user_agent ?? "",
  verified: w.verified,
  authenticator_type: w.authenticator_type ?? "",
  name: w.name ?? ""
})

/**
 * A user as Stytch answers it: `name` always present with `""` for unset parts, `password: null` without one (as in
 * Stytch's documented bodies). `external_id`, `lock_created_at` and `lock_expires_at` are `null` when unset (a guess:
 * the documented example bodies show them set; Stytch's unset optional strings are `null` elsewhere). The emulator
 * never locks users, so both lock times are always `null`.
 */
export const userWire = (u: UserRecord): UserEncoded => ({
  user_id: u.user_id,
  emails: u.emails.map(({ email, email_id, verified }) => ({ email_id, email, verified })),
  status: u.status,
  phone_numbers: u.phone_numbers.map(({ phone_id, phone_number, verified }) => ({ phone_id, phone_number, verified })),
  webauthn_registrations: u.webauthn_registrations.map(webauthnRegistrationWire),
  providers: u.providers.map((p) => ({
    provider_type: p.provider_type,
    provider_subject: p.provider_subject,
    profile_picture_url: p.profile_picture_url ?? "",
    locale: p.locale ?? "",
    oauth_user_registration_id: p.oauth_user_registration_id
  })),
  totps: u.totps.map(({ totp_id, verified }) => ({ totp_id, verified })),
  crypto_wallets: u.crypto_wallets.map((w) => ({
    crypto_wallet_id: w.crypto_wallet_id,
    crypto_wallet_address: w.crypto_wallet_address,
    crypto_wallet_type: w.crypto_wallet_type ?? "ethereum",
    verified: w.verified
  })),
  biometric_registrations: u.biometric_registrations.map((b) => ({ ...b })),
  is_locked: false,
  roles: [...u.roles],
  name: { first_name: u.name?.first_name ?? "", middle_name: u.name?.middle_name ?? "", last_name: u.name?.last_name ?? "" },
  created_at: iso(u.created_at),
  password: u.password === undefined
    ? null
    : { password_id: u.password.password_id, requires_reset: u.password.requiresReset },
  trusted_metadata: { ...u.trusted_metadata },
  untrusted_metadata: { ...u.untrusted_metadata },
  external_id: u.external_id ?? null,
  lock_created_at: null,
  lock_expires_at: null
})

/** A user_id that names no user: 400 `invalid_user_id` when malformed, 404 `user_not_found` otherwise. */
export const unknownUser = (user_id: string) => unknownId(user_id, "user", "invalid_user_id", "user_not_found")

/** A Connected App client_id that names no app: 400 `invalid_client_id` when malformed, 404 otherwise. */
export const unknownConnectedApp = (client_id: string) =>
  unknownId(client_id, "connected-app", "invalid_client_id", "connected_app_not_found")

export const getUser = (store: Store, user_id: string): Effect.Effect<UserRecord, ApiFailure> => {
  const user = store.users.get(user_id)
  return user === undefined ? unknownUser(user_id) : Effect.succeed(user)
}

/** A new user record (not yet stored). */
export const newUser = (ctx: Ctx, status: UserRecord["status"] = "active"): UserRecord =>
  blankUser(newId("user", ctx.store.settings.projectId), ctx.now, status)

/** A user record with no factors, metadata or roles. */
export const blankUser = (
  user_id: string,
  created_at: number,
  status: UserRecord["status"] = "active"
): UserRecord => ({
  user_id,
  created_at,
  status,
  emails: [],
  phone_numbers: [],
  totps: [],
  providers: [],
  webauthn_registrations: [],
  crypto_wallets: [],
  biometric_registrations: [],
  trusted_metadata: {},
  untrusted_metadata: {},
  roles: [],
  passwordlessEmails: new Set()
})

/** Stores a new user and indexes its factors. Call only after every check has passed. */
export const insertUser = (store: Store, user: UserRecord): void => store.insertUser(user)

export const addEmail = (store: Store, user: UserRecord, email: string, verified: boolean, unverifiedUntil?: number) =>
  store.addEmail(user, {
    email_id: newId("email", store.settings.projectId),
    email,
    verified,
    ...(unverifiedUntil === undefined ? {} : { unverifiedUntil })
  })

export const addPhone = (store: Store, user: UserRecord, phone_number: string, verified: boolean, unverifiedUntil?: number) =>
  store.addPhone(user, {
    phone_id: newId("phone-number", store.settings.projectId),
    phone_number,
    verified,
    ...(unverifiedUntil === undefined ? {} : { unverifiedUntil })
  })

/** Shallow merge where `null` deletes a key (Stytch's metadata update semantics). */
export const mergeMetadata = (current: Record<string, unknown>, patch: Record<string, unknown> | undefined) => {
  if (patch === undefined) return current
  const out = { ...current }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of emails and phone numbers

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const checkEmail = (email: string): Effect.Effect<string, ApiFailure> =>
  EMAIL.test(email) && email.length <= 254 ? Effect.succeed(email) : fail("invalid_email")

/** E.164: a plus, a non-zero country digit, 7 to 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/
export const checkPhone = (phone: string): Effect.Effect<string, ApiFailure> => {
  if (!E164.test(phone)) {
    return fail("invalid_phone_number", "Phone number format is invalid. Phone numbers must be in E.164 format.")
  }
  // Country codes that do not exist (+0 is excluded by the pattern; +999 is unassigned).
  if (phone.startsWith("+999") || phone.startsWith("+990") || phone.startsWith("+997")) {
    return fail("invalid_phone_number_country_code")
  }
  return Effect.succeed(phone)
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions

/** Session JWTs live 5 minutes; the session itself lives as long as session_duration_minutes says. */
export const JWT_LIFETIME_SECONDS = 300

/** Claims a caller may not set through session_custom_claims. */
const RESERVED_CLAIMS = new Set(["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "https://stytch.com/session"])

export const cleanCustomClaims = (claims: Record<string, unknown> | undefined): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(claims ?? {})) {
    if (!RESERVED_CLAIMS.has(k) && !k.startsWith("https://stytch.com/")) out[k] = v
  }
  return out
}

/** A session's attributes, always both keys (`""` when unknown, as Stytch sends them). */
const sessionAttributes = (s: SessionRecord) => ({
  ip_address: s.attributes?.ip_address ?? "",
  user_agent: s.attributes?.user_agent ?? ""
})

export const sessionWire = (s: SessionRecord, user: UserRecord | undefined): SessionEncoded => ({
  session_id: s.session_id,
  user_id: s.user_id,
  authentication_factors: s.authentication_factors.map((f) => ({ ...f })),
  roles: user?.roles ? [...user.roles] : [],
  started_at: iso(s.started_at),
  last_accessed_at: iso(s.last_accessed_at),
  expires_at: iso(s.expires_at),
  attributes: sessionAttributes(s),
  custom_claims: { ...s.custom_claims }
})

export const sessionJwt = (ctx: Ctx, s: SessionRecord): string => {
  const iat = Math.floor(ctx.now / 1000)
  const user = ctx.store.users.get(s.user_id)
  return ctx.keys.signJwt({
    ...s.custom_claims,
    aud: [ctx.store.settings.projectId],
    exp: iat + JWT_LIFETIME_SECONDS,
    iat,
    iss: `stytch.com/${ctx.store.settings.projectId}`,
    nbf: iat,
    sub: s.user_id,
    "https://stytch.com/session": {
      id: s.session_id,
      started_at: iso(s.started_at),
      last_accessed_at: iso(s.last_accessed_at),
      expires_at: iso(s.expires_at),
      attributes: sessionAttributes(s),
      authentication_factors: s.authentication_factors,
      roles: user?.roles ?? []
    }
  })
}

export interface SessionOptions {
  readonly session_token?: string | undefined
  readonly session_jwt?: string | undefined
  readonly session_duration_minutes?: number | undefined
  readonly session_custom_claims?: Record<string, unknown> | undefined
}

/** The live session a token or JWT names (an expired JWT still names its session, as in Stytch). */
export const findSession = (
  ctx: Ctx,
  options: { readonly session_token?: string | undefined; readonly session_jwt?: string | undefined }
): Effect.Effect<SessionRecord, ApiFailure> =>
  Effect.suspend(() => {
    const { session_jwt, session_token } = options
    if (session_token !== undefined && session_jwt !== undefined) return fail("too_many_session_arguments")
    let session: SessionRecord | undefined
    if (session_token !== undefined) {
      session = ctx.store.sessionByToken(session_token)
    } else if (session_jwt !== undefined) {
      const verified = ctx.keys.verifyJwt(session_jwt)
      if (!verified.ok) {
        return fail("invalid_session_token", "The session JWT could not be verified.", 401)
      }
      const claim = verified.payload["https://stytch.com/session"] as { id?: unknown } | undefined
      session = typeof claim?.id === "string" ? ctx.store.sessions.get(claim.id) : undefined
    } else {
      return fail("no_session_arguments", "A session_token or session_jwt is required.")
    }
    if (session === undefined || session.expires_at <= ctx.now) {
      if (session !== undefined) ctx.store.deleteSession(session)
      return fail("session_not_found")
    }
    return Effect.succeed(session)
  })

const checkDuration = (minutes: number | undefined): Effect.Effect<void, ApiFailure> =>
  minutes === undefined || (Number.isInteger(minutes) && minutes >= 5 && minutes <= 527040)
    ? Effect.void
    : fail("invalid_session_duration_minutes", "session_duration_minutes must be between 5 and 527040 (366 days).")

export const factor = (ctx: Ctx, type: string, delivery_method: string, extra: Record<string, unknown> = {}) =>
  ({
    type,
    delivery_method,
    last_authenticated_at: iso(ctx.now),
    created_at: iso(ctx.now),
    updated_at: iso(ctx.now),
    ...extra
  }) as AuthenticationFactor

/**
 * After a successful authentication: extends the session named by `session_token`/`session_jwt` with the new factor,
 * or starts a new session when `session_duration_minutes` is given, or returns empty tokens when neither.
 * Validates everything before it mutates (the handler's own mutations must come after this returns).
 */
export const prepareSession = (
  ctx: Ctx,
  user: UserRecord,
  newFactor: AuthenticationFactor,
  options: SessionOptions
): Effect.Effect<() => { session_token: string; session_jwt: string; session: SessionEncoded | null }, ApiFailure> =>
  Effect.gen(function*() {
    yield* checkDuration(options.session_duration_minutes)
    const existing = options.session_token !== undefined || options.session_jwt !== undefined
      ? yield* findSession(ctx, options)
      : undefined
    if (existing !== undefined && existing.user_id !== user.user_id) {
      return yield* fail("user_id_mismatch", "The session belongs to another user.")
    }
    if (existing === undefined && options.session_duration_minutes === undefined) {
      return () => ({ session_token: "", session_jwt: "", session: null })
    }
    return () => {
      let session = existing
      if (session === undefined) {
        session = {
          session_id: newId("session", ctx.store.settings.projectId),
          session_token: newToken(),
          user_id: user.user_id,
          started_at: ctx.now,
          last_accessed_at: ctx.now,
          expires_at: ctx.now + options.session_duration_minutes! * 60_000,
          authentication_factors: [],
          custom_claims: {},
          attributes: {
            ip_address: ctx.headers["x-forwarded-for"] ?? "",
            user_agent: ctx.headers["user-agent"] ?? ""
          }
        }
        ctx.store.insertSession(session)
      }
      session.last_accessed_at = ctx.now
      if (options.session_duration_minutes !== undefined) {
        extendSession(session, ctx.now, options.session_duration_minutes)
      }
      // One factor per type + delivery method: authenticating again refreshes it.
      session.authentication_factors = [
        ...session.authentication_factors.filter((f) =>
          !(f.type === newFactor.type && f.delivery_method === newFactor.delivery_method)
        ),
        newFactor
      ]
      if (options.session_custom_claims !== undefined) {
        session.custom_claims = { ...session.custom_claims, ...cleanCustomClaims(options.session_custom_claims) }
      }
      return { session_token: session.session_token, session_jwt: sessionJwt(ctx, session), session: sessionWire(session, user) }
    }
  })

/** Revokes every session of a user, except `keep`. */
export const revokeUserSessions = (store: Store, user_id: string, keep?: string): void => {
  for (const s of [...store.sessions.values()]) {
    if (s.user_id === user_id && s.session_id !== keep) store.deleteSession(s)
  }
}

export { apiFailure }

/**
 * The pre-hijack rule: the first time a user authenticates with an email-based passwordless method (email magic
 * link, email OTP, OAuth with the same email), a password they already have must be reset before it can be used
 * again (`reset_password` on the next passwords.authenticate). Call inside the commit block of a successful
 * authentication.
 */
export const markPasswordlessEmailAuth = (user: UserRecord, email: string): void => {
  const key = email.toLowerCase()
  if (user.passwordlessEmails.has(key)) return
  user.passwordlessEmails.add(key)
  if (user.password !== undefined) user.password.requiresReset = true
}

// ---------------------------------------------------------------------------------------------------------------
// Client secrets (M2M and Connected Apps): random and long, so a fast hash is enough to store them

const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest()

/** What the store keeps of a secret: its SHA-256 and its last four characters (shown as `*_last_four`). */
export const storedSecret = (secret: string): { readonly hash: string; readonly last_four: string } => ({
  hash: hashSecret(secret).toString("hex"),
  last_four: secret.slice(-4)
})

/** 48 url-safe random characters. */
export const newSecret = () => randomBytes(36).toString("base64url")

/** Whether `candidate` is the secret `stored` was made from (constant-time comparison of the hashes). */
export const secretMatches = (stored: { readonly hash: string }, candidate: string) =>
  timingSafeEqual(Buffer.from(stored.hash, "hex"), hashSecret(candidate))

// ---------------------------------------------------------------------------------------------------------------
// Client searches (M2M and Connected Apps): `limit` and an opaque `cursor`

const SEARCH_DEFAULT_LIMIT = 100
const SEARCH_MAX_LIMIT = 1000

/**
 * The page a client search asks for: `limit` (1 to 1000, 100 by default) and the position after which it starts,
 * read from `cursor` by `positionOf` (`undefined` for the first page). A bad limit or an unreadable cursor is
 * `bad_request` (our choice: Stytch's exact error for these is not documented).
 */
export const pageRequest = <P>(
  req: { readonly cursor?: string | undefined; readonly limit?: number | undefined },
  positionOf: (cursor: string) => P | undefined
): Effect.Effect<{ readonly limit: number; readonly after: P | undefined }, ApiFailure> => {
  const limit = req.limit ?? SEARCH_DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT) {
    return fail("bad_request", `limit must be a whole number from 1 to ${SEARCH_MAX_LIMIT}.`, 400)
  }
  if (req.cursor === undefined || req.cursor === "") return Effect.succeed({ limit, after: undefined })
  const after = positionOf(req.cursor)
  return after === undefined ? fail("bad_request", "The cursor is not valid.", 400) : Effect.succeed({ limit, after })
}

// ---------------------------------------------------------------------------------------------------------------
// Session lifetime

/** How long an impersonated session may last in all: it cannot be extended past its first hour (the docs). */
const IMPERSONATED_MAX_MS = 60 * 60_000

/**
 * Sets a session to expire `minutes` from `now`; an impersonated session is capped at one hour from its start.
 */
export const extendSession = (session: SessionRecord, now: number, minutes: number): void => {
  const wanted = now + minutes * 60_000
  session.expires_at = session.authentication_factors.some((f) => f.type === "impersonated")
    ? Math.min(wanted, session.started_at + IMPERSONATED_MAX_MS)
    : wanted
}
