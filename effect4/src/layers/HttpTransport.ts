/**
 * The SDK's default transport: `NodeClient` (keep-alive `node:http`) where the runtime has `node:http` (Node, Bun,
 * Deno), `FetchClient` (the global `fetch`) elsewhere (browsers, Cloudflare Workers, other edge runtimes).
 * `Stytch.layer(options).pipe(Layer.provide(HttpTransport.layer))`.
 *
 * To use another transport, provide any other `HttpClient.HttpClient` layer instead (`FetchClient.layer`,
 * `FetchHttpClient.layer`, a test fake); nothing else in the SDK depends on this one.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as HttpClient from "effect/http/HttpClient"
import * as FetchClient from "./FetchClient.js"
import * as NodeClient from "./NodeClient.js"

/**
 * The options both transports take.
 *
 * @since 0.1.0
 * @category models
 */
export type Options = NodeClient.Options & FetchClient.Options

/**
 * Which transport `layer` uses in this runtime: `"node"` when `process.getBuiltinModule("node:http")` answers,
 * else `"fetch"`. Cloudflare Workers get `"fetch"` even with `nodejs_compat`: a Worker's outbound requests are
 * `fetch` subrequests anyway, with no sockets of its own to keep alive.
 *
 * @since 0.1.0
 * @category constructors
 */
export const kind = (): "node" | "fetch" => {
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent
  if (agent === "Cloudflare-Workers") return "fetch"
  return NodeClient.loadModules() === undefined ? "fetch" : "node"
}

/**
 * `layer` with options (`maxBodyBytes` for both; `maxSockets`, `maxFreeSockets` for `NodeClient`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options): Layer.Layer<HttpClient.HttpClient> =>
  Layer.unwrap(
    // Decided when the layer is built, not at import: importing the SDK loads neither module.
    Effect.sync(() => kind() === "node" ? NodeClient.layerWith(options) : FetchClient.layerWith(options))
  )

/**
 * The default `HttpClient.HttpClient`: `NodeClient.layer` on runtimes with `node:http`, `FetchClient.layer` elsewhere.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = /* @__PURE__ */ layerWith({})
