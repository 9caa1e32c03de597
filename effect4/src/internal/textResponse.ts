/**
 * An `HttpClientResponse` whose body is already a string: what the SDK's transports answer with. Every accessor
 * succeeds (or fails) without an asynchronous step.
 */
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import { pipeArguments } from "effect/Pipeable"
import type * as Schema from "effect/Schema"
import type * as Socket from "effect/socket/Socket"
import * as Stream from "effect/Stream"
import * as Cookies from "effect/http/Cookies"
import * as Headers from "effect/http/Headers"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as HttpIncomingMessage from "effect/http/HttpIncomingMessage"
import * as UrlParams from "effect/http/UrlParams"
import { type Failure, withQuery } from "../../../src/core/exchange.js"

const utf8Encoder = /* @__PURE__ */ new TextEncoder()

export class TextResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpClientResponse.TypeId]: typeof HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly [HttpIncomingMessage.TypeId]: typeof HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly remoteAddress = Option.none<string>()
  private headers_: Headers.Headers | undefined
  private cookies_: Cookies.Cookies | undefined

  /**
   * `headers` is a record, or a function making it: the transports convert the answer's headers only when
   * something reads them (the pipeline does for a retry or an error, not for a plain success).
   */
  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    readonly status: number,
    private readonly rawHeaders: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>),
    private readonly body: string
  ) {
    super()
  }

  /** The URL requested, query parameters included, without a fragment. */
  get url(): string {
    const params = this.request.urlParams
    return params.params.length === 0 ? this.request.url : withQuery(this.request.url, UrlParams.toString(params))
  }

  get headers(): Headers.Headers {
    if (this.headers_ === undefined) {
      this.headers_ = Headers.fromInput(typeof this.rawHeaders === "function" ? this.rawHeaders() : this.rawHeaders)
    }
    return this.headers_
  }

  private decodeError(description: string, cause?: unknown): HttpClientError.HttpClientError {
    return new HttpClientError.HttpClientError({
      reason: new HttpClientError.DecodeError({ request: this.request, response: this, description, cause })
    })
  }

  get text(): Effect.Effect<string, HttpClientError.HttpClientError> {
    return Effect.succeed(this.body)
  }

  /** The body parsed as JSON; an empty body is `null` (as `HttpClientResponse.fromWeb` answers). */
  get json(): Effect.Effect<Schema.Json, HttpClientError.HttpClientError> {
    return Effect.try({
      try: () => (this.body === "" ? null : JSON.parse(this.body)) as Schema.Json,
      catch: (cause) => this.decodeError("invalid JSON", cause)
    })
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.HttpClientError> {
    return Effect.succeed(UrlParams.fromInput(new URLSearchParams(this.body)))
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.HttpClientError> {
    return Effect.sync(() => utf8Encoder.encode(this.body).buffer as ArrayBuffer)
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.HttpClientError> {
    return Stream.sync(() => utf8Encoder.encode(this.body))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.HttpClientError> {
    return Effect.tryPromise({
      try: () => new Response(this.body, { headers: this.headers }).formData(),
      catch: (cause) => this.decodeError("invalid form data", cause)
    })
  }

  get upgrade(): Effect.Effect<Socket.Socket, HttpClientError.HttpClientError> {
    return Effect.fail(
      new HttpClientError.HttpClientError({
        reason: new HttpClientError.StatusCodeError({
          request: this.request,
          response: this,
          description: "the SDK's transports do not hand over the connection of an HTTP upgrade"
        })
      })
    )
  }

  get cookies(): Cookies.Cookies {
    if (this.cookies_ === undefined) {
      const setCookie = this.headers["set-cookie"]
      this.cookies_ = setCookie === undefined ? Cookies.empty : Cookies.fromSetCookie(setCookie)
    }
    return this.cookies_
  }

  pipe() {
    return pipeArguments(this, arguments)
  }

  toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, { _id: "HttpClientResponse", status: this.status })
  }
}

/**
 * The `HttpClientError` for a failed exchange of either transport (`core/exchange.ts`'s `Failure`): one before the
 * status is a `TransportError` (holding the cause), a failing body stream an `EncodeError`, one while reading the
 * body a `DecodeError` (with the status, an empty body, and the cause).
 */
export const exchangeError = (
  request: HttpClientRequest.HttpClientRequest,
  failure: Failure
): HttpClientError.HttpClientError => {
  switch (failure.stage) {
    case "request":
      return new HttpClientError.HttpClientError({
        reason: new HttpClientError.TransportError({ request, cause: failure.cause })
      })
    case "encode":
      return new HttpClientError.HttpClientError({
        reason: new HttpClientError.EncodeError({ request, description: failure.description, cause: failure.cause })
      })
    case "response":
      return new HttpClientError.HttpClientError({
        reason: new HttpClientError.DecodeError({
          request,
          response: new TextResponse(request, failure.status, {}, ""),
          cause: failure.cause
        })
      })
  }
}
