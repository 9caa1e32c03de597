/**
 * Local verification of the JWTs the project signs (session JWTs, M2M and IdP access tokens): the Effect 3 shell
 * over the Effect-free rules of `core/jwtRules.ts` (claim checks, verified-token memory) and `core/jwtSignature.ts`
 * (the RS256 allow-list, `crit`, token shape, the signature backends).
 *
 * The JWS is checked synchronously with Node's crypto where the runtime has it, and by jose's `compactVerify` on
 * WebCrypto elsewhere; the claims are checked on Effect's Clock with the comparisons `jose.jwtVerify` makes, and the
 * same time checks also run for tokens served from the verified-token cache. Failures become the `StytchJwt*`
 * classes. The token itself never goes into an error.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import type * as jose from "jose"
import * as rules from "../core/jwtRules.js"
import * as signature from "../core/jwtSignature.js"
import type { JwksCache } from "../layers/JwksCache.js"
import {
  type StytchError,
  type StytchJwtError,
  StytchJwtExpired,
  StytchJwtFailure,
  StytchJwtInvalidAudience,
  StytchJwtInvalidIssuer,
  StytchJwtInvalidSignature,
  StytchJwtMalformed,
  StytchJwtNotYetValid,
  StytchJwtTooOld,
  StytchJwtUnknownKey,
  StytchJwtUnsupportedAlgorithm
} from "../schemas/Errors.js"

export { customClaims, type Expected, projectExpected, type VerifyRequest } from "../core/jwtRules.js"
export {
  activeBackend,
  backend,
  loadNode,
  type NodeBuffer,
  type NodeCrypto
} from "../core/jwtSignature.js"

/** The typed error of a failure description. */
export const toError = (failure: rules.JwtFailure): StytchJwtError => {
  const props = { detail: failure.detail }
  switch (failure.kind) {
    case "Expired":
      return new StytchJwtExpired(props)
    case "NotYetValid":
      return new StytchJwtNotYetValid(props)
    case "TooOld":
      return new StytchJwtTooOld(props)
    case "InvalidSignature":
      return new StytchJwtInvalidSignature(props)
    case "InvalidIssuer":
      return new StytchJwtInvalidIssuer(props)
    case "InvalidAudience":
      return new StytchJwtInvalidAudience(props)
    case "UnknownKey":
      return new StytchJwtUnknownKey(props)
    case "UnsupportedAlgorithm":
      return new StytchJwtUnsupportedAlgorithm(props)
    case "Malformed":
      return new StytchJwtMalformed(props)
  }
}

const toErrorOrUndefined = (failure: rules.JwtFailure | undefined): StytchJwtError | undefined =>
  failure === undefined ? undefined : toError(failure)

/** Maps a jose failure (of `compactVerify`, or of `jwtVerify` in users' code) to its typed error. */
export const joseFailure = (error: unknown): StytchJwtError => toError(signature.joseFailure(error))

/** `exp` and `nbf` against `now` (ms) with a tolerance in seconds: jose's comparisons. */
export const checkTimes = (payload: jose.JWTPayload, now: number, toleranceSeconds = 0): StytchJwtError | undefined =>
  toErrorOrUndefined(rules.checkTimes(payload, now, toleranceSeconds))

/** `max_token_age_seconds` against `iat`; `>=`, so that 0 makes every token stale. */
export const checkAge = (
  payload: jose.JWTPayload,
  now: number,
  maxAgeSeconds: number | undefined
): StytchJwtError | undefined => toErrorOrUndefined(rules.checkAge(payload, now, maxAgeSeconds))

/** The checks of a token whose signature just verified: shape, typ, required claims, iss, aud, then the times. */
export const checkClaims = (
  header: jose.CompactJWSHeaderParameters,
  payload: unknown,
  expected: rules.Expected,
  now: number,
  toleranceSeconds: number
): StytchJwtError | undefined => toErrorOrUndefined(rules.checkClaims(header, payload, expected, now, toleranceSeconds))

/** The synchronous RS256 check of Node's crypto (see `core/jwtSignature.ts`), failures as typed errors. */
export const nodeVerify = (
  node: signature.NodeModules,
  token: string,
  keyFor: signature.KeyFor
): signature.Verified | StytchJwtError => {
  const result = signature.nodeVerify(node, token, keyFor)
  return "kind" in result ? toError(result) : result
}

/** The time of Effect's `Clock` (a `TestClock` in tests), read in one step on the hot path. */
const nowMillis = (fiber: Fiber.RuntimeFiber<unknown, unknown>): number =>
  Context.get(fiber.currentDefaultServices, Clock.Clock).unsafeCurrentTimeMillis()

/**
 * Verifies a JWT against the project's JWKS at `now` (ms), checks its claims, and hands the payload and key id to
 * `finish`, whose effect is the result.
 *
 * The key comes from the cache's lookup, which never waits (a stale set is refreshed in the background). When it
 * has none (an unknown kid, no set yet) the cache fetches (rate-limited) and the token is verified with what it
 * returns.
 *
 * On Node the whole check is synchronous: no fiber suspends. With WebCrypto it is one `Effect.async` around jose's
 * promise, with `finish` called inside it, so the fiber suspends once.
 */
export const verifyWithJwks = <A, E>(
  jwks: JwksCache["Type"],
  expected: rules.Expected,
  request: rules.VerifyRequest,
  now: number,
  finish: (payload: jose.JWTPayload, kid: string) => Effect.Effect<A, E>
): Effect.Effect<A, E | StytchJwtError | StytchError> => {
  const token = request.token
  if (token === "") return Effect.fail(toError(rules.EMPTY_JWT))
  let kid = "(none)"
  const known: signature.KeyFor = (header) => {
    kid = signature.kidOf(header)
    const key = jwks.knownKey(kid, now)
    if (key === undefined) throw new signature.NoKnownKey(kid)
    return key
  }
  const refetched = (missing: string) =>
    Effect.flatMap(jwks.key(missing), (key) =>
      key === undefined
        ? Effect.fail(new StytchJwtUnknownKey({ detail: `no key with kid ${missing}` }))
        : verify(() => key))
  const settle = (result: signature.SignatureResult): Effect.Effect<A, E | StytchJwtError | StytchError> => {
    if (result instanceof signature.NoKnownKey) return refetched(result.kid)
    if (signature.isFailure(result)) return Effect.fail(toError(result))
    const failure = rules.checkVerified(result.header, result.payload, expected, request, now)
    return failure === undefined ? finish(result.payload as jose.JWTPayload, kid) : Effect.fail(toError(failure))
  }
  const verify = (keyFor: signature.KeyFor): Effect.Effect<A, E | StytchJwtError | StytchError> => {
    const result = signature.verifySignature(token, keyFor)
    return result instanceof Promise ? Effect.async((resume) => void result.then((r) => resume(settle(r)))) : settle(result)
  }
  return verify(known)
}

/**
 * Local verification with a memory of tokens that passed (`core/jwtRules.ts`'s `makeVerifiedTokens`): what `decode`
 * made of a verified payload is kept by the whole token, so a repeated token costs only the time checks. An entry
 * is ignored once the key set changed or its key is no longer known. At most `max` entries, oldest dropped first.
 *
 * `decode` turns a verified payload into the answer, or the reason it is malformed; it runs once per token.
 */
export const cachedVerifier = <A>(
  jwks: JwksCache["Type"],
  expected: rules.Expected,
  decode: (payload: jose.JWTPayload) => A | StytchJwtError,
  max = 1024
) => {
  const verified = rules.makeVerifiedTokens<A>(max)
  const isFailure = (u: unknown): u is StytchJwtError => u instanceof StytchJwtFailure

  const remember = (token: string) => (payload: jose.JWTPayload, kid: string): Effect.Effect<A, StytchJwtError> => {
    const value = decode(payload)
    if (isFailure(value)) return Effect.fail(value)
    verified.remember(token, { version: jwks.version(), kid, payload, value })
    return Effect.succeed(value)
  }

  return (request: rules.VerifyRequest): Effect.Effect<A, StytchJwtError | StytchError> =>
    Effect.withFiberRuntime((fiber) => {
      const now = nowMillis(fiber)
      const hit = verified.lookup(request.token, jwks.version())
      if (hit !== undefined && jwks.knownKey(hit.kid, now)) {
        const failure = rules.recheckTimes(hit.payload, request, now)
        return failure === undefined ? Effect.succeed(hit.value) : Effect.fail(toError(failure))
      }
      // Explicit type arguments: inferring them from the contextual return type matches every member of the
      // ~830-member error union against every other (~15 s of type-checking).
      return verifyWithJwks<A, StytchJwtError>(jwks, expected, request, now, remember(request.token))
    })
}
