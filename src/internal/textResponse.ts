/**
 * An `HttpClientResponse` whose body is already a string: what the SDK's fetch transport and the emulator's
 * in-memory transport answer with. Every accessor succeeds (or fails) without an asynchronous step.
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { Failure } from "../core/exchange.js"

const utf8Encoder = new TextEncoder()

export class TextResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly remoteAddress = Option.none<string>()
  private headers_: Headers.Headers | undefined

  /**
   * `headers` is a record, or a function making it: the fetch transport converts the web `Headers` only when
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

  get headers(): Headers.Headers {
    if (this.headers_ === undefined) {
      this.headers_ = Headers.fromInput(typeof this.rawHeaders === "function" ? this.rawHeaders() : this.rawHeaders)
    }
    return this.headers_
  }

  private decodeError(description: string, cause?: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", description, cause })
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.succeed(this.body)
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.try({ try: () => JSON.parse(this.body) as unknown, catch: (cause) => this.decodeError("invalid JSON", cause) })
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.succeed(UrlParams.fromInput(new URLSearchParams(this.body)))
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return Effect.sync(() => utf8Encoder.encode(this.body).buffer as ArrayBuffer)
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return Stream.sync(() => utf8Encoder.encode(this.body))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => new Response(this.body, { headers: this.headers }).formData(),
      catch: (cause) => this.decodeError("invalid form data", cause)
    })
  }

  get cookies(): Cookies.Cookies {
    const setCookie = this.headers["set-cookie"]
    return setCookie === undefined ? Cookies.empty : Cookies.fromSetCookie(setCookie)
  }

  toJSON(): unknown {
    return { _id: "@effect/platform/HttpClientResponse", status: this.status, headers: Inspectable.redact(this.headers) }
  }
}

/**
 * The platform error for a failed exchange of either transport (`core/exchange.ts`'s `Failure`): one before the
 * status is a transport failure (holding the system error), a failing body stream an encode failure, one while
 * reading the body a decode failure.
 */
export const exchangeError = (
  request: HttpClientRequest.HttpClientRequest,
  failure: Failure
): HttpClientError.HttpClientError => {
  switch (failure.stage) {
    case "request":
      return new HttpClientError.RequestError({ request, reason: "Transport", cause: failure.cause })
    case "encode":
      return new HttpClientError.RequestError({
        request,
        reason: "Encode",
        description: failure.description,
        cause: failure.cause
      })
    case "response":
      return new HttpClientError.ResponseError({
        request,
        response: new TextResponse(request, failure.status, {}, ""),
        reason: "Decode",
        cause: failure.cause
      })
  }
}
