/**
 * The HTTP pipeline every API call goes through, as a service: base URL per host, Basic auth with the redacted
 * secret, JSON, a per-attempt timeout, retries by the endpoint's policy (with backoff, jitter and `Retry-After`),
 * a trace span, and the decoding of answers into response schemas or typed errors. The pipeline itself is in
 * `effect4/src/internal/pipeline.ts`.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import { makePipeline, type Pipeline } from "../internal/pipeline.js"
import { type Resolved, StytchConfig } from "./StytchConfig.js"

export type {
  /** @since 0.1.0 @category models */
  ExecuteOptions,
  /** @since 0.1.0 @category models */
  RawAnswer
} from "../internal/pipeline.js"

/**
 * `call` sends one request to an endpoint and returns its decoded response or a typed error; `execute` sends a
 * request built by the caller (the OAuth2 form endpoints) through the same timeout and retry loop.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service extends Pipeline<Resolved> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchHttp extends Context.Service<StytchHttp, Service>()("effect-stytch/StytchHttp") {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchConfig | HttpClient.HttpClient> = /* @__PURE__ */ Effect.gen(
  function*() {
    const config = yield* StytchConfig
    const client = yield* HttpClient.HttpClient
    return StytchHttp.of(makePipeline(config, client))
  }
)

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<StytchHttp, never, StytchConfig | HttpClient.HttpClient> = /* @__PURE__ */ Layer
  .effect(StytchHttp, make)
