/**
 * The rules of local JWT verification that need no Effect (shared by both Effect lines): what a token must say
 * about its issuer and audience, the claim checks with the comparisons `jose.jwtVerify` makes (`exp`/`nbf` with a
 * clock tolerance, maximum age against `iat`, `typ`, required claims, issuer list, audience), the copy of custom
 * claims, and the memory of verified tokens.
 *
 * Every check takes the time `now` in milliseconds and answers `undefined` or a plain `JwtFailure`, whose `kind`
 * names the `StytchJwt*` error class each line builds from it. The token itself never goes into a failure.
 */
import type * as jose from "jose"

/** Why a token was refused; each kind is one `StytchJwt<kind>` error class. */
export type JwtFailureKind =
  | "Expired"
  | "NotYetValid"
  | "TooOld"
  | "InvalidSignature"
  | "InvalidIssuer"
  | "InvalidAudience"
  | "UnknownKey"
  | "UnsupportedAlgorithm"
  | "Malformed"

/** A refused token: the kind of failure and what was wrong (never the token's content). */
export interface JwtFailure {
  readonly kind: JwtFailureKind
  readonly detail: string
}

export const jwtFailure = (kind: JwtFailureKind, detail: string): JwtFailure => ({ kind, detail })

/** What a token must say about who issued it and for whom. */
export interface Expected {
  readonly issuers: ReadonlyArray<string>
  readonly audience: string
  /** When set, the `typ` header must be this media type (case-insensitive, `application/` optional, as jose). */
  readonly typ?: string | undefined
  /** Claims that must be present. */
  readonly required?: ReadonlyArray<string> | undefined
}

/**
 * Issuer and audience of every token the project signs: `stytch.com/<project_id>` or the configured base URL (a
 * custom domain), audience the project id.
 */
export const projectExpected = (
  config: { readonly baseUrl: string; readonly projectId: string },
  extra?: Pick<Expected, "typ" | "required">
): Expected => ({ issuers: [`stytch.com/${config.projectId}`, config.baseUrl], audience: config.projectId, ...extra })

/** What a caller asks of one token. */
export interface VerifyRequest {
  readonly token: string
  /** Leeway for `exp` and `nbf`. */
  readonly clock_tolerance_seconds?: number | undefined
  /** Reject tokens issued (`iat`) this many seconds ago or more; `>=`, so that 0 makes every token stale. */
  readonly max_token_age_seconds?: number | undefined
}

/** A JSON object (not an array, not null): what a JOSE header and a claims set must be. */
export const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The own claims of `all` not named in `excluded`: a token's custom claims. The keys are untrusted (a signed token
 * or an introspection answer may carry `__proto__`), so each is defined as an own property: an assignment
 * `custom["__proto__"] = v` would make `v` the prototype, whose keys `Object.keys` hides but lookups and schemas see.
 */
export const customClaims = (
  all: Readonly<Record<string, unknown>>,
  excluded: ReadonlySet<string>
): Record<string, unknown> => {
  const custom: Record<string, unknown> = {}
  for (const k of Object.keys(all)) {
    if (excluded.has(k)) continue
    Object.defineProperty(custom, k, { value: all[k], enumerable: true, writable: true, configurable: true })
  }
  return custom
}

/** Authenticate calls answer `session_jwt: ""` when they start no session: say so, not "Invalid Compact JWS". */
export const EMPTY_JWT: JwtFailure = jwtFailure(
  "Malformed",
  "the JWT is empty; an authenticate call without session_duration_minutes starts no session and " +
    "returns session_jwt \"\""
)

const normalizeTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, "")

/** `exp` and `nbf` against `now` (ms) with a tolerance in seconds: jose's comparisons. */
export const checkTimes = (payload: jose.JWTPayload, now: number, toleranceSeconds = 0): JwtFailure | undefined => {
  const seconds = Math.floor(now / 1000)
  if (payload.nbf !== undefined && payload.nbf > seconds + toleranceSeconds) {
    return jwtFailure("NotYetValid", "\"nbf\" claim timestamp check failed")
  }
  if (payload.exp !== undefined && payload.exp <= seconds - toleranceSeconds) {
    return jwtFailure("Expired", "\"exp\" claim timestamp check failed")
  }
  return undefined
}

/** `max_token_age_seconds` against `iat`; `>=`, so that 0 makes every token stale. */
export const checkAge = (
  payload: jose.JWTPayload,
  now: number,
  maxAgeSeconds: number | undefined
): JwtFailure | undefined => {
  if (maxAgeSeconds === undefined) return undefined
  if (payload.iat === undefined) return jwtFailure("Malformed", "no iat claim")
  if (now / 1000 - payload.iat >= maxAgeSeconds) {
    return jwtFailure("TooOld", `issued at ${payload.iat}, ${maxAgeSeconds} s or more ago`)
  }
  return undefined
}

/** The checks of a token whose signature just verified: shape, typ, required claims, iss, aud, then the times. */
export const checkClaims = (
  header: jose.CompactJWSHeaderParameters,
  payload: unknown,
  expected: Expected,
  now: number,
  toleranceSeconds: number
): JwtFailure | undefined => {
  if (!isObject(payload)) return jwtFailure("Malformed", "the claims set is not a JSON object")
  const claims = payload
  for (const name of ["exp", "nbf", "iat"]) {
    if (claims[name] !== undefined && typeof claims[name] !== "number") {
      return jwtFailure("Malformed", `"${name}" claim must be a number`)
    }
  }
  if (
    expected.typ !== undefined &&
    (typeof header.typ !== "string" || normalizeTyp(header.typ) !== normalizeTyp(expected.typ))
  ) {
    return jwtFailure("Malformed", "unexpected \"typ\" JWT header value")
  }
  for (const name of expected.required ?? []) {
    if (claims[name] === undefined) return jwtFailure("Malformed", `missing required "${name}" claim`)
  }
  if (typeof claims.iss !== "string" || !expected.issuers.includes(claims.iss)) {
    return jwtFailure("InvalidIssuer", "unexpected \"iss\" claim value")
  }
  const aud = claims.aud
  if (!(aud === expected.audience || (Array.isArray(aud) && aud.includes(expected.audience)))) {
    return jwtFailure("InvalidAudience", "unexpected \"aud\" claim value")
  }
  return checkTimes(claims as jose.JWTPayload, now, toleranceSeconds)
}

/**
 * Every check of a token whose signature verified, for a request: the claims (`checkClaims`), then the maximum age.
 */
export const checkVerified = (
  header: jose.CompactJWSHeaderParameters,
  payload: unknown,
  expected: Expected,
  request: VerifyRequest,
  now: number
): JwtFailure | undefined =>
  checkClaims(header, payload, expected, now, request.clock_tolerance_seconds ?? 0) ??
    checkAge(payload as jose.JWTPayload, now, request.max_token_age_seconds)

/** The checks a remembered (already verified) token still needs at `now`: the times, same comparisons. */
export const recheckTimes = (payload: jose.JWTPayload, request: VerifyRequest, now: number): JwtFailure | undefined =>
  checkTimes(payload, now, request.clock_tolerance_seconds) ?? checkAge(payload, now, request.max_token_age_seconds)

// ---------------------------------------------------------------------------------------------------------------
// Verified-token memory

/** A token that passed verification: under which key set (`version`) and key, its payload, and what it decoded to. */
export interface VerifiedToken<A> {
  readonly version: number
  readonly kid: string
  readonly payload: jose.JWTPayload
  readonly value: A
}

/**
 * A memory of tokens that passed, keyed by the whole token (signature included), so that a repeated token (the same
 * session's JWT on every request of a user, the same M2M access token for an hour) costs only `recheckTimes`. An
 * entry is only as good as the keys it was verified with: `lookup` ignores it once the key set's version changed
 * (the caller also checks that its `kid` is still known). At most `max` entries, oldest dropped first.
 */
export interface VerifiedTokens<A> {
  readonly lookup: (token: string, version: number) => VerifiedToken<A> | undefined
  readonly remember: (token: string, entry: VerifiedToken<A>) => void
}

export const makeVerifiedTokens = <A>(max = 1024): VerifiedTokens<A> => {
  const verified = new Map<string, VerifiedToken<A>>()
  return {
    lookup: (token, version) => {
      const hit = verified.get(token)
      return hit !== undefined && hit.version === version ? hit : undefined
    },
    remember: (token, entry) => {
      if (verified.size >= max) verified.delete(verified.keys().next().value!)
      verified.set(token, entry)
    }
  }
}
