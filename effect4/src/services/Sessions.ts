/**
 * Sessions: list, authenticate, revoke and migrate sessions, read the JWKS, and verify session JWTs locally.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Schema from "effect/Schema"
import type * as jose from "jose"
import { decodeClaims, type WithClaims } from "../internal/client.js"
import { cachedVerifier, customClaims, projectExpected } from "../internal/jwt.js"
import { JwksCache } from "../layers/JwksCache.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import {
  type StytchClaimsError,
  type StytchError,
  type StytchJwtError,
  StytchJwtFailure,
  StytchJwtMalformed
} from "../schemas/Errors.js"
import type { SessionsAuthenticateResponse } from "../schemas/Sessions.js"
import type { Session } from "../schemas/Shared.js"
import { type Methods, methods } from "./generated/Sessions.js"

export * from "../schemas/Sessions.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateJwtLocalRequest {
  readonly session_jwt: string
  /** Reject tokens issued (`iat`) this many seconds ago or more. `0` makes every token stale. */
  readonly max_token_age_seconds?: number | undefined
  /** Leeway for `exp` and `nbf`. Default: 0. */
  readonly clock_tolerance_seconds?: number | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateJwtRequest extends AuthenticateJwtLocalRequest {
  /** Used by the remote fallback only. */
  readonly session_duration_minutes?: number | undefined
  /** Used by the remote fallback only. */
  readonly session_custom_claims?: { readonly [key: string]: unknown } | undefined
}

/**
 * The answer of `authenticateJwt`: the session, and where it was verified. `remote` carries the whole
 * `sessions.authenticate` response (with the refreshed `session_jwt`).
 *
 * @since 0.1.0
 * @category models
 */
export type AuthenticateJwtResponse =
  | { readonly verified: "local"; readonly session: Session; readonly session_jwt: string }
  | {
    readonly verified: "remote"
    readonly session: Session
    readonly session_jwt: string
    readonly response: SessionsAuthenticateResponse
  }

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Methods {
  /**
   * Verifies a session JWT locally (RS256 against the project's JWKS, issuer, audience, `exp`/`nbf`, optional
   * maximum age) and returns its session, custom claims included. Time comes from Effect's `Clock`.
   */
  readonly authenticateJwtLocal: (
    request: AuthenticateJwtLocalRequest
  ) => Effect.Effect<Session, StytchJwtError | StytchError>
  /** `authenticateJwtLocal` with the custom claims decoded by the given schema. */
  readonly authenticateJwtLocalWithClaims: <A, I>(
    request: AuthenticateJwtLocalRequest,
    claims: Schema.Codec<A, I>
  ) => Effect.Effect<WithClaims<Session, A>, StytchJwtError | StytchError | StytchClaimsError>
  /**
   * Local verification when the JWT is valid and fresh enough; otherwise (expired, too old, unknown key, ...)
   * the remote `sessions.authenticate`, which also refreshes the JWT while the session lives.
   */
  readonly authenticateJwt: (request: AuthenticateJwtRequest) => Effect.Effect<AuthenticateJwtResponse, StytchError>
  /** `authenticateJwt` with the custom claims decoded by the given schema (the seed's `AuthenticateJWTWithClaims`). */
  readonly authenticateJwtWithClaims: <A, I>(
    request: AuthenticateJwtRequest,
    claims: Schema.Codec<A, I>
  ) => Effect.Effect<WithClaims<AuthenticateJwtResponse, A>, StytchError | StytchClaimsError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Sessions extends Context.Service<Sessions, Service>()("effect-stytch/Sessions") {}

const SESSION_CLAIM = "https://stytch.com/session"
/** Registered claims: neither custom claims nor part of the session. */
const REGISTERED = /* @__PURE__ */ new Set(["aud", "exp", "iat", "iss", "jti", "nbf", "sub", SESSION_CLAIM])

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp | JwksCache> = /* @__PURE__ */ Effect.gen(function*() {
  const http = yield* StytchHttp
  const jwks = yield* JwksCache
  const client = methods(http)
  const expected = projectExpected(http.config, { typ: "JWT" })

  /** The session carried by a verified payload; built by hand (no schema pass) since this is the hot path. */
  const sessionOf = (payload: jose.JWTPayload): Session | StytchJwtMalformed => {
    const claim = payload[SESSION_CLAIM] as Record<string, unknown> | undefined
    if (typeof claim !== "object" || claim === null || typeof claim.id !== "string") {
      return new StytchJwtMalformed({ detail: "no valid Stytch session claim" })
    }
    const str = (v: unknown) => (typeof v === "string" ? v : undefined)
    const custom_claims = customClaims(payload, REGISTERED)
    const started_at = str(claim.started_at)
    const last_accessed_at = str(claim.last_accessed_at)
    const attributes = claim.attributes as Session["attributes"]
    return {
      session_id: claim.id,
      user_id: payload.sub ?? "",
      authentication_factors: Array.isArray(claim.authentication_factors)
        ? claim.authentication_factors as Session["authentication_factors"]
        : [],
      roles: Array.isArray(claim.roles) ? claim.roles.filter((r): r is string => typeof r === "string") : [],
      ...(started_at === undefined ? {} : { started_at }),
      ...(last_accessed_at === undefined ? {} : { last_accessed_at }),
      // Prefer the session's own expiry; the JWT's exp is only the token's. Stytch's older JWTs carry
      // `expires_at: ""`: then the exp, as the official SDKs do.
      expires_at: str(claim.expires_at) || new Date((payload.exp ?? 0) * 1000).toISOString(),
      ...(typeof attributes === "object" && attributes !== null ? { attributes } : {}),
      custom_claims
    }
  }

  const verify = cachedVerifier(jwks, expected, sessionOf)

  // No span of its own: local verification is the hot path, and the JWKS fetch it may cause is traced by the HTTP
  // pipeline.
  const authenticateJwtLocal = (
    request: AuthenticateJwtLocalRequest
  ): Effect.Effect<Session, StytchJwtError | StytchError> =>
    verify({
      token: request.session_jwt,
      clock_tolerance_seconds: request.clock_tolerance_seconds,
      max_token_age_seconds: request.max_token_age_seconds
    })

  const isJwtError = (error: StytchJwtError | StytchError): error is StytchJwtError =>
    error instanceof StytchJwtFailure

  const authenticateJwt = (request: AuthenticateJwtRequest): Effect.Effect<AuthenticateJwtResponse, StytchError> =>
    Effect.gen(function*(): Effect.fn.Return<AuthenticateJwtResponse, StytchError> {
      const local = yield* Effect.result(authenticateJwtLocal(request))
      if (local._tag === "Success") {
        return { verified: "local", session: local.success, session_jwt: request.session_jwt }
      }
      // Not verifiable locally (expired, too old, unknown key, ...): ask Stytch, which also refreshes the JWT.
      if (!isJwtError(local.failure)) return yield* Effect.fail(local.failure)
      const response = yield* client.authenticate({
        session_jwt: request.session_jwt,
        ...(request.session_duration_minutes === undefined
          ? {}
          : { session_duration_minutes: request.session_duration_minutes }),
        ...(request.session_custom_claims === undefined ? {} : { session_custom_claims: request.session_custom_claims })
      })
      return { verified: "remote", session: response.session, session_jwt: response.session_jwt, response }
    }).pipe(Effect.withSpan("Stytch.sessions.authenticateJwt", undefined, { captureStackTrace: false }))

  return Sessions.of({
    ...client,
    authenticateJwtLocal,
    authenticateJwtLocalWithClaims: (request, claims) =>
      Effect.flatMap(authenticateJwtLocal(request), (session) => decodeClaims(session, session.custom_claims, claims)),
    authenticateJwt,
    authenticateJwtWithClaims: (request, claims) =>
      Effect.flatMap(authenticateJwt(request), (result) => decodeClaims(result, result.session.custom_claims, claims))
  })
})

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Sessions, never, StytchHttp | JwksCache> = /* @__PURE__ */ Layer.effect(Sessions, make)
