/**
 * The transport suites' exchanges that both Effect lines check, as plain data and plain checks (no Effect): what is
 * sent to the local server (support/transportServer.ts) and what it must see, how URLs arrive, the stream and form
 * bodies, how a probe tells node:http from fetch, and the runtime disguises `HttpTransport.layer` must see through.
 * The Effect 3 suites (test/support/transportSuite.ts, test/nodeClient.test.ts) and the Effect 4 one
 * (effect4/test/transports.test.ts) build each request with their own HttpClientRequest and hand what the server
 * saw to the checks here. It lives in the Effect 4 test project, which sees only its own files; the Effect 3 suites
 * import it from here.
 */
import * as assert from "node:assert/strict"
import type { Seen } from "./transportServer.js"

/** A request, as plain data: each suite builds it with its own HttpClientRequest. */
export interface PlainRequest {
  readonly method: "GET" | "POST" | "PUT"
  /** Under the server's base URL. */
  readonly path: string
  readonly urlParams?: Readonly<Record<string, string>>
  readonly headers?: Readonly<Record<string, string>>
  readonly text?: { readonly body: string; readonly contentType: string }
  readonly bytes?: Uint8Array
}

/** The request constructors and combinators a line's HttpClientRequest module has (both lines name them alike). */
export interface RequestBuilders<R> {
  readonly get: (url: string) => R
  readonly post: (url: string) => R
  readonly put: (url: string) => R
  readonly setUrlParams: (params: Readonly<Record<string, string>>) => (request: R) => R
  readonly setHeaders: (headers: Readonly<Record<string, string>>) => (request: R) => R
  readonly bodyText: (body: string, contentType?: string) => (request: R) => R
  readonly bodyUint8Array: (body: Uint8Array) => (request: R) => R
}

/** Builds a plain request with a line's HttpClientRequest functions, under the server's base URL. */
export const buildRequest = <R>(builders: RequestBuilders<R>, base: string, plain: PlainRequest): R => {
  const url = `${base}${plain.path}`
  let request = plain.method === "GET" ? builders.get(url) : plain.method === "POST" ? builders.post(url) : builders.put(url)
  if (plain.urlParams !== undefined) request = builders.setUrlParams(plain.urlParams)(request)
  if (plain.headers !== undefined) request = builders.setHeaders(plain.headers)(request)
  if (plain.text !== undefined) request = builders.bodyText(plain.text.body, plain.text.contentType)(request)
  if (plain.bytes !== undefined) request = builders.bodyUint8Array(plain.bytes)(request)
  return request
}

/** One exchange: the request, and what the server must have seen of it. */
export interface Exchange {
  readonly request: PlainRequest
  readonly seen: {
    readonly method: string
    readonly url: string
    readonly body: string
    readonly headers?: Readonly<Record<string, string>>
  }
}

/** Method, URL with query parameters, headers and every kind of body arrive as sent. */
export const ROUND_TRIP: ReadonlyArray<Exchange> = [
  {
    request: {
      method: "POST",
      path: "/v1/things?fixed=1",
      urlParams: { user_id: "user-test-1", q: "a b&c" },
      headers: { authorization: "Basic abc" },
      text: { body: "{\"name\":\"x\"}", contentType: "application/json" }
    },
    seen: {
      method: "POST",
      url: "/v1/things?fixed=1&user_id=user-test-1&q=a+b%26c",
      body: "{\"name\":\"x\"}",
      headers: { authorization: "Basic abc", "content-type": "application/json" }
    }
  },
  { request: { method: "GET", path: "/plain" }, seen: { method: "GET", url: "/plain", body: "" } },
  {
    request: { method: "PUT", path: "/bytes", bytes: new TextEncoder().encode("\u00e9") },
    seen: { method: "PUT", url: "/bytes", body: "\u00e9" }
  }
]

/** What the server answers to any ordinary path (support/transportServer.ts). */
export const PLAIN_ANSWER = {
  status: 201,
  text: "{\"ok\":true}",
  json: { ok: true },
  headers: { "x-request-id": "req-1", "retry-after": "3" }
} as const

/** Checks the server saw `exchanges`, in order, and nothing else. */
export const checkSeen = (seen: ReadonlyArray<Seen>, exchanges: ReadonlyArray<Exchange>) => {
  assert.strictEqual(seen.length, exchanges.length, "requests seen")
  for (const [i, { seen: want }] of exchanges.entries()) {
    const got = seen[i]!
    assert.strictEqual(got.method, want.method, `request ${i + 1} method`)
    assert.strictEqual(got.url, want.url, `request ${i + 1} url`)
    assert.strictEqual(got.body, want.body, `request ${i + 1} body`)
    for (const [name, value] of Object.entries(want.headers ?? {})) {
      assert.strictEqual(got.headers[name], value, `request ${i + 1} ${name}`)
    }
  }
}

/** Checks an answer to an ordinary path: status, headers, and the body read as text. */
export const checkPlainAnswer = (
  answer: { readonly status: number; readonly headers: Readonly<Record<string, string | undefined>>; readonly text: string },
  label = "answer"
) => {
  assert.strictEqual(answer.status, PLAIN_ANSWER.status, `${label} status`)
  assert.strictEqual(answer.text, PLAIN_ANSWER.text, `${label} body`)
  for (const [name, value] of Object.entries(PLAIN_ANSWER.headers)) {
    assert.strictEqual(answer.headers[name], value, `${label} ${name}`)
  }
}

/** URLs as given, and the request target the server must see (paths and queries as a URL parser encodes them). */
export const URL_CASES = (base: string): ReadonlyArray<readonly [string, string]> => {
  const port = new URL(base).port
  return [
    [`${base}/plain/a-b_c.d~e?x=1&y=%2F`, "/plain/a-b_c.d~e?x=1&y=%2F"],
    [`${base}/a b?q=\u00e9`, "/a%20b?q=%C3%A9"],
    // Fragments are not sent.
    [`${base}/frag#not-sent`, "/frag"],
    [`http://localhost:${port}/via-name`, "/via-name"],
    [`http://127.0.0.1:${port}?only=query`, "/?only=query"]
  ]
}

/** A URL no HTTP transport may fetch. */
export const REFUSED_URL = "ftp://127.0.0.1/x"

/** A JSON body sent as a stream of these chunks, and the form fields sent as multipart. */
export const STREAM_CHUNKS: ReadonlyArray<string> = ["{\"a\":", "1", "}"]
export const FORM_FIELDS: Readonly<Record<string, string>> = { name: "value" }

/** Checks the server saw the stream body, then the form body. */
export const checkStreamAndForm = (seen: ReadonlyArray<Seen>) => {
  assert.strictEqual(seen[0]!.body, STREAM_CHUNKS.join(""))
  assert.strictEqual(seen[0]!.headers["content-type"], "application/json")
  assert.match(String(seen[1]!.headers["content-type"]), /^multipart\/form-data; boundary=/)
  for (const [name, value] of Object.entries(FORM_FIELDS)) {
    assert.ok(seen[1]!.body.includes(`name="${name}"`), `form field ${name}`)
    assert.ok(seen[1]!.body.includes(value), `form value ${value}`)
  }
}

/** Which transport sent a request: undici's fetch adds `sec-fetch-mode`, node:http sends only what it is given. */
export const transportKind = (seen: Seen): "node" | "fetch" =>
  seen.headers["sec-fetch-mode"] === undefined ? "node" : "fetch"

/** Makes the runtime look like one without `process.getBuiltinModule`; returns the undo. */
export const hideGetBuiltinModule = (): (() => void) => {
  const original = process.getBuiltinModule
  ;(process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined
  return () => {
    process.getBuiltinModule = original
  }
}

/** Makes the runtime look like Cloudflare Workers (with nodejs_compat: node:http still there); returns the undo. */
export const pretendCloudflareWorkers = (): (() => void) => {
  const original = Object.getOwnPropertyDescriptor(globalThis, "navigator")
  Object.defineProperty(globalThis, "navigator", { configurable: true, value: { userAgent: "Cloudflare-Workers" } })
  return () => {
    if (original === undefined) delete (globalThis as { navigator?: unknown }).navigator
    else Object.defineProperty(globalThis, "navigator", original)
  }
}
