/**
 * Fraud & Risk: device fingerprint lookups, rules, verdict reasons and email risk (on the telemetry host).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/Fraud.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.fraud> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Fraud extends Context.Tag("effect-stytch/Fraud")<Fraud, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  Fraud.of({
    ...makeClient(http, Endpoints.fraud)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Fraud, never, StytchHttp> = Layer.effect(Fraud, make)
