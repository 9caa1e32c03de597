/**
 * The hot path of local verification, shared by session JWTs and M2M access tokens.
 *
 * jose verifies the JWS (the RS256 allow-list, `crit`, the signature); the claims are checked here, on Effect's
 * Clock, with the same comparisons `jose.jwtVerify` makes. `jwtVerify` = `compactVerify` + a claims pass that
 * costs more than the Effect boundary around the WebCrypto call, and the same claim checks also run for tokens
 * served from a verified-token cache: one implementation of them, used both ways.
 */
import * as Effect from "effect/Effect"
import * as jose from "jose"
import {
  type StytchJwtError,
  StytchJwtExpired,
  StytchJwtInvalidAudience,
  StytchJwtInvalidIssuer,
  StytchJwtMalformed,
  StytchJwtNotYetValid,
  StytchJwtTooOld
} from "../schemas/Errors.js"
import { joseFailure } from "./jwt.js"

/** What a token must say about who issued it and for whom. */
export interface Expected {
  readonly issuers: ReadonlyArray<string>
  readonly audience: string
  /** When set, the `typ` header must be this media type (case-insensitive, `application/` optional, as jose). */
  readonly typ?: string | undefined
}

const RS256_ONLY = { algorithms: ["RS256"] }
const utf8 = new TextDecoder()
const normalizeTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, "")

/** `exp` and `nbf` against `now` (ms) with a tolerance in seconds: jose's comparisons. */
export const checkTimes = (payload: jose.JWTPayload, now: number, toleranceSeconds = 0): StytchJwtError | undefined => {
  const seconds = Math.floor(now / 1000)
  if (payload.nbf !== undefined && payload.nbf > seconds + toleranceSeconds) {
    return new StytchJwtNotYetValid({ detail: "\"nbf\" claim timestamp check failed" })
  }
  if (payload.exp !== undefined && payload.exp <= seconds - toleranceSeconds) {
    return new StytchJwtExpired({ detail: "\"exp\" claim timestamp check failed" })
  }
  return undefined
}

/** `max_token_age_seconds` against `iat`; `>=`, so that 0 makes every token stale. */
export const checkAge = (payload: jose.JWTPayload, now: number, maxAgeSeconds: number | undefined) => {
  if (maxAgeSeconds === undefined) return undefined
  if (payload.iat === undefined) return new StytchJwtMalformed({ detail: "no iat claim" })
  if (now / 1000 - payload.iat >= maxAgeSeconds) {
    return new StytchJwtTooOld({ detail: `issued at ${payload.iat}, ${maxAgeSeconds} s or more ago` })
  }
  return undefined
}

/** The claims checks of a freshly verified token: shape, typ, iss, aud, then the times. */
const checkClaims = (
  header: jose.CompactJWSHeaderParameters,
  payload: unknown,
  expected: Expected,
  now: number,
  toleranceSeconds: number
): StytchJwtError | undefined => {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return new StytchJwtMalformed({ detail: "the claims set is not a JSON object" })
  }
  const claims = payload as Record<string, unknown>
  for (const name of ["exp", "nbf", "iat"]) {
    if (claims[name] !== undefined && typeof claims[name] !== "number") {
      return new StytchJwtMalformed({ detail: `"${name}" claim must be a number` })
    }
  }
  if (expected.typ !== undefined && (typeof header.typ !== "string" || normalizeTyp(header.typ) !== normalizeTyp(expected.typ))) {
    return new StytchJwtMalformed({ detail: "unexpected \"typ\" JWT header value" })
  }
  if (typeof claims.iss !== "string" || !expected.issuers.includes(claims.iss)) {
    return new StytchJwtInvalidIssuer({ detail: "unexpected \"iss\" claim value" })
  }
  const aud = claims.aud
  if (!(aud === expected.audience || (Array.isArray(aud) && aud.includes(expected.audience)))) {
    return new StytchJwtInvalidAudience({ detail: "unexpected \"aud\" claim value" })
  }
  return checkTimes(claims as jose.JWTPayload, now, toleranceSeconds)
}

/**
 * Verifies `token` with `key` and checks its claims. One `Effect.async` around jose's promise: the fiber
 * suspends once and resumes with the result, no intermediate effects.
 */
export const verifyJwt = (
  token: string,
  key: jose.CryptoKey,
  expected: Expected,
  now: number,
  toleranceSeconds = 0
): Effect.Effect<jose.JWTPayload, StytchJwtError> =>
  Effect.async((resume) => {
    jose.compactVerify(token, key, RS256_ONLY).then(
      ({ payload: bytes, protectedHeader }) => {
        let payload: unknown
        try {
          payload = JSON.parse(utf8.decode(bytes))
        } catch {
          return resume(Effect.fail(new StytchJwtMalformed({ detail: "the claims set is not JSON" })))
        }
        const failure = checkClaims(protectedHeader, payload, expected, now, toleranceSeconds)
        resume(failure === undefined ? Effect.succeed(payload as jose.JWTPayload) : Effect.fail(failure))
      },
      (error) => resume(Effect.fail(joseFailure(error)))
    )
  })
