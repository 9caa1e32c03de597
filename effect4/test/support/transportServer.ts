/**
 * The local servers and the hostile answers of the transport suites, with no Effect: shared by the Effect 3 suite
 * (test/support/transportSuite.ts) and the Effect 4 one (effect4/test/transports.test.ts), which wrap them in their
 * own Effect. (It lives here because the Effect 4 type-check project may only import files it includes; the
 * Effect 3 test project may import from anywhere.)
 */
import * as fs from "node:fs"
import * as http from "node:http"
import * as https from "node:https"
import type { AddressInfo } from "node:net"

export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
  /** The client's port: one per connection. */
  readonly remotePort: number
}

export interface Server {
  readonly base: string
  readonly seen: Array<Seen>
  /** The URLs whose response the client stopped waiting for (the server saw the connection close). */
  readonly closed: Array<string>
  /** How many connections the client has opened, and how many are open now. */
  readonly connections: { opened: number; open: number }
}

/**
 * Answers no client should trust, served at `/hostile/<kind>` and any path under it (`/hostile/<kind>/v1/users/x`):
 * what the server sends, and what a transport makes of it. A transport hands each body over as the text it
 * decodes to (it parses nothing: 100,000 levels of nesting are just 200,000 characters), or fails with no answer
 * when the HTTP parser refuses the head. Through the SDK each is a typed error (`sdk`): a decode error naming the
 * status, or a transport error.
 */
export interface HostileAnswer {
  readonly kind: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array | string
  /** What the transport gives: the answer's text, or `"no answer"` (a transport failure). */
  readonly transport: { readonly text: string } | "no answer"
  /** What the SDK gives for it. */
  readonly sdk: "StytchDecodeError" | "StytchTransportError"
}

const json = { "content-type": "application/json" }

export const HOSTILE_ANSWERS: ReadonlyArray<HostileAnswer> = [
  {
    // Invalid UTF-8: each bad sequence decodes to U+FFFD (WHATWG decoding, the same on both transports).
    kind: "bad-utf8",
    status: 200,
    headers: json,
    body: new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]),
    transport: { text: "{\uFFFD\uFFFD\uFFFD(}" },
    sdk: "StytchDecodeError"
  },
  {
    kind: "deep",
    status: 200,
    headers: json,
    body: "[".repeat(100_000) + "]".repeat(100_000),
    transport: { text: "[".repeat(100_000) + "]".repeat(100_000) },
    sdk: "StytchDecodeError"
  },
  {
    kind: "html-500",
    status: 500,
    headers: { "content-type": "text/html" },
    body: "<html><body>Bad gateway</body></html>",
    transport: { text: "<html><body>Bad gateway</body></html>" },
    sdk: "StytchDecodeError"
  },
  {
    kind: "wrong-types",
    status: 200,
    headers: json,
    body: JSON.stringify({ user_id: 42, emails: "none", status_code: "200", request_id: null }),
    transport: { text: JSON.stringify({ user_id: 42, emails: "none", status_code: "200", request_id: null }) },
    sdk: "StytchDecodeError"
  },
  {
    // node:http and undici cap a response head at 16 KiB: no answer.
    kind: "huge-header",
    status: 200,
    headers: { ...json, "x-big": "a".repeat(64 * 1024) },
    body: "{}",
    transport: "no answer",
    sdk: "StytchTransportError"
  }
]

const listen = <S extends http.Server | https.Server>(server: S): Promise<number> =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)))

const closeServer = (server: http.Server | https.Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })

/**
 * A server on a free loopback port, recording what it gets. `/hang*` never answers, `/endless*` streams forever,
 * `/large` declares 100 MB, `/chunks` answers in two chunks, `/cut` breaks its body, `/hostile/<kind>*` serves
 * `HOSTILE_ANSWERS`; anything else is a 201 JSON `{"ok":true}` with `x-request-id: req-1` and `retry-after: 3`.
 */
export const startServer = async (): Promise<Server & { readonly close: () => Promise<void> }> => {
  const seen: Array<Seen> = []
  const closed: Array<string> = []
  const connections = { opened: 0, open: 0 }
  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      const url = req.url!
      seen.push({ method: req.method!, url, headers: req.headers, body, remotePort: req.socket.remotePort! })
      if (url.startsWith("/hang")) {
        res.on("close", () => closed.push(url))
        return
      }
      if (url.startsWith("/endless")) {
        // Chunked (no Content-Length), 64 KiB at a time, until the client goes away.
        res.on("close", () => closed.push(url))
        res.writeHead(200, { "content-type": "application/json" })
        const chunk = "x".repeat(64 * 1024)
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", pump)
        }
        pump()
        return
      }
      if (url === "/large") {
        // Declares 100 MB, sends a little, then waits.
        res.on("close", () => closed.push(url))
        res.writeHead(200, { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) })
        res.write("{\"a\":\"")
        return
      }
      if (url === "/chunks") {
        res.writeHead(200, { "content-type": "application/json" })
        res.write("{\"ok\":")
        setTimeout(() => res.end("\"\u00e9\"}"), 5)
        return
      }
      if (url.startsWith("/hostile/")) {
        const hostile = HOSTILE_ANSWERS.find((answer) => answer.kind === url.split("/")[2])
        if (hostile !== undefined) {
          res.writeHead(hostile.status, hostile.headers)
          res.end(hostile.body)
          return
        }
      }
      if (url === "/cut") {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" })
        res.write("{\"partial\":")
        setTimeout(() => res.destroy(), 20)
        return
      }
      res.writeHead(201, { "content-type": "application/json", "x-request-id": "req-1", "retry-after": "3" })
      res.end(JSON.stringify({ ok: true }))
    })
  })
  server.on("connection", (socket) => {
    connections.opened++
    connections.open++
    socket.on("close", () => connections.open--)
  })
  const port = await listen(server)
  return { base: `http://127.0.0.1:${port}`, seen, closed, connections, close: () => closeServer(server) }
}

/**
 * An HTTPS server with a self-signed certificate (test/fixtures/tls, a test-only key made with
 * `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=127.0.0.1`), for a real TLS failure.
 */
export const startSelfSignedServer = async (): Promise<{ readonly base: string; readonly close: () => Promise<void> }> => {
  const fixture = (name: string) => fs.readFileSync(new URL(`../../../test/fixtures/tls/${name}`, import.meta.url))
  const server = https.createServer(
    { key: fixture("self-signed-key.pem"), cert: fixture("self-signed-cert.pem") },
    (_req, res) => res.end("{}")
  )
  const port = await listen(server)
  return { base: `https://127.0.0.1:${port}`, close: () => closeServer(server) }
}

/** A loopback port that was free a moment ago and has nobody listening now. */
export const freedPort = async (): Promise<number> => {
  const server = http.createServer()
  const port = await listen(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
