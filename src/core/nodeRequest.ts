/**
 * One exchange over Node's `node:http` / `node:https` with keep-alive agents, with no Effect: the part of both Effect
 * lines' `NodeClient` that talks to the socket. It issues the request (writing a string, bytes or a web stream with
 * back-pressure), reads the answer with a size cap (a declared `Content-Length` over the cap fails at once, a streamed
 * body as soon as it passes the cap, and either way the connection is destroyed), decodes it as UTF-8 in one go, and
 * can be cancelled (destroying the request and its socket).
 *
 * The modules are loaded with `process.getBuiltinModule`, with no import statement, so a bundle for a runtime without
 * them (a browser, workerd) does not reference them.
 */
import type * as Http from "node:http"
import type * as Https from "node:https"
import { type Cancel, CONTENT_LENGTH, decodeChunks, type Handlers, type Outgoing } from "./exchange.js"
import { BodyTooLargeError } from "./transport.js"

/** The Node built-ins the client runs on, loaded once with `process.getBuiltinModule`. */
export interface NodeModules {
  readonly http: typeof Http
  readonly https: typeof Https
}

/** One keep-alive agent per protocol. */
export interface Agents {
  readonly http: Http.Agent
  readonly https: Https.Agent
}

/** What the agents are made with. */
export interface AgentOptions {
  /** The most sockets open at once per host (default: no limit, Node's default). */
  readonly maxSockets?: number | undefined
  /** The most idle keep-alive sockets kept per host (default 256). */
  readonly maxFreeSockets?: number | undefined
}

/** A request body `node:http` can write. */
export type NodeBody = string | Uint8Array | ReadableStream<Uint8Array> | null

/** `node:http` and `node:https` when the runtime has them (through `process.getBuiltinModule`), else `undefined`. */
export const loadModules = (): NodeModules | undefined => {
  try {
    const load = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule
    if (typeof load !== "function") return undefined
    const http = load("node:http") as typeof Http | undefined
    const https = load("node:https") as typeof Https | undefined
    return http && https && typeof http.request === "function" ? { http, https } : undefined
  } catch {
    return undefined
  }
}

/** Keep-alive agents (LIFO scheduling: the warmest socket first); the caller destroys them with `destroyAgents`. */
export const makeAgents = (modules: NodeModules, options: AgentOptions = {}): Agents => {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? Infinity,
    maxFreeSockets: options.maxFreeSockets ?? 256,
    scheduling: "lifo" as const
  }
  return { http: new modules.http.Agent(agentOptions), https: new modules.https.Agent(agentOptions) }
}

/** Destroys both agents and their sockets, idle or not. */
export const destroyAgents = (agents: Agents): void => {
  agents.http.destroy()
  agents.https.destroy()
}

/** A `FormData` encoded as a web `Response` would send it: the bytes and the `content-type` with its boundary. */
export const encodeForm = async (
  form: FormData
): Promise<{ readonly body: Uint8Array; readonly contentType: string | undefined }> => {
  const encoded = new Response(form)
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    contentType: encoded.headers.get("content-type") ?? undefined
  }
}

/** Writes a web stream into the request, honouring back-pressure; resolves when it is all written and ended. */
const pipeWeb = async (stream: ReadableStream<Uint8Array>, req: Http.ClientRequest) => {
  const reader = stream.getReader()
  // An interrupted or failed request stops the stream (and whatever produces it).
  req.once("close", () => reader.cancel().catch(() => {}))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (req.destroyed) return
      if (!req.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            req.off("drain", go)
            req.off("close", go)
            resolve()
          }
          req.on("drain", go)
          req.on("close", go)
        })
      }
    }
    req.end()
  } finally {
    reader.releaseLock()
  }
}

const headersOf = (raw: Http.IncomingHttpHeaders) => () => {
  const record: Record<string, string> = {}
  for (const name in raw) {
    const value = raw[name]
    if (value !== undefined) record[name] = typeof value === "string" ? value : value.join(", ")
  }
  return record
}

interface Target {
  readonly protocol: string
  readonly hostname: string
  readonly port: string
  readonly path: string
}

/**
 * `url` split for `http.request`. The origin's parse is cached (a client talks to one or two hosts): a `URL` per
 * request was a measurable share of the transport's own cost. Anything unusual takes the full parse.
 */
const origins = new Map<string, Omit<Target, "path">>()
const SIMPLE = /^(https?:\/\/[^/?#@\\\s]+)(\/[!-"$-~]*)?$/
const targetOf = (url: string): Target => {
  const simple = SIMPLE.exec(url)
  if (simple !== null) {
    const origin = simple[1]!
    let cached = origins.get(origin)
    if (cached === undefined) {
      const parsed = new URL(origin)
      cached = { protocol: parsed.protocol, hostname: unbracket(parsed.hostname), port: parsed.port }
      if (origins.size >= 64) origins.clear()
      origins.set(origin, cached)
    }
    return { ...cached, path: simple[2] ?? "/" }
  }
  const parsed = new URL(url)
  return {
    protocol: parsed.protocol,
    hostname: unbracket(parsed.hostname),
    port: parsed.port,
    path: `${parsed.pathname}${parsed.search}`
  }
}
const unbracket = (hostname: string) => hostname.startsWith("[") ? hostname.slice(1, -1) : hostname

/**
 * Sends `outgoing` over the agents and reports its outcome to `handlers` (exactly once, unless cancelled first).
 * Answer bodies over `limit` bytes fail with a `BodyTooLargeError` cause and the connection closed. A failure before
 * the status holds the system error (`ECONNREFUSED`, a certificate code, ...), never the request's headers.
 */
export const send = (
  modules: NodeModules,
  agents: Agents,
  outgoing: Outgoing<NodeBody>,
  limit: number,
  handlers: Handlers
): Cancel => {
  let settled = false
  let cancelled = false
  let complete = false
  let status = 0
  let req: Http.ClientRequest
  try {
    const target = targetOf(outgoing.url)
    const secure = target.protocol === "https:"
    req = (secure ? modules.https : modules.http).request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: target.path,
      method: outgoing.method,
      headers: outgoing.headers,
      agent: secure ? agents.https : agents.http
    })
  } catch (cause) {
    // An invalid URL or header value: nothing was sent.
    handlers.onFailure({ stage: "request", cause })
    return () => {}
  }
  const settle = () => {
    if (settled) return false
    settled = true
    req.destroy()
    return true
  }
  const failDecode = (cause: unknown) => {
    if (settle()) handlers.onFailure({ stage: "response", status, cause })
  }
  req.on("error", (cause) => {
    if (status !== 0) failDecode(cause)
    else if (settle()) handlers.onFailure({ stage: "request", cause })
  })
  req.on("response", (res) => {
    status = res.statusCode ?? 0
    const length = res.headers["content-length"]
    if (length !== undefined && CONTENT_LENGTH.test(length) && Number(length) > limit) {
      failDecode(new BodyTooLargeError(limit))
      return
    }
    const chunks: Array<Uint8Array> = []
    let size = 0
    res.on("data", (chunk: Uint8Array) => {
      size += chunk.byteLength
      if (size > limit) failDecode(new BodyTooLargeError(limit))
      else chunks.push(chunk)
    })
    res.on("error", failDecode)
    res.on("end", () => {
      if (settled) return
      settled = true
      complete = true
      const text = decodeChunks(chunks, size)
      // Reported a microtask later: by then the agent has the socket back, so a request sent by whoever receives
      // the answer reuses it instead of opening a second connection.
      queueMicrotask(() => {
        if (!cancelled) handlers.onAnswer(status, headersOf(res.headers), text)
      })
    })
    res.on("close", () => {
      if (!settled && !res.complete) failDecode(new Error("the connection closed before the body was complete"))
    })
  })
  const body = outgoing.body
  if (body === null) req.end()
  else if (typeof body === "string" || body instanceof Uint8Array) req.end(body)
  else {
    pipeWeb(body, req).catch((cause) => {
      if (settle()) handlers.onFailure({ stage: "encode", cause, description: "body stream failed" })
    })
  }
  return () => {
    settled = true
    cancelled = true
    // A complete answer's socket is back in the agent's pool: it stays open for the next request.
    if (!complete) req.destroy()
  }
}
