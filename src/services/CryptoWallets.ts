/**
 * Crypto wallets: sign-in with Ethereum and Solana wallets.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/CryptoWallets.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.cryptoWallets> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.cryptoWallets.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.cryptoWallets.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class CryptoWallets extends Context.Tag("effect-stytch/CryptoWallets")<CryptoWallets, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  CryptoWallets.of({
    ...makeClient(http, Endpoints.cryptoWallets),
    authenticateWithClaims: withClaims(http, Endpoints.cryptoWallets.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<CryptoWallets, never, StytchHttp> = Layer.effect(CryptoWallets, make)
