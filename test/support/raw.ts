/**
 * Raw HTTP for the emulator's hostile-input tests: exact methods, paths, headers (including `Host`) and bytes, which
 * `fetch` would normalise or refuse.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as http from "node:http"
import { StytchEmulator } from "effect-stytch/testing"

export interface RawResponse {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly text: string
  readonly json: any
}

export interface RawRequest {
  readonly method?: string
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: string | Buffer
}

/** One request over a fresh connection to `url` (`http://127.0.0.1:port`). */
export const raw = (url: string, request: RawRequest): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = http.request({
      host: hostname,
      port,
      method: request.method ?? "GET",
      path: request.path,
      headers: request.headers ?? {},
      agent: false,
      // Paths like `/v1/users/%` must reach the server as they are.
      insecureHTTPParser: true
    }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8")
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
      res.on("error", reject)
    })
    req.on("error", reject)
    req.end(request.body)
  })

export const basicAuth = (projectId: string, secret: string) =>
  `Basic ${Buffer.from(`${projectId}:${secret}`).toString("base64")}`

export interface Harness {
  readonly url: string
  readonly port: number
  readonly emulator: StytchEmulator.Service
  readonly auth: string
}

/** A fresh emulator served on a free port for the duration of `f`. */
export const withServer = <A>(
  f: (h: Harness) => Promise<A>,
  options: StytchEmulator.ServeOptions = {},
  emulatorOptions: StytchEmulator.Options = {}
) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const server = yield* StytchEmulator.serve(options)
    const auth = basicAuth(emulator.projectId, Redacted.value(emulator.secret))
    return yield* Effect.promise(() => f({ url: server.url, port: server.port, emulator, auth }))
  }).pipe(Effect.scoped, Effect.provide(Layer.effect(StytchEmulator.StytchEmulator, StytchEmulator.make(emulatorOptions))))

/** Headers of an authenticated JSON request. */
export const json = (auth: string) => ({ authorization: auth, "content-type": "application/json" })
