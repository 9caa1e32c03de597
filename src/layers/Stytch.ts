/**
 * Every area service at once, from options or from the environment.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ConnectedApp from "../services/ConnectedApp.js"
import * as CryptoWallets from "../services/CryptoWallets.js"
import * as Debug from "../services/Debug.js"
import * as Fraud from "../services/Fraud.js"
import * as IDP from "../services/IDP.js"
import * as Impersonation from "../services/Impersonation.js"
import * as M2M from "../services/M2M.js"
import * as MagicLinks from "../services/MagicLinks.js"
import * as OAuth from "../services/OAuth.js"
import * as OTPs from "../services/OTPs.js"
import * as Passwords from "../services/Passwords.js"
import * as Project from "../services/Project.js"
import * as RBAC from "../services/RBAC.js"
import * as Sessions from "../services/Sessions.js"
import * as TOTPs from "../services/TOTPs.js"
import * as Users from "../services/Users.js"
import * as WebAuthn from "../services/WebAuthn.js"
import * as JwksCache from "./JwksCache.js"
import * as StytchConfig from "./StytchConfig.js"
import * as StytchHttp from "./StytchHttp.js"

/**
 * Every area service.
 *
 * @since 0.1.0
 * @category models
 */
export type Services =
  | Users.Users
  | Sessions.Sessions
  | Passwords.Passwords
  | MagicLinks.MagicLinks
  | OTPs.OTPs
  | OAuth.OAuth
  | TOTPs.TOTPs
  | WebAuthn.WebAuthn
  | CryptoWallets.CryptoWallets
  | M2M.M2M
  | Fraud.Fraud
  | Project.Project
  | ConnectedApp.ConnectedApp
  | IDP.IDP
  | Impersonation.Impersonation
  | RBAC.RBAC
  | Debug.Debug

/**
 * What the aggregate layer offers: every area service, plus the pipeline and the JWKS cache they share.
 *
 * @since 0.1.0
 * @category models
 */
export type Provided = Services | StytchHttp.StytchHttp | JwksCache.JwksCache | StytchConfig.StytchConfig

/**
 * Every area service, with the pipeline and the JWKS cache they share, built one after another in a single effect.
 * A graph of layers (`Layer.mergeAll` of the 17 areas, `provideMerge` for the shared services) builds each node in a
 * fiber of its own with a memo entry and a scope, which measured as most of the layer's build time; none of these
 * constructors does I/O, so there is nothing to overlap.
 */
const everything: Effect.Effect<
  Context.Context<Exclude<Provided, StytchConfig.StytchConfig>>,
  never,
  StytchConfig.StytchConfig | HttpClient.HttpClient
> = Effect.gen(function*() {
  const http = yield* StytchHttp.make
  const jwks = yield* Effect.provideService(JwksCache.make(), StytchHttp.StytchHttp, http)
  const shared = Context.make(StytchHttp.StytchHttp, http).pipe(Context.add(JwksCache.JwksCache, jwks))
  return yield* Effect.provide(
    Effect.gen(function*() {
      return shared.pipe(
        Context.add(Users.Users, yield* Users.make),
        Context.add(Sessions.Sessions, yield* Sessions.make),
        Context.add(Passwords.Passwords, yield* Passwords.make),
        Context.add(MagicLinks.MagicLinks, yield* MagicLinks.make),
        Context.add(OTPs.OTPs, yield* OTPs.make),
        Context.add(OAuth.OAuth, yield* OAuth.make),
        Context.add(TOTPs.TOTPs, yield* TOTPs.make),
        Context.add(WebAuthn.WebAuthn, yield* WebAuthn.make),
        Context.add(CryptoWallets.CryptoWallets, yield* CryptoWallets.make),
        Context.add(M2M.M2M, yield* M2M.make),
        Context.add(Fraud.Fraud, yield* Fraud.make),
        Context.add(Project.Project, yield* Project.make),
        Context.add(ConnectedApp.ConnectedApp, yield* ConnectedApp.make),
        Context.add(IDP.IDP, yield* IDP.make),
        Context.add(Impersonation.Impersonation, yield* Impersonation.make),
        Context.add(RBAC.RBAC, yield* RBAC.make),
        Context.add(Debug.Debug, yield* Debug.make)
      )
    }),
    shared
  )
})

/**
 * Every area service from an already provided `StytchConfig`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithoutConfig: Layer.Layer<
  Exclude<Provided, StytchConfig.StytchConfig>,
  never,
  StytchConfig.StytchConfig | HttpClient.HttpClient
> = Layer.effectContext(everything)

/** `everything` from a config effect, with the resolved config in the context too. */
const fromConfig = <R>(
  config: Effect.Effect<StytchConfig.Resolved, ConfigError.ConfigError, R>
): Layer.Layer<Provided, ConfigError.ConfigError, HttpClient.HttpClient | R> =>
  Layer.effectContext(Effect.flatMap(config, (resolved) =>
    Effect.map(
      Effect.provideService(everything, StytchConfig.StytchConfig, resolved),
      Context.add(StytchConfig.StytchConfig, resolved)
    )))

/**
 * Every area service, configured by options. Requires only an `HttpClient` (e.g. `FetchHttpClient.layer`).
 * A missing or malformed project id or secret fails when the layer is built.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: StytchConfig.Options
): Layer.Layer<Provided, ConfigError.ConfigError, HttpClient.HttpClient> => fromConfig(StytchConfig.make(options))

/**
 * Every area service, configured from `STYTCH_PROJECT_ID`, `STYTCH_SECRET` and the optional `STYTCH_BASE_URL`,
 * `STYTCH_FRAUD_BASE_URL` (through Effect's `ConfigProvider`, so the environment by default).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig: Layer.Layer<Provided, ConfigError.ConfigError, HttpClient.HttpClient> = fromConfig(
  Effect.flatMap(StytchConfig.fromEnv, StytchConfig.make)
)
