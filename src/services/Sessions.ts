/**
 * Sessions: list, authenticate, revoke and migrate sessions, read the JWKS, and verify session JWTs locally.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as jose from "jose"
import { type Client, decodeClaims, makeClient, withClaims, type WithClaims, type WithClaimsMethod } from "../internal/client.js"
import { JwksCache } from "../layers/JwksCache.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"
import {
  type StytchClaimsError,
  type StytchError,
  type StytchJwtError,
  StytchJwtExpired,
  StytchJwtInvalidAudience,
  StytchJwtInvalidIssuer,
  StytchJwtInvalidSignature,
  StytchJwtMalformed,
  StytchJwtNotYetValid,
  StytchJwtTooOld,
  StytchJwtUnknownKey,
  StytchJwtUnsupportedAlgorithm
} from "../schemas/Errors.js"
import { Session, type SessionsAuthenticateRequest, type SessionsAuthenticateResponse } from "../schemas/Models.js"

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
export interface Service extends Client<typeof Endpoints.sessions> {
  /** `authenticate`, with the session's custom claims decoded by the given schema. */
  readonly authenticateWithClaims: WithClaimsMethod<SessionsAuthenticateRequest, SessionsAuthenticateResponse>
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
    claims: Schema.Schema<A, I>
  ) => Effect.Effect<WithClaims<Session, A>, StytchJwtError | StytchError | StytchClaimsError>
  /**
   * Local verification when the JWT is valid and fresh enough; otherwise (expired, too old, unknown key, ...)
   * the remote `sessions.authenticate`, which also refreshes the JWT while the session lives.
   */
  readonly authenticateJwt: (request: AuthenticateJwtRequest) => Effect.Effect<AuthenticateJwtResponse, StytchError>
  /** `authenticateJwt` with the custom claims decoded by the given schema (the seed's `AuthenticateJWTWithClaims`). */
  readonly authenticateJwtWithClaims: <A, I>(
    request: AuthenticateJwtRequest,
    claims: Schema.Schema<A, I>
  ) => Effect.Effect<WithClaims<AuthenticateJwtResponse, A>, StytchError | StytchClaimsError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Sessions extends Context.Tag("effect-stytch/Sessions")<Sessions, Service>() {}

const SESSION_CLAIM = "https://stytch.com/session"
/** Registered claims: neither custom claims nor part of the session. */
const REGISTERED = new Set(["aud", "exp", "iat", "iss", "jti", "nbf", "sub", SESSION_CLAIM])

/** The session claim as Stytch signs it. */
const SessionClaim = Schema.Struct({
  id: Schema.String,
  started_at: Schema.optional(Schema.String),
  last_accessed_at: Schema.optional(Schema.String),
  expires_at: Schema.optional(Schema.String),
  attributes: Schema.optional(Schema.Unknown),
  authentication_factors: Schema.optional(Schema.Array(Schema.Unknown)),
  roles: Schema.optional(Schema.Array(Schema.String))
})
const decodeSessionClaim = Schema.decodeUnknownEither(SessionClaim)
const decodeSession = Schema.decodeUnknownEither(Session)

/** Thrown inside jose's key resolver: the token's kid is not in the cached set. */
class UnknownKid {
  constructor(readonly kid: string) {}
}

const joseFailure = (error: unknown): StytchJwtError => {
  if (error instanceof UnknownKid) return new StytchJwtUnknownKey({ detail: `no key with kid ${error.kid}` })
  if (error instanceof jose.errors.JWTExpired) return new StytchJwtExpired({ detail: error.message })
  if (error instanceof jose.errors.JWTClaimValidationFailed) {
    const detail = error.message
    switch (error.claim) {
      case "nbf":
        return new StytchJwtNotYetValid({ detail })
      case "iss":
        return new StytchJwtInvalidIssuer({ detail })
      case "aud":
        return new StytchJwtInvalidAudience({ detail })
      default:
        return new StytchJwtMalformed({ detail })
    }
  }
  if (error instanceof jose.errors.JOSEAlgNotAllowed) {
    return new StytchJwtUnsupportedAlgorithm({ detail: "only RS256 is accepted" })
  }
  if (error instanceof jose.errors.JWSSignatureVerificationFailed) {
    return new StytchJwtInvalidSignature({ detail: "the signature does not verify" })
  }
  return new StytchJwtMalformed({ detail: error instanceof Error ? error.message : "not a JWT" })
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp | JwksCache> = Effect.gen(function*() {
  const http = yield* StytchHttp
  const jwks = yield* JwksCache
  const client = makeClient(http, Endpoints.sessions)
  const { baseUrl, projectId } = http.config
  const verifyOptions = {
    algorithms: ["RS256"],
    issuer: [`stytch.com/${projectId}`, baseUrl],
    audience: projectId,
    typ: "JWT"
  }

  /** jose's key resolver: keys already in the cache only (`authenticateJwtLocalRaw` has asked the cache first). */
  const resolver = (header: jose.JWSHeaderParameters) => {
    if (header.alg !== "RS256") throw new jose.errors.JOSEAlgNotAllowed("alg not allowed")
    const key = header.kid === undefined ? undefined : jwks.knownKey(header.kid)
    if (key === undefined) throw new UnknownKid(header.kid ?? "(none)")
    return key
  }

  const verify = (request: AuthenticateJwtLocalRequest, now: number) =>
    Effect.tryPromise({
      try: () =>
        jose.jwtVerify(request.session_jwt, resolver, {
          ...verifyOptions,
          currentDate: new Date(now),
          ...(request.clock_tolerance_seconds ? { clockTolerance: request.clock_tolerance_seconds } : {})
        }),
      catch: (error) => error
    })

  /** The `kid` of an RS256 token, if the header says so; anything else is left to jose to reject. */
  const rs256Kid = (token: string): string | undefined => {
    try {
      const header = jose.decodeProtectedHeader(token)
      return header.alg === "RS256" && typeof header.kid === "string" ? header.kid : undefined
    } catch {
      return undefined
    }
  }

  const authenticateJwtLocalRaw = (request: AuthenticateJwtLocalRequest) =>
    Effect.gen(function*() {
      const now = yield* Effect.clockWith((c) => c.currentTimeMillis)
      // Ask the cache first: no I/O while its set is fresh and knows the kid; otherwise it refreshes a stale set
      // (its TTL is only honoured if verification goes through it) or refetches for a new kid, rate-limited.
      // Tokens of another algorithm never cause a fetch.
      const kid = rs256Kid(request.session_jwt)
      if (kid !== undefined) yield* jwks.key(kid)
      const result = yield* Effect.either(verify(request, now))
      if (result._tag === "Left") return yield* joseFailure(result.left)
      const { payload } = result.right
      const maxAge = request.max_token_age_seconds
      if (maxAge !== undefined) {
        if (typeof payload.iat !== "number") return yield* new StytchJwtMalformed({ detail: "no iat claim" })
        if (now / 1000 - payload.iat >= maxAge) {
          return yield* new StytchJwtTooOld({ detail: `issued at ${payload.iat}, ${maxAge} s or more ago` })
        }
      }
      const claim = decodeSessionClaim(payload[SESSION_CLAIM])
      if (claim._tag === "Left") return yield* new StytchJwtMalformed({ detail: "no valid Stytch session claim" })
      const custom_claims: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(payload)) if (!REGISTERED.has(k)) custom_claims[k] = v
      const c = claim.right
      const session = decodeSession({
        session_id: c.id,
        user_id: payload.sub ?? "",
        authentication_factors: c.authentication_factors ?? [],
        roles: c.roles ?? [],
        started_at: c.started_at,
        last_accessed_at: c.last_accessed_at,
        // Prefer the session's own expiry; the JWT's exp is only the token's.
        expires_at: c.expires_at ?? new Date((payload.exp ?? 0) * 1000).toISOString(),
        attributes: c.attributes,
        custom_claims
      })
      if (session._tag === "Left") return yield* new StytchJwtMalformed({ detail: "the session claim is not a session" })
      return session.right
    })

  const authenticateJwtLocal = (request: AuthenticateJwtLocalRequest) =>
    authenticateJwtLocalRaw(request).pipe(Effect.withSpan("Stytch.sessions.authenticateJwtLocal"))

  const authenticateJwt = (request: AuthenticateJwtRequest): Effect.Effect<AuthenticateJwtResponse, StytchError> =>
    authenticateJwtLocalRaw(request).pipe(
      Effect.map((session): AuthenticateJwtResponse => ({ verified: "local", session, session_jwt: request.session_jwt })),
      Effect.catchIf(
        (error): error is StytchJwtError => error._tag.startsWith("StytchJwt"),
        () =>
          Effect.map(
            client.authenticate({
              session_jwt: request.session_jwt,
              ...(request.session_duration_minutes === undefined
                ? {}
                : { session_duration_minutes: request.session_duration_minutes }),
              ...(request.session_custom_claims === undefined
                ? {}
                : { session_custom_claims: request.session_custom_claims })
            }),
            (response): AuthenticateJwtResponse => ({
              verified: "remote",
              session: response.session,
              session_jwt: response.session_jwt,
              response
            })
          )
      ),
      Effect.withSpan("Stytch.sessions.authenticateJwt")
    ) as Effect.Effect<AuthenticateJwtResponse, StytchError>

  return Sessions.of({
    ...client,
    authenticateWithClaims: withClaims(http, Endpoints.sessions.authenticate),
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
export const layer: Layer.Layer<Sessions, never, StytchHttp | JwksCache> = Layer.effect(Sessions, make)
