/**
 * The HTTP pipeline every API call goes through: base URL per host, Basic auth with the redacted secret, JSON,
 * a per-attempt timeout, retries by the endpoint's policy (with backoff, jitter and `Retry-After`), a trace span,
 * and the decoding of answers into response schemas or typed errors.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Tracer from "effect/Tracer"
import type { Endpoint, RetryPolicy } from "../internal/endpoint.js"
import { timeoutFail } from "../internal/timeout.js"
import { VERSION } from "../internal/version.js"
import {
  describeParseError,
  ErrorBody,
  fromBody,
  type StytchError,
  StytchDecodeError,
  StytchTransportError
} from "../schemas/Errors.js"
import { type Resolved, StytchConfig } from "./StytchConfig.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly config: Resolved
  /** Sends one request to an endpoint and returns its decoded response, or a typed error. */
  readonly call: <Req, Res>(endpoint: Endpoint<Req, any, Res, any>, request: Req) => Effect.Effect<Res, StytchError>
  /**
   * Sends a request built by the caller through the same client, per-attempt timeout and retry loop as `call`, and
   * returns the raw answer of the last attempt (any status). For the few endpoints off the JSON API conventions
   * (the OAuth2 form endpoints), whose caller encodes the body and decodes the answer itself. Only the
   * `user-agent` header is added; `authenticate: false` leaves out the Basic Authorization header.
   */
  readonly execute: (
    request: HttpClientRequest.HttpClientRequest,
    options: ExecuteOptions
  ) => Effect.Effect<RawAnswer, StytchTransportError>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ExecuteOptions {
  /** The api-spec id, for logs. */
  readonly id: string
  readonly retry: RetryPolicy
  /** Send the project's Basic Authorization header. */
  readonly authenticate: boolean
}

/**
 * An answer as received: status, headers and the body text.
 *
 * @since 0.1.0
 * @category models
 */
export interface RawAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchHttp extends Context.Tag("effect-stytch/StytchHttp")<StytchHttp, Service>() {}

/** Reads the wire shape of every Stytch JSON error body. */
export const decodeErrorBody = Schema.decodeUnknownEither(ErrorBody)

/**
 * Encoders and decoders, compiled once per schema. The synchronous `Either` forms: every schema here is
 * synchronous, and running them outside the fiber loop is several times cheaper on this hot path.
 */
type Parse = (u: unknown) => Either.Either<any, ParseResult.ParseError>
const encoders = new WeakMap<Schema.Schema.Any, Parse>()
const decoders = new WeakMap<Schema.Schema.Any, Parse>()
const cached = (map: typeof encoders, schema: Schema.Schema.Any, compile: (s: Schema.Schema<any, any>) => Parse) => {
  let fn = map.get(schema)
  if (fn === undefined) {
    fn = compile(schema as Schema.Schema<any, any>)
    map.set(schema, fn)
  }
  return fn
}

/** What one attempt produced: an answer (any status) or no answer. */
type Attempt =
  | { readonly _tag: "Answer"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly _tag: "NoAnswer"; readonly error: StytchTransportError }

const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504])
const MAX_RETRY_AFTER = Duration.seconds(60)

/** `Retry-After` (seconds or HTTP date) or `retry-after-ms`, capped at 60 s. */
const retryAfter = (headers: Readonly<Record<string, string>>, now: number): Duration.Duration | undefined => {
  const ms = headers["retry-after-ms"]
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Duration.min(Duration.millis(Number(ms)), MAX_RETRY_AFTER)
  const value = headers["retry-after"]?.trim()
  if (value === undefined) return undefined
  // delay-seconds. A fractional value is not standard, but it is clearly seconds, not a date.
  if (/^\d+(\.\d+)?$/.test(value)) return Duration.min(Duration.seconds(Number(value)), MAX_RETRY_AFTER)
  // An HTTP date always spells out a weekday and a month. Anything else ("-1", "1,5") is ignored, so the backoff
  // applies: `Date.parse` would read such strings as dates in 2001, i.e. "retry at once".
  if (!/[A-Za-z]/.test(value)) return undefined
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Duration.min(Duration.millis(Math.max(0, date - now)), MAX_RETRY_AFTER)
}

/** Exponential backoff, 0.5 s doubling up to 8 s, with up to 25% downward jitter. */
const backoff = (retry: number) =>
  Effect.map(Random.next, (r) => Duration.millis(Math.min(500 * 2 ** retry, 8000) * (1 - 0.25 * r)))

const transportError = (method: string, url: string, error: HttpClientError.HttpClientError) =>
  new StytchTransportError({
    reason: error._tag === "RequestError" && error.reason === "Encode" ? "Encode" : "Transport",
    method,
    url,
    detail: error.description ?? error.reason,
    // The platform error holds the request (headers included); keep only what caused it.
    cause: error.cause
  })

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchConfig | HttpClient.HttpClient> = Effect.gen(function*() {
  const config = yield* StytchConfig
  const base = yield* HttpClient.HttpClient
  const transform = config.transformClient ?? ((c: HttpClient.HttpClient) => c)
  const client = transform(base)
  const userAgent = `effect-stytch/${VERSION}`
  // Basic credentials, encoded once (not per request). Platform's header redaction hides `authorization` in logs
  // and spans; the value is never put into an error.
  const authorization = `Basic ${btoa(`${config.projectId}:${Redacted.value(config.secret)}`)}`

  const attempt = (
    client: HttpClient.HttpClient,
    request: HttpClientRequest.HttpClientRequest,
    method: string,
    url: string
  ): Effect.Effect<Attempt> =>
    client.execute(request).pipe(
      Effect.flatMap((response) =>
        Effect.map(response.text, (body): Attempt => ({
          _tag: "Answer",
          status: response.status,
          // Read only for a retry or by the OAuth2 forms: a transport may build its headers lazily.
          get headers() {
            return response.headers
          },
          body
        }))
      ),
      (effect) =>
        timeoutFail(effect, config.timeout, () =>
          new StytchTransportError({
            reason: "Timeout",
            method,
            url,
            detail: `no answer within ${Duration.format(config.timeout)}`
          })),
      Effect.catchAll((error) =>
        Effect.succeed<Attempt>({
          _tag: "NoAnswer",
          error: error._tag === "StytchTransportError" ? error : transportError(method, url, error)
        })
      )
    )

  const send = (
    client: HttpClient.HttpClient,
    request: HttpClientRequest.HttpClientRequest,
    endpoint: { readonly id: string; readonly method: string; readonly retry: RetryPolicy },
    url: string
  ): Effect.Effect<Attempt> => {
    const loop = (retry: number): Effect.Effect<Attempt> =>
      Effect.flatMap(attempt(client, request, endpoint.method, url), (result) => {
        if (retry >= config.maxRetries) return Effect.succeed(result)
        const retryable = result._tag === "NoAnswer"
          ? endpoint.retry === "transient" && result.error.reason !== "Encode"
          : result.status === 429 || (endpoint.retry === "transient" && TRANSIENT_STATUS.has(result.status))
        if (!retryable) return Effect.succeed(result)
        return Effect.gen(function*() {
          const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
          const delay = (result._tag === "Answer" ? retryAfter(result.headers, now) : undefined) ??
            (yield* backoff(retry))
          yield* Effect.logDebug("Stytch request will be retried").pipe(Effect.annotateLogs({
            endpoint: endpoint.id,
            method: endpoint.method,
            url,
            status: result._tag === "Answer" ? result.status : result.error.reason,
            retry: retry + 1,
            delay: Duration.format(delay)
          }))
          yield* Effect.sleep(delay)
          return yield* loop(retry + 1)
        })
      })
    return loop(0)
  }

  /** Per endpoint, what does not change between calls: the compiled schemas and the span's options. */
  interface Prepared {
    readonly encode: Parse
    readonly decode: Parse
    readonly host: string
    readonly span: { readonly kind: "client"; readonly captureStackTrace: false; readonly attributes: Record<string, string> }
  }
  const prepared = new WeakMap<Endpoint, Prepared>()
  const prepare = (endpoint: Endpoint): Prepared => {
    let p = prepared.get(endpoint)
    if (p === undefined) {
      p = {
        encode: cached(encoders, endpoint.request, Schema.encodeUnknownEither),
        decode: cached(decoders, endpoint.response, Schema.decodeUnknownEither),
        host: endpoint.host === "fraud" ? config.fraudBaseUrl : config.baseUrl,
        // A stack trace per call costs more than the rest of the span; the span name already says where.
        span: {
          kind: "client",
          captureStackTrace: false,
          attributes: { "http.request.method": endpoint.method, "url.template": endpoint.path }
        }
      }
      prepared.set(endpoint, p)
    }
    return p
  }
  const baseHeaders = { authorization, "user-agent": userAgent, accept: "application/json" }

  /** The wire request of one call, or why it cannot be sent. Pure: everything the request needs is in `input`. */
  const build = (
    endpoint: Endpoint,
    p: Prepared,
    input: unknown
  ): HttpClientRequest.HttpClientRequest | StytchTransportError => {
    const encodeError = (detail: string) =>
      new StytchTransportError({ reason: "Encode", method: endpoint.method, url: p.host + endpoint.path, detail })
    const encoded = p.encode(input ?? {})
    if (encoded._tag === "Left") return encodeError(`invalid request: ${describeParseError(encoded.left)}`)
    const fields: Record<string, unknown> = { ...encoded.right }
    let path = endpoint.path
    for (const name of endpoint.pathParams) {
      const value = fields[name]
      delete fields[name]
      if (typeof value !== "string" || value === "") {
        return encodeError(`invalid request: ${name} is required and must be a non-empty string`)
      }
      path = path.replace(`{${name}}`, encodeURIComponent(value))
    }
    const request = HttpClientRequest.make(endpoint.method)(p.host + path, { headers: baseHeaders })
    switch (endpoint.fields) {
      case "body":
        return HttpClientRequest.bodyText(request, JSON.stringify(fields), "application/json")
      case "emptyBody":
        return HttpClientRequest.bodyText(request, "{}", "application/json")
      case "query": {
        const params: Record<string, string> = {}
        for (const k in fields) if (fields[k] !== undefined) params[k] = String(fields[k])
        return HttpClientRequest.setUrlParams(request, params)
      }
      default:
        return request
    }
  }

  /** Reads one answer: the response schema for a 2xx, a typed error from a Stytch error body otherwise. */
  const read = (
    endpoint: Endpoint,
    p: Prepared,
    result: Attempt & { readonly _tag: "Answer" },
    url: string,
    span: Tracer.Span
  ): Either.Either<unknown, StytchError> => {
    const { json, requestId, decodeError } = parseAnswer(result, endpoint.method, url)
    if (requestId !== undefined) span.attribute("stytch.request_id", requestId)
    span.attribute("http.response.status_code", result.status)
    if (json === NOT_JSON) return Either.left(decodeError(`the body is not JSON (${result.body.length} bytes)`))
    if (result.status >= 400) {
      const body = decodeErrorBody(json)
      if (body._tag === "Left") return Either.left(decodeError(`HTTP ${result.status} without a Stytch error body`))
      return Either.left(fromBody(body.right))
    }
    const decoded = p.decode(json)
    if (decoded._tag === "Left") return Either.left(decodeError(`unexpected response: ${describeParseError(decoded.left)}`))
    return Either.right(decoded.right)
  }

  const call = <Req, Res>(endpoint: Endpoint<Req, any, Res, any>, input: Req): Effect.Effect<Res, StytchError> => {
    const p = prepare(endpoint)
    return Effect.useSpan(`Stytch.${endpoint.id}`, p.span, (span) => {
      const request = build(endpoint, p, input)
      if (request instanceof StytchTransportError) return Effect.fail(request)
      return Effect.flatMap(send(client, request, endpoint, request.url), (result) =>
        result._tag === "NoAnswer"
          ? Effect.fail(result.error)
          : (read(endpoint, p, result, request.url, span) as Either.Either<Res, StytchError>))
    })
  }

  const execute = (
    request: HttpClientRequest.HttpClientRequest,
    options: ExecuteOptions
  ): Effect.Effect<RawAnswer, StytchTransportError> =>
    Effect.flatMap(
      send(
        client,
        // The public endpoints (OAuth2 token exchange) authenticate with their own credentials in the body.
        HttpClientRequest.setHeaders(request, options.authenticate ? { authorization, "user-agent": userAgent } : { "user-agent": userAgent }),
        { id: options.id, method: request.method, retry: options.retry },
        request.url
      ),
      (result) =>
        result._tag === "NoAnswer"
          ? Effect.fail(result.error)
          : Effect.succeed({ status: result.status, headers: result.headers, body: result.body })
    )

  return StytchHttp.of({ config, call, execute })
})

/** What `parseAnswer` reads from a body that is not JSON. */
export const NOT_JSON = Symbol("NotJson")

/**
 * An answer's body parsed once (`NOT_JSON` when it is not JSON), its `request_id` when it has one, and a maker of
 * the `StytchDecodeError` that names them. Shared by the JSON pipeline and the OAuth2 form endpoints.
 */
export const parseAnswer = (answer: { readonly status: number; readonly body: string }, method: string, url: string) => {
  let json: unknown
  try {
    json = JSON.parse(answer.body)
  } catch {
    json = NOT_JSON
  }
  const requestId = typeof json === "object" && json !== null && typeof (json as any).request_id === "string"
    ? (json as any).request_id as string
    : undefined
  const decodeError = (detail: string) =>
    new StytchDecodeError({ status: answer.status, request_id: requestId, method, url, detail })
  return { json, requestId, decodeError }
}

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<StytchHttp, never, StytchConfig | HttpClient.HttpClient> = Layer.effect(
  StytchHttp,
  make
)
