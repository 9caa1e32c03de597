/**
 * One exchange over a `fetch` function, with no Effect: the part of both Effect lines' `FetchClient` that talks to
 * the runtime. It sends the request with an `AbortController`, reads the whole body as text with a size cap (a
 * declared `Content-Length` over the cap fails at once; a body without one, or a compressed one, is read as a stream
 * and the transfer aborted as soon as the cap is passed), and can be cancelled (aborting the request).
 */
import { type Cancel, CONTENT_LENGTH, decodeChunks, type Handlers, type Outgoing } from "./exchange.js"
import { BodyTooLargeError } from "./transport.js"

/** The body as text, refusing more than `limit` bytes (fails with `BodyTooLargeError`). */
export const readCapped = async (response: Response, limit: number): Promise<string> => {
  const length = response.headers.get("content-length")
  if (length !== null && CONTENT_LENGTH.test(length)) {
    if (Number(length) > limit) throw new BodyTooLargeError(limit)
    // fetch holds an unencoded body to its declared length; a compressed one may inflate past it, so it streams.
    if (!response.headers.has("content-encoding")) return response.text()
  }
  if (response.body === null) return ""
  const reader = response.body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      reader.cancel().catch(() => {})
      throw new BodyTooLargeError(limit)
    }
    chunks.push(value)
  }
  return decodeChunks(chunks, size)
}

/** A web `Headers` as a record (called only when someone reads the answer's headers). */
const headersOf = (response: Response) => () => {
  const record: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}

/**
 * Sends `outgoing` with `fetch` and reports its outcome to `handlers` (exactly once, unless cancelled first). A
 * failure before the status is a `request` failure (the `fetch failed` error, whose cause chain names the system
 * error); one while reading the body a `response` failure, and the transfer is aborted.
 */
export const send = (
  fetch: typeof globalThis.fetch,
  outgoing: Outgoing<BodyInit | null>,
  limit: number,
  handlers: Handlers
): Cancel => {
  const controller = new AbortController()
  let cancelled = false
  let status = 0
  fetch(outgoing.url, {
    method: outgoing.method,
    headers: outgoing.headers,
    body: outgoing.body,
    signal: controller.signal
  })
    .then((response) => {
      status = response.status
      return readCapped(response, limit).then((body) => {
        if (!cancelled) handlers.onAnswer(response.status, headersOf(response), body)
      })
    })
    .catch((cause) => {
      // Stop the transfer (an oversized body may still be streaming).
      controller.abort()
      if (cancelled) return
      handlers.onFailure(status === 0 ? { stage: "request", cause } : { stage: "response", status, cause })
    })
  return () => {
    cancelled = true
    controller.abort()
  }
}
