/**
 * M2M: machine-to-machine clients, their secrets, and client-credentials tokens: `token` exchanges a client's
 * credentials for an access token (OAuth2 form endpoint), `authenticateToken` verifies such a token locally against
 * the project's JWKS and checks its scopes.
 *
 * @since 0.1.0
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as jose from "jose"
import { type Client, makeClient } from "../internal/client.js"
import { JwksCache } from "../layers/JwksCache.js"
import { headerOf, joseFailure } from "../internal/jwt.js"
import { decodeErrorBody, StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"
import {
  describeParseError,
  fromBody,
  StytchDecodeError,
  type StytchError,
  type StytchJwtError,
  StytchJwtMalformed,
  StytchJwtTooOld,
  StytchJwtUnknownKey,
  StytchJwtUnsupportedAlgorithm,
  StytchM2MScopeError,
  StytchOAuth2Error,
  StytchTransportError
} from "../schemas/Errors.js"
import {
  type AuthenticateTokenRequest,
  type AuthenticateTokenResponse,
  TokenRequest,
  TokenResponse
} from "../schemas/Models.js"

export * from "../schemas/M2M.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.m2m> {
  /**
   * Exchanges an M2M client's id and secret for an access token (OAuth2 client credentials). `scopes` narrows the
   * token to those scopes; omitted, the token carries every scope of the client. Retried on 429 only.
   */
  readonly token: (request: TokenRequest) => Effect.Effect<TokenResponse, StytchOAuth2Error | StytchError>
  /**
   * Verifies an M2M access token locally (RS256 against the project's JWKS, issuer, audience, `exp`/`nbf`, optional
   * maximum age) and checks that its scopes grant every one of `required_scopes`. Time comes from Effect's `Clock`.
   */
  readonly authenticateToken: (
    request: AuthenticateTokenRequest
  ) => Effect.Effect<AuthenticateTokenResponse, StytchJwtError | StytchM2MScopeError | StytchError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class M2M extends Context.Tag("effect-stytch/M2M")<M2M, Service>() {}

/** The error body of the OAuth2 endpoints (OAuth2ErrorJSON). */
const OAuth2ErrorBody = Schema.Struct({
  status_code: Schema.Number,
  request_id: Schema.String,
  error: Schema.String,
  error_description: Schema.String,
  error_uri: Schema.String
})
const decodeOAuth2Error = Schema.decodeUnknownEither(OAuth2ErrorBody)
const decodeTokenRequest = Schema.decodeUnknownEither(TokenRequest)
const decodeTokenResponse = Schema.decodeUnknownEither(TokenResponse)

/** Registered claims: never custom claims. `scope` becomes `scopes`, `sub` the client id. */
const REGISTERED = new Set(["aud", "exp", "iat", "iss", "jti", "nbf", "sub", "scope"])

const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** Splits `action:resource` at the first colon; a scope without a resource gets the placeholder resource `-`. */
const splitScope = (scope: string): readonly [string, string] => {
  const i = scope.indexOf(":")
  return i < 0 ? [scope, "-"] : [scope.slice(0, i), scope.slice(i + 1)]
}

/**
 * The required scopes that `granted` does not cover, with the Stytch backend SDKs' semantics: scopes are
 * `action:resource`, a required scope is granted by the same action on the same resource or on the resource `*`
 * (`read:*` grants `read:users`, and also the bare `read`). There is no wildcard action.
 */
const missingScopes = (granted: ReadonlyArray<string>, required: ReadonlyArray<string>): Array<string> => {
  const byAction = new Map<string, Set<string>>()
  for (const scope of granted) {
    const [action, resource] = splitScope(scope)
    let resources = byAction.get(action)
    if (resources === undefined) byAction.set(action, resources = new Set())
    resources.add(resource)
  }
  return required.filter((scope) => {
    const [action, resource] = splitScope(scope)
    const resources = byAction.get(action)
    return resources === undefined || !(resources.has("*") || resources.has(resource))
  })
}


/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp | JwksCache> = Effect.gen(function*() {
  const http = yield* StytchHttp
  const jwks = yield* JwksCache
  const { baseUrl, projectId } = http.config
  const tokenUrl = `${baseUrl}/v1/public/${encodeURIComponent(projectId)}/oauth2/token`
  const verifyOptions = {
    algorithms: ["RS256"],
    issuer: [`stytch.com/${projectId}`, baseUrl],
    audience: projectId
  }

  const token = (request: TokenRequest): Effect.Effect<TokenResponse, StytchOAuth2Error | StytchError> =>
    Effect.gen(function*() {
      const input = decodeTokenRequest(request)
      if (input._tag === "Left") {
        // Paths and expectations only: the offending value may be the secret.
        return yield* new StytchTransportError({
          reason: "Encode",
          method: "POST",
          url: tokenUrl,
          detail: `invalid request: ${describeParseError(input.left)}`
        })
      }
      const { client_id, client_secret, scopes } = input.right
      const form: Record<string, string> = { grant_type: "client_credentials", client_id, client_secret }
      if (scopes !== undefined && scopes.length > 0) form.scope = scopes.join(" ")
      // The exchange consumes nothing, but it presents a credential: repeat it only on 429 (not processed), so that
      // an outage or a failing secret is not answered with more credential submissions.
      const answer = yield* http.execute(
        HttpClientRequest.post(tokenUrl).pipe(HttpClientRequest.bodyUrlParams(form)),
        { id: "m2m.token", retry: "rateLimitOnly", authenticate: false }
      )
      yield* Effect.annotateCurrentSpan("http.response.status_code", answer.status)
      const json = parseJson(answer.body)
      const requestId = json.ok && typeof json.value === "object" && json.value !== null &&
          typeof (json.value as any).request_id === "string"
        ? (json.value as any).request_id as string
        : undefined
      if (requestId !== undefined) yield* Effect.annotateCurrentSpan("stytch.request_id", requestId)
      const decodeError = (detail: string) =>
        new StytchDecodeError({ status: answer.status, request_id: requestId, method: "POST", url: tokenUrl, detail })
      if (!json.ok) return yield* decodeError(`the body is not JSON (${answer.body.length} bytes)`)
      if (answer.status >= 400) {
        const oauth = decodeOAuth2Error(json.value)
        if (oauth._tag === "Right") return yield* new StytchOAuth2Error(oauth.right)
        const stytch = decodeErrorBody(json.value)
        if (stytch._tag === "Right") return yield* Effect.fail(fromBody(stytch.right))
        return yield* decodeError(`HTTP ${answer.status} without an OAuth2 error body`)
      }
      const response = decodeTokenResponse(json.value)
      if (response._tag === "Left") {
        return yield* decodeError(`unexpected response: ${describeParseError(response.left)}`)
      }
      return response.right
    }).pipe(
      Effect.withSpan("Stytch.m2m.token", {
        kind: "client",
        captureStackTrace: false,
        attributes: { "http.request.method": "POST", "url.template": "/v1/public/{project_id}/oauth2/token" }
      })
    )


  const authenticateToken = (
    request: AuthenticateTokenRequest
  ): Effect.Effect<AuthenticateTokenResponse, StytchJwtError | StytchM2MScopeError | StytchError> =>
    Effect.gen(function*() {
      const now = yield* Effect.clockWith((c) => c.currentTimeMillis)
      const header = headerOf(request.access_token)
      if (header === undefined) return yield* new StytchJwtMalformed({ detail: "not a JWS compact token" })
      if (header.alg !== "RS256") return yield* new StytchJwtUnsupportedAlgorithm({ detail: "only RS256 is accepted" })
      // The cache's I/O-free lookup first; on an unknown kid or a stale set it refetches (rate-limited).
      const key = jwks.knownKey(header.kid, now) ?? (yield* jwks.key(header.kid))
      if (key === undefined) return yield* new StytchJwtUnknownKey({ detail: `no key with kid ${header.kid}` })
      const { payload } = yield* Effect.tryPromise({
        try: () =>
          jose.jwtVerify(request.access_token, key, {
            ...verifyOptions,
            currentDate: new Date(now),
            ...(request.clock_tolerance_seconds ? { clockTolerance: request.clock_tolerance_seconds } : {})
          }),
        catch: joseFailure
      })
      if (typeof payload.sub !== "string" || payload.sub === "") {
        return yield* new StytchJwtMalformed({ detail: "no sub (client id) claim" })
      }
      if (payload.scope !== undefined && typeof payload.scope !== "string") {
        return yield* new StytchJwtMalformed({ detail: "the scope claim is not a string" })
      }
      const maxAge = request.max_token_age_seconds
      if (maxAge !== undefined) {
        if (typeof payload.iat !== "number") return yield* new StytchJwtMalformed({ detail: "no iat claim" })
        // `>=`, so that 0 makes every token stale (as for session JWTs).
        if (now / 1000 - payload.iat >= maxAge) {
          return yield* new StytchJwtTooOld({ detail: `issued at ${payload.iat}, ${maxAge} s or more ago` })
        }
      }
      const scopes = (payload.scope ?? "").split(" ").filter((s) => s !== "")
      const missing = missingScopes(scopes, request.required_scopes ?? [])
      if (missing.length > 0) return yield* new StytchM2MScopeError({ missing_scopes: missing, client_id: payload.sub })
      const custom_claims: Record<string, unknown> = {}
      for (const k in payload) if (!REGISTERED.has(k)) custom_claims[k] = payload[k]
      return { client_id: payload.sub, scopes, custom_claims }
    })

  return M2M.of({ ...makeClient(http, Endpoints.m2m), token, authenticateToken })
})

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<M2M, never, StytchHttp | JwksCache> = Layer.effect(M2M, make)
