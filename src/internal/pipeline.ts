/**
 * The HTTP pipeline every API call goes through: base URL per host, Basic auth with the redacted secret, JSON,
 * a per-attempt timeout, retries by the endpoint's policy (with backoff, jitter and `Retry-After`), a trace span,
 * and the decoding of answers into response schemas or typed errors. `layers/StytchHttp.ts` makes it a service.
 *
 * The decisions that need no Effect live in plain modules (`src/core/`, shared with the Effect 4 line): `request.ts`
 * and `path.ts` (the wire form of a request), `retry.ts` (retry rules, backoff, `Retry-After`, the retry log line),
 * `answer.ts` (bodies and error bodies), `transport.ts` (why there was no answer).
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Tracer from "effect/Tracer"
import {
  describeParseError,
  fromBody,
  type StytchError,
  StytchRequestError,
  StytchTransportError,
  summarizeParseError
} from "../schemas/Errors.js"
import { parseAnswer } from "./answer.js"
import type { Endpoint, RetryPolicy } from "./endpoint.js"
import { readAnswer } from "../core/answer.js"
import { wireRequest } from "../core/request.js"
import {
  backoffDelay,
  failureReason,
  parseRetryAfter,
  retryDecision,
  retryMessage
} from "../core/retry.js"
import { timeoutFail } from "./timeout.js"
import { BodyTooLargeError, describeCause } from "../core/transport.js"
import { VERSION } from "../core/version.js"

/** What the pipeline needs of the resolved configuration (`StytchConfig`'s `Resolved` is one). */
export interface PipelineConfig {
  readonly projectId: string
  readonly secret: Redacted.Redacted<string>
  readonly baseUrl: string
  readonly fraudBaseUrl: string
  readonly timeout: Duration.Duration
  readonly maxRetries: number
  readonly transformClient: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

/** The pipeline's operations (the `StytchHttp` service). */
export interface Pipeline<Config extends PipelineConfig = PipelineConfig> {
  readonly config: Config
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

export interface ExecuteOptions {
  /** The api-spec id, for logs. */
  readonly id: string
  readonly retry: RetryPolicy
  /** Send the project's Basic Authorization header. */
  readonly authenticate: boolean
}

/** An answer as received: status, headers and the body text. */
export interface RawAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** A request that fails its schema, as a `StytchRequestError` (paths and expectations only, never values). */
export const requestError = (
  endpoint: { readonly id: string; readonly method: string },
  url: string,
  error: ParseResult.ParseError
): StytchRequestError => {
  const issues = summarizeParseError(error)
  const first = issues[0] ?? { path: "(root)", expected: "a valid request" }
  return new StytchRequestError({
    endpoint: endpoint.id,
    method: endpoint.method,
    url,
    path: first.path,
    expected: first.expected,
    detail: describeParseError(error)
  })
}

/**
 * Encoders and decoders, compiled once per schema. The synchronous `Either` forms: every schema here is
 * synchronous, and running them outside the fiber loop is several times cheaper on this hot path. Requests are
 * encoded with `onExcessProperty: "error"`: a misspelt field (`sesion_duration_minutes`) fails the call instead of
 * being dropped.
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
const compileEncoder = (schema: Schema.Schema<any, any>) =>
  Schema.encodeUnknownEither(schema, { onExcessProperty: "error" })

/** What one attempt produced: an answer (any status) or no answer. */
type Attempt =
  | { readonly _tag: "Answer"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly _tag: "NoAnswer"; readonly error: StytchTransportError }

const transportError = (method: string, url: string, error: HttpClientError.HttpClientError) => {
  if (error.cause instanceof BodyTooLargeError) {
    return new StytchTransportError({ reason: "BodyTooLarge", method, url, detail: error.cause.message })
  }
  const { code, message } = describeCause(error.cause ?? error.description ?? error.reason)
  return new StytchTransportError({
    reason: "Transport",
    method,
    url,
    code,
    detail: message,
    // The platform error holds the request (headers included); keep only what caused it.
    cause: error.cause
  })
}

/** The pipeline over `client` (after `config.transformClient`). */
export const makePipeline = <Config extends PipelineConfig>(
  config: Config,
  base: HttpClient.HttpClient
): Pipeline<Config> => {
  const client = config.transformClient === undefined ? base : config.transformClient(base)
  const userAgent = `effect-stytch/${VERSION}`
  // Basic credentials, encoded once (not per request). Platform's header redaction hides `authorization` in logs
  // and spans; the value is never put into an error.
  const authorization = `Basic ${btoa(`${config.projectId}:${Redacted.value(config.secret)}`)}`
  const attempts = config.maxRetries + 1

  const attempt = (request: HttpClientRequest.HttpClientRequest, method: string, url: string): Effect.Effect<Attempt> =>
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
    request: HttpClientRequest.HttpClientRequest,
    endpoint: { readonly id: string; readonly method: string; readonly retry: RetryPolicy },
    url: string
  ): Effect.Effect<Attempt> => {
    const loop = (retry: number): Effect.Effect<Attempt> =>
      Effect.flatMap(attempt(request, endpoint.method, url), (result) => {
        const outcome = result._tag === "Answer"
          ? result
          : { _tag: "NoAnswer" as const, reason: result.error.reason, detail: result.error.detail }
        if (!retryDecision(endpoint.retry, outcome, retry, config.maxRetries)) return Effect.succeed(result)
        return Effect.gen(function*() {
          const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
          const millis = (result._tag === "Answer" ? parseRetryAfter(result.headers, now) : undefined) ??
            backoffDelay(retry, yield* Random.next)
          const delay = Duration.format(Duration.millis(Math.round(millis)))
          const reason = failureReason(outcome)
          yield* Effect.logDebug(retryMessage(endpoint.id, retry + 1, attempts, reason, delay)).pipe(
            Effect.annotateLogs({ endpoint: endpoint.id, attempt: `${retry + 1}/${attempts}`, reason, delay })
          )
          yield* Effect.sleep(Duration.millis(millis))
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
        encode: cached(encoders, endpoint.request, compileEncoder),
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
  ): HttpClientRequest.HttpClientRequest | StytchRequestError => {
    const encoded = p.encode(input ?? {})
    if (encoded._tag === "Left") return requestError(endpoint, p.host + endpoint.path, encoded.left)
    const wire = wireRequest(endpoint, encoded.right)
    if (wire._tag === "Invalid") {
      return new StytchRequestError({
        endpoint: endpoint.id,
        method: endpoint.method,
        url: p.host + endpoint.path,
        path: wire.name,
        expected: wire.expected,
        detail: `${wire.name}: ${wire.expected}`
      })
    }
    const request = HttpClientRequest.make(endpoint.method)(p.host + wire.path, { headers: baseHeaders })
    switch (wire._tag) {
      case "Body":
        return HttpClientRequest.bodyText(request, wire.body, "application/json")
      case "Query":
        return HttpClientRequest.setUrlParams(request, wire.query)
      case "NoBody":
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
    const reading = readAnswer(result, json)
    if (reading._tag === "Unreadable") return Either.left(decodeError(reading.detail))
    if (reading._tag === "ErrorBody") return Either.left(fromBody(reading.fields))
    const decoded = p.decode(reading.json)
    if (decoded._tag === "Left") {
      return Either.left(decodeError(`unexpected response: ${describeParseError(decoded.left)}`))
    }
    return Either.right(decoded.right)
  }

  const call = <Req, Res>(endpoint: Endpoint<Req, any, Res, any>, input: Req): Effect.Effect<Res, StytchError> => {
    const p = prepare(endpoint)
    return Effect.useSpan(`Stytch.${endpoint.id}`, p.span, (span) => {
      const request = build(endpoint, p, input)
      if (request instanceof StytchRequestError) return Effect.fail(request)
      return Effect.flatMap(send(request, endpoint, request.url), (result) =>
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
        // The public endpoints (OAuth2 token exchange) authenticate with their own credentials in the body.
        HttpClientRequest.setHeaders(
          request,
          options.authenticate ? { authorization, "user-agent": userAgent } : { "user-agent": userAgent }
        ),
        { id: options.id, method: request.method, retry: options.retry },
        request.url
      ),
      (result) =>
        result._tag === "NoAnswer"
          ? Effect.fail(result.error)
          : Effect.succeed({ status: result.status, headers: result.headers, body: result.body })
    )

  return { config, call, execute }
}
