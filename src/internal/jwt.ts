/**
 * Local verification of the JWTs the project signs (session JWTs, M2M and IdP access tokens).
 *
 * The JWS (the RS256 allow-list, `crit`, the signature) is checked synchronously with Node's crypto where the
 * runtime has it, and by jose's `compactVerify` on WebCrypto elsewhere (see "Signature backends"); jose imports
 * the keys either way. The claims are checked here, on Effect's Clock, with the comparisons `jose.jwtVerify`
 * makes, and the same time checks also run for tokens served from the verified-token cache: one implementation
 * of them, used both ways. The token itself never goes into an error.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as jose from "jose"
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

/** Maps a jose failure (of `compactVerify`, or of `jwtVerify` in users' code) to its typed error. */
export const joseFailure = (error: unknown): StytchJwtError => {
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

// ---------------------------------------------------------------------------------------------------------------
// Claim checks: plain functions (no Effect), unit-tested on their own and shareable with the Effect 4 line.

/** A JSON object (not an array, not null): what a JOSE header and a claims set must be. */
const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

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
export const checkAge = (
  payload: jose.JWTPayload,
  now: number,
  maxAgeSeconds: number | undefined
): StytchJwtError | undefined => {
  if (maxAgeSeconds === undefined) return undefined
  if (payload.iat === undefined) return new StytchJwtMalformed({ detail: "no iat claim" })
  if (now / 1000 - payload.iat >= maxAgeSeconds) {
    return new StytchJwtTooOld({ detail: `issued at ${payload.iat}, ${maxAgeSeconds} s or more ago` })
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
): StytchJwtError | undefined => {
  if (!isObject(payload)) return new StytchJwtMalformed({ detail: "the claims set is not a JSON object" })
  const claims = payload
  for (const name of ["exp", "nbf", "iat"]) {
    if (claims[name] !== undefined && typeof claims[name] !== "number") {
      return new StytchJwtMalformed({ detail: `"${name}" claim must be a number` })
    }
  }
  if (
    expected.typ !== undefined &&
    (typeof header.typ !== "string" || normalizeTyp(header.typ) !== normalizeTyp(expected.typ))
  ) {
    return new StytchJwtMalformed({ detail: "unexpected \"typ\" JWT header value" })
  }
  for (const name of expected.required ?? []) {
    if (claims[name] === undefined) return new StytchJwtMalformed({ detail: `missing required "${name}" claim` })
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

// ---------------------------------------------------------------------------------------------------------------
// Verification

const RS256_ONLY = { algorithms: ["RS256"] }
const utf8 = new TextDecoder()

/** Thrown by the key resolver when the key set has no key for the token's `kid` (yet). */
class NoKnownKey {
  constructor(readonly kid: string) {}
}

/** Authenticate calls answer `session_jwt: ""` when they start no session: say so, not "Invalid Compact JWS". */
const emptyJwt = () =>
  new StytchJwtMalformed({
    detail: "the JWT is empty; an authenticate call without session_duration_minutes starts no session and " +
      "returns session_jwt \"\""
  })

/** What a caller of `verifyWithJwks` asks of one token. */
export interface VerifyRequest {
  readonly token: string
  /** Leeway for `exp` and `nbf`. */
  readonly clock_tolerance_seconds?: number | undefined
  /** Reject tokens issued (`iat`) this many seconds ago or more; `>=`, so that 0 makes every token stale. */
  readonly max_token_age_seconds?: number | undefined
}

const kidOf = (header: jose.JWSHeaderParameters) => (typeof header.kid === "string" ? header.kid : "(none)")

/** The time of Effect's `Clock` (a `TestClock` in tests), read in one step on the hot path. */
const nowMillis = (fiber: Fiber.RuntimeFiber<unknown, unknown>): number =>
  Context.get(fiber.currentDefaultServices, Clock.Clock).unsafeCurrentTimeMillis()

// ---------------------------------------------------------------------------------------------------------------
// Signature backends

/**
 * The synchronous RS256 check of Node's crypto (also in Deno and Bun), when the runtime has it: OpenSSL verifies
 * an RS256 signature in ~40 µs on the calling thread, while WebCrypto's `subtle.verify` (what jose uses) hands the
 * same work to a thread pool and resumes through a promise, about twice the cost per token in our benchmarks. Elsewhere
 * (browsers, workers without `node:crypto`) verification is jose's `compactVerify` on WebCrypto.
 *
 * Loaded with `process.getBuiltinModule` (no import statement), so bundles for other runtimes are unaffected.
 */
export interface NodeCrypto {
  readonly verify: (algorithm: string, data: Uint8Array, key: object, signature: Uint8Array) => boolean
  readonly KeyObject: { readonly from: (key: jose.CryptoKey) => object }
}
export interface NodeBuffer {
  readonly from: (input: string, encoding: "base64url" | "latin1") => Uint8Array & { toString(encoding: "utf8"): string }
}
export const loadNode = (): { readonly crypto: NodeCrypto; readonly Buffer: NodeBuffer } | undefined => {
  try {
    const load = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule
    if (typeof load !== "function") return undefined
    const crypto = load("node:crypto") as NodeCrypto | undefined
    const buffer = load("node:buffer") as { Buffer: NodeBuffer } | undefined
    return crypto && buffer ? { crypto, Buffer: buffer.Buffer } : undefined
  } catch {
    return undefined
  }
}

/**
 * The backend in use: `"node"` (the default: used when the runtime has `node:crypto`) or `"webcrypto"`. Exposed
 * (internally) so the test suite runs every attack case against both.
 */
export const backend: { current: "node" | "webcrypto" } = { current: "node" }

// Loaded at the first verification, not at import: `node:crypto` is not loaded by Node at startup, and importing
// the SDK should not pay for it.
let node: ReturnType<typeof loadNode> | null = null
const nodeBackend = () => {
  if (backend.current !== "node") return undefined
  if (node === null) node = loadNode()
  return node
}
/** The backend verifications really use now (`"webcrypto"` when `"node"` is asked for but unavailable). */
export const activeBackend = (): "node" | "webcrypto" => (nodeBackend() === undefined ? "webcrypto" : "node")

/** Node KeyObjects of the JWKS's CryptoKeys, made once per key. */
const keyObjects = new WeakMap<jose.CryptoKey, object>()
const keyObjectOf = (crypto: NodeCrypto, key: jose.CryptoKey): object => {
  let keyObject = keyObjects.get(key)
  if (keyObject === undefined) {
    keyObject = crypto.KeyObject.from(key)
    keyObjects.set(key, keyObject)
  }
  return keyObject
}

const BASE64URL = /^[A-Za-z0-9_-]+$/

const parseJson = (buffer: NodeBuffer, segment: string): unknown => {
  try {
    return JSON.parse(buffer.from(segment, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

/**
 * The JWS checks of `jose.compactVerify`, for RS256 compact tokens only: three base64url segments, a JSON object
 * header with `alg` exactly `RS256` and no `crit` (Stytch sets none; jose would reject any extension it does not
 * know too), then the signature over `header.payload` with the key of the header's `kid`. The payload is parsed
 * only once the signature verified.
 */
export const nodeVerify = (
  node: { readonly crypto: NodeCrypto; readonly Buffer: NodeBuffer },
  token: string,
  keyFor: (header: jose.JWSHeaderParameters) => jose.CryptoKey
): { readonly header: jose.CompactJWSHeaderParameters; readonly payload: unknown } | StytchJwtError => {
  const first = token.indexOf(".")
  const second = token.indexOf(".", first + 1)
  if (first < 0 || second < 0 || token.indexOf(".", second + 1) >= 0) {
    return new StytchJwtMalformed({ detail: "Invalid Compact JWS" })
  }
  const headerPart = token.slice(0, first)
  const payloadPart = token.slice(first + 1, second)
  const signaturePart = token.slice(second + 1)
  const header = BASE64URL.test(headerPart) ? parseJson(node.Buffer, headerPart) : undefined
  if (!isObject(header)) return new StytchJwtMalformed({ detail: "the JWS protected header is not a JSON object" })
  if (typeof header.alg !== "string") return new StytchJwtMalformed({ detail: "no \"alg\" header parameter" })
  if (header.alg !== "RS256") return new StytchJwtUnsupportedAlgorithm({ detail: "only RS256 is accepted" })
  if (header.crit !== undefined) return new StytchJwtMalformed({ detail: "\"crit\" header parameters are not supported" })
  if (!BASE64URL.test(payloadPart) || !BASE64URL.test(signaturePart)) {
    return new StytchJwtMalformed({ detail: "a segment is not base64url" })
  }
  const key = keyFor(header as jose.JWSHeaderParameters) // throws NoKnownKey
  const valid = node.crypto.verify(
    "sha256",
    node.Buffer.from(token.slice(0, second), "latin1"),
    keyObjectOf(node.crypto, key),
    node.Buffer.from(signaturePart, "base64url")
  )
  if (!valid) return new StytchJwtInvalidSignature({ detail: "the signature does not verify" })
  const payload = parseJson(node.Buffer, payloadPart)
  if (payload === undefined) return new StytchJwtMalformed({ detail: "the claims set is not JSON" })
  return { header: header as jose.CompactJWSHeaderParameters, payload }
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

/**
 * Verifies a JWT against the project's JWKS at `now` (ms), checks its claims, and hands the payload and key id to
 * `finish`, whose effect is the result.
 *
 * The key comes from the cache's lookup, which never waits (a stale set is refreshed in the background). When it
 * has none (an unknown kid, no set yet) the cache fetches (rate-limited) and the token is verified with what it
 * returns.
 *
 * On Node the whole check is synchronous (see the backends above): no fiber suspends. With WebCrypto it is one
 * `Effect.async` around jose's promise, with `finish` called inside it, so the fiber suspends once.
 */
export const verifyWithJwks = <A, E>(
  jwks: JwksCache["Type"],
  expected: Expected,
  request: VerifyRequest,
  now: number,
  finish: (payload: jose.JWTPayload, kid: string) => Effect.Effect<A, E>
): Effect.Effect<A, E | StytchJwtError | StytchError> => {
  const { clock_tolerance_seconds: tolerance = 0, max_token_age_seconds: maxAge, token } = request
  if (token === "") return Effect.fail(emptyJwt())
  let kid = "(none)"
  const known = (header: jose.JWSHeaderParameters) => {
    kid = kidOf(header)
    const key = jwks.knownKey(kid, now)
    if (key === undefined) throw new NoKnownKey(kid)
    return key
  }
  const refetched = (missing: string) =>
    Effect.flatMap(jwks.key(missing), (key) =>
      key === undefined
        ? Effect.fail(new StytchJwtUnknownKey({ detail: `no key with kid ${missing}` }))
        : verify(() => key))
  const checked = (
    header: jose.CompactJWSHeaderParameters,
    payload: unknown
  ): Effect.Effect<A, E | StytchJwtError> => {
    const failure = checkClaims(header, payload, expected, now, tolerance) ??
      checkAge(payload as jose.JWTPayload, now, maxAge)
    return failure === undefined ? finish(payload as jose.JWTPayload, kid) : Effect.fail(failure)
  }
  const verify = (
    keyFor: (header: jose.JWSHeaderParameters) => jose.CryptoKey
  ): Effect.Effect<A, E | StytchJwtError | StytchError> => {
    const node = nodeBackend()
    if (node !== undefined) {
      let result: ReturnType<typeof nodeVerify>
      try {
        result = nodeVerify(node, token, keyFor)
      } catch (error) {
        return error instanceof NoKnownKey ? refetched(error.kid) : Effect.fail(joseFailure(error))
      }
      return result instanceof StytchJwtFailure ? Effect.fail(result) : checked(result.header, result.payload)
    }
    return Effect.async((resume) => {
      jose.compactVerify(token, keyFor, RS256_ONLY).then(
        ({ payload: bytes, protectedHeader }) => {
          let payload: unknown
          try {
            payload = JSON.parse(utf8.decode(bytes))
          } catch {
            return resume(Effect.fail(new StytchJwtMalformed({ detail: "the claims set is not JSON" })))
          }
          resume(checked(protectedHeader, payload))
        },
        (error) => resume(error instanceof NoKnownKey ? refetched(error.kid) : Effect.fail(joseFailure(error)))
      )
    })
  }
  return verify(known)
}

// ---------------------------------------------------------------------------------------------------------------
// Verified-token cache

/**
 * Local verification with a memory of tokens that passed: what `decode` made of a verified payload is kept by the
 * whole token (signature included), so a repeated token (the same session's JWT on every request of a user, the
 * same M2M access token for an hour) costs only the time checks (`exp`, `nbf`, max age, same comparisons). An entry
 * is only as good as the keys it was verified with: it is ignored once the key set changed. At most
 * `max` entries, oldest dropped first.
 *
 * `decode` turns a verified payload into the answer, or the reason it is malformed; it runs once per token.
 */
export const cachedVerifier = <A>(
  jwks: JwksCache["Type"],
  expected: Expected,
  decode: (payload: jose.JWTPayload) => A | StytchJwtError,
  max = 1024
) => {
  const verified = new Map<
    string,
    { readonly version: number; readonly kid: string; readonly payload: jose.JWTPayload; readonly value: A }
  >()
  const isFailure = (u: unknown): u is StytchJwtError => u instanceof StytchJwtFailure

  const remember = (token: string) => (payload: jose.JWTPayload, kid: string): Effect.Effect<A, StytchJwtError> => {
    const value = decode(payload)
    if (isFailure(value)) return Effect.fail(value)
    if (verified.size >= max) verified.delete(verified.keys().next().value!)
    verified.set(token, { version: jwks.version(), kid, payload, value })
    return Effect.succeed(value)
  }

  return (request: VerifyRequest): Effect.Effect<A, StytchJwtError | StytchError> =>
    Effect.withFiberRuntime((fiber) => {
      const now = nowMillis(fiber)
      const hit = verified.get(request.token)
      if (hit !== undefined && hit.version === jwks.version() && jwks.knownKey(hit.kid, now)) {
        const failure = checkTimes(hit.payload, now, request.clock_tolerance_seconds) ??
          checkAge(hit.payload, now, request.max_token_age_seconds)
        return failure === undefined ? Effect.succeed(hit.value) : Effect.fail(failure)
      }
      // Explicit type arguments: inferring them from the contextual return type matches every member of the
      // ~830-member error union against every other (~15 s of type-checking).
      return verifyWithJwks<A, StytchJwtError>(jwks, expected, request, now, remember(request.token))
    })
}
