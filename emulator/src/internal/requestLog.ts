/**
 * The last API requests an emulator answered, for the dashboard: method, path (never the query string), status, the
 * error_type of a failure and the duration. Bodies, headers (credentials) and queries are never kept, so nothing a
 * client sent as a secret (passwords, tokens, codes, Basic auth) can land here. Control and page requests
 * (`/emulator/...`, `/`, `/favicon.ico`) are not logged.
 */
import type { IncomingRequest, WireResponse } from "./app.js"

export interface RequestLogEntry {
  /** 1, 2, 3, ... per emulator: the page polls for a newer one. */
  readonly seq: number
  readonly at: string
  readonly method: string
  readonly path: string
  readonly status: number
  readonly error_type?: string | undefined
  readonly duration_ms: number
}

/** How many entries a log keeps (the oldest go first). */
export const REQUEST_LOG_SIZE = 200

const MAX_PATH = 300
const ERROR_TYPE = /^[a-z0-9_]{1,100}$/

/** The error_type (or OAuth2 `error`) of a failure's JSON body; nothing for a body of another shape. */
const errorTypeOf = (response: WireResponse): string | undefined => {
  if (response.status < 400 || !response.headers["content-type"]?.startsWith("application/json")) return undefined
  try {
    const body = JSON.parse(response.body)
    const type = body?.error_type ?? body?.error
    return typeof type === "string" && ERROR_TYPE.test(type) ? type : undefined
  } catch {
    return undefined
  }
}

export class RequestLog {
  private entries: Array<RequestLogEntry> = []
  private seq = 0

  /**
   * Records one answered request (`started`: `performance.now()` when it arrived, for the duration; `now`: the
   * emulator's time, epoch milliseconds, from the request's clock).
   */
  record(request: IncomingRequest, response: WireResponse, started: number, now: number): void {
    const queryAt = request.url.indexOf("?")
    const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt)
    if (path === "/" || path === "/favicon.ico" || path.startsWith("/emulator/")) return
    this.entries.push({
      seq: ++this.seq,
      at: new Date(now).toISOString(),
      method: request.method.slice(0, 16),
      path: path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}...` : path,
      status: response.status,
      error_type: errorTypeOf(response),
      duration_ms: Math.round((performance.now() - started) * 10) / 10
    })
    if (this.entries.length > REQUEST_LOG_SIZE) this.entries.shift()
  }

  /** Forgets every entry (`reset`); the sequence goes on, so a poller sees the change. */
  clear(): void {
    this.entries = []
  }

  /** The entries, newest first. */
  list(): ReadonlyArray<RequestLogEntry> {
    return [...this.entries].reverse()
  }

  /** The seq of the newest entry (0 when none). */
  get last(): number {
    return this.seq
  }
}
