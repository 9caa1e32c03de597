/**
 * One HTTP exchange as the SDK's transports see it, with no Effect: what is sent, how it ends (an answer whose body
 * is already text, or a failure saying at which stage it happened), and the callbacks that receive the outcome.
 * Both Effect lines' `FetchClient` and `NodeClient` are thin wrappers turning these outcomes into their
 * `HttpClientResponse` and `HttpClientError`.
 */

/** A request ready to go: the full URL (query included), plain headers, and a body in a form the runtime writes. */
export interface Outgoing<Body> {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: Body
}

/**
 * Why an exchange failed:
 * - `request`: before any status arrived (refused connection, TLS, DNS, an invalid URL or header): nothing was read;
 * - `encode`: the request body could not be produced (a failing body stream);
 * - `response`: after the status, while reading the body (cut off, over the cap: `cause` is a `BodyTooLargeError`).
 */
export type Failure =
  | { readonly stage: "request"; readonly cause: unknown }
  | { readonly stage: "encode"; readonly cause: unknown; readonly description: string }
  | { readonly stage: "response"; readonly status: number; readonly cause: unknown }

/** Where an exchange's outcome goes; exactly one of the two is called, at most once, and never after a cancel. */
export interface Handlers {
  /** The whole answer: its status, its headers as a record (made on demand) and its body decoded as UTF-8. */
  readonly onAnswer: (status: number, headers: () => Record<string, string>, body: string) => void
  readonly onFailure: (failure: Failure) => void
}

/** Stops an exchange in flight (closing its connection); nothing is reported afterwards. */
export type Cancel = () => void

/** A `Content-Length` value that can be trusted as a number. */
export const CONTENT_LENGTH = /^\d+$/

/** `url` with `query` (already encoded, may be empty) appended. */
export const withQuery = (url: string, query: string): string =>
  query === "" ? url : `${url}${url.includes("?") ? "&" : "?"}${query}`

const utf8 = /* @__PURE__ */ new TextDecoder()

/**
 * Bytes read in chunks, as one string. Decoding happens once over the whole body (a character split between
 * chunks stays whole) with the WHATWG UTF-8 decoder that `fetch`'s `Response.text()` uses, so both transports give
 * the same text for the same bytes: an invalid sequence becomes U+FFFD, as in every web runtime.
 */
export const decodeChunks = (chunks: ReadonlyArray<Uint8Array>, size: number): string => {
  if (chunks.length === 0) return ""
  if (chunks.length === 1) return utf8.decode(chunks[0])
  const whole = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    whole.set(chunk, at)
    at += chunk.byteLength
  }
  return utf8.decode(whole)
}
