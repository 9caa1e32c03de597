/**
 * What the token helpers share:
 * - local verification of JWTs (session JWTs, M2M and IdP access tokens): reading the header, finding the key in
 *   the JWKS cache, and mapping jose's failures to the SDK's typed errors (the token itself never goes into an error);
 * - the OAuth2 form posts (`m2m.token`, `idp.introspectTokenNetwork`): off the JSON API conventions, without the
 *   project's Basic auth, answering OAuth2 error bodies.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as jose from "jose"
import type { RetryPolicy } from "./endpoint.js"
import type { JwksCache } from "../layers/JwksCache.js"
import { decodeErrorBody, type StytchHttp } from "../layers/StytchHttp.js"
import {
  describeParseError,
  fromBody,
  StytchDecodeError,
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
  StytchJwtUnsupportedAlgorithm,
  StytchOAuth2Error,
  StytchTransportError
} from "../schemas/Errors.js"

// ---------------------------------------------------------------------------------------------------------------
// Local verification

/** alg and kid of a compact JWS, read without verifying anything; `undefined` when it is not one. */
export const headerOf = (token: string): { readonly alg: unknown; readonly kid: string } | undefined => {
  try {
    const header = jose.decodeProtectedHeader(token)
    return { alg: header.alg, kid: typeof header.kid === "string" ? header.kid : "(none)" }
  } catch {
    return undefined
  }
}

/** Maps a jose verification failure to its typed error. */
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
 * Issuer, audience and algorithm of every token the project signs: `stytch.com/<project_id>` or the configured base
 * URL (a custom domain), audience the project id, RS256 only.
 */
export const projectVerifyOptions = (config: { readonly baseUrl: string; readonly projectId: string }) => ({
  algorithms: ["RS256"],
  issuer: [`stytch.com/${config.projectId}`, config.baseUrl],
  audience: config.projectId
})

/** What a caller of `verifyWithJwks` asks of one token. */
export interface VerifyRequest {
  readonly token: string
  /** Leeway for `exp` and `nbf`. */
  readonly clock_tolerance_seconds?: number | undefined
  /** Reject tokens issued (`iat`) this many seconds ago or more; `>=`, so that 0 makes every token stale. */
  readonly max_token_age_seconds?: number | undefined
}

/**
 * Verifies a JWT against the project's JWKS at the `Clock`'s time and returns its payload. The header is checked
 * first (RS256 only); the key comes from the cache's I/O-free lookup, or else from a refetch (an unknown kid or a
 * stale set; rate-limited by the cache). jose then checks the signature and the claims of `options`; the maximum
 * age is checked last.
 */
export const verifyWithJwks = (
  jwks: JwksCache["Type"],
  options: jose.JWTVerifyOptions,
  request: VerifyRequest
): Effect.Effect<jose.JWTPayload, StytchJwtError | StytchError> =>
  Effect.gen(function*() {
    const now = yield* Effect.clockWith((c) => c.currentTimeMillis)
    const header = headerOf(request.token)
    if (header === undefined) return yield* new StytchJwtMalformed({ detail: "not a JWS compact token" })
    if (header.alg !== "RS256") return yield* new StytchJwtUnsupportedAlgorithm({ detail: "only RS256 is accepted" })
    const key = jwks.knownKey(header.kid, now) ?? (yield* jwks.key(header.kid))
    if (key === undefined) return yield* new StytchJwtUnknownKey({ detail: `no key with kid ${header.kid}` })
    const tolerance = request.clock_tolerance_seconds
    const { payload } = yield* Effect.tryPromise({
      try: () =>
        jose.jwtVerify(request.token, key, {
          ...options,
          currentDate: new Date(now),
          ...(tolerance ? { clockTolerance: tolerance } : {})
        }),
      catch: joseFailure
    })
    const maxAge = request.max_token_age_seconds
    if (maxAge !== undefined) {
      if (typeof payload.iat !== "number") return yield* new StytchJwtMalformed({ detail: "no iat claim" })
      if (now / 1000 - payload.iat >= maxAge) {
        return yield* new StytchJwtTooOld({ detail: `issued at ${payload.iat}, ${maxAge} s or more ago` })
      }
    }
    return payload
  })

// ---------------------------------------------------------------------------------------------------------------
// OAuth2 form posts

/** The error body of the OAuth2 endpoints (OAuth2ErrorJSON). */
const OAuth2ErrorBody = Schema.Struct({
  status_code: Schema.Number,
  request_id: Schema.String,
  error: Schema.String,
  error_description: Schema.String,
  error_uri: Schema.String
})
const decodeOAuth2Error = Schema.decodeUnknownEither(OAuth2ErrorBody)

const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** One OAuth2 form endpoint, `POST {baseUrl}/v1/public/{project_id}/oauth2/<endpoint>`. */
export interface OAuth2Form<R, A> {
  /** The api-spec id, for the span and logs. */
  readonly id: string
  readonly endpoint: "token" | "introspect"
  readonly retry: RetryPolicy
  /** Checks the caller's request before anything is sent. */
  readonly request: Schema.Schema<R, any>
  /** The form fields of a valid request. */
  readonly form: (request: R) => Record<string, string>
  readonly response: Schema.Schema<A, any>
}

/** A decoded answer, with the JSON it came from (for fields the schema drops, such as custom claims). */
export interface OAuth2Answer<A> {
  readonly body: A
  readonly json: unknown
}

/**
 * Builds the caller of an OAuth2 form endpoint (schemas compiled once). It sends the form through the pipeline's
 * `execute` (per-attempt timeout, retries by `retry`), without Basic auth. An error answer becomes
 * `StytchOAuth2Error`, or the catalogued class when the body is a Stytch one (a gateway 429, ...). Failures name
 * paths only, never values: the form carries a client secret.
 */
export const oauth2Form = <R, A>(
  http: StytchHttp["Type"],
  spec: OAuth2Form<R, A>
): (request: unknown) => Effect.Effect<OAuth2Answer<A>, StytchOAuth2Error | StytchError> => {
  const { baseUrl, projectId } = http.config
  const url = `${baseUrl}/v1/public/${encodeURIComponent(projectId)}/oauth2/${spec.endpoint}`
  const decodeRequest = Schema.decodeUnknownEither(spec.request)
  const decodeResponse = Schema.decodeUnknownEither(spec.response)
  return (request) =>
    Effect.gen(function*() {
      const input = decodeRequest(request)
      if (input._tag === "Left") {
        return yield* new StytchTransportError({
          reason: "Encode",
          method: "POST",
          url,
          detail: `invalid request: ${describeParseError(input.left)}`
        })
      }
      const answer = yield* http.execute(
        HttpClientRequest.post(url).pipe(HttpClientRequest.bodyUrlParams(spec.form(input.right))),
        { id: spec.id, retry: spec.retry, authenticate: false }
      )
      yield* Effect.annotateCurrentSpan("http.response.status_code", answer.status)
      const json = parseJson(answer.body)
      const requestId = json.ok && typeof json.value === "object" && json.value !== null &&
          typeof (json.value as any).request_id === "string"
        ? (json.value as any).request_id as string
        : undefined
      if (requestId !== undefined) yield* Effect.annotateCurrentSpan("stytch.request_id", requestId)
      const decodeError = (detail: string) =>
        new StytchDecodeError({ status: answer.status, request_id: requestId, method: "POST", url, detail })
      if (!json.ok) return yield* decodeError(`the body is not JSON (${answer.body.length} bytes)`)
      if (answer.status >= 400) {
        const oauth = decodeOAuth2Error(json.value)
        if (oauth._tag === "Right") return yield* new StytchOAuth2Error(oauth.right)
        const stytch = decodeErrorBody(json.value)
        if (stytch._tag === "Right") return yield* Effect.fail(fromBody(stytch.right))
        return yield* decodeError(`HTTP ${answer.status} without an OAuth2 error body`)
      }
      const response = decodeResponse(json.value)
      if (response._tag === "Left") {
        return yield* decodeError(`unexpected response: ${describeParseError(response.left)}`)
      }
      return { body: response.right, json: json.value }
    }).pipe(
      Effect.withSpan(`Stytch.${spec.id}`, {
        kind: "client",
        captureStackTrace: false,
        attributes: { "http.request.method": "POST", "url.template": `/v1/public/{project_id}/oauth2/${spec.endpoint}` }
      })
    )
}
