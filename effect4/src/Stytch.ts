/**
 * Every area service at once, from options or from `Config`, and the aggregate `Stytch` service for apps that use
 * many areas, for the Effect 4 line. It sits on top of the layout: it depends on every service.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as JwksCache from "./layers/JwksCache.js"
import * as StytchConfig from "./layers/StytchConfig.js"
import * as StytchHttp from "./layers/StytchHttp.js"
import * as ConnectedApp from "./services/ConnectedApp.js"
import * as CryptoWallets from "./services/CryptoWallets.js"
import * as Debug from "./services/Debug.js"
import * as Fraud from "./services/Fraud.js"
import * as IDP from "./services/IDP.js"
import * as Impersonation from "./services/Impersonation.js"
import * as M2M from "./services/M2M.js"
import * as MagicLinks from "./services/MagicLinks.js"
import * as OAuth from "./services/OAuth.js"
import * as OTPs from "./services/OTPs.js"
import * as Passwords from "./services/Passwords.js"
import * as Project from "./services/Project.js"
import * as RBAC from "./services/RBAC.js"
import * as Sessions from "./services/Sessions.js"
import * as TOTPs from "./services/TOTPs.js"
import * as Users from "./services/Users.js"
import * as WebAuthn from "./services/WebAuthn.js"

/**
 * Every area's service, by the property names of the official Node SDK's client (`client.users`, ...).
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly users: Users.Service
  readonly sessions: Sessions.Service
  readonly passwords: Passwords.Service
  readonly magicLinks: MagicLinks.Service
  readonly otps: OTPs.Service
  readonly oauth: OAuth.Service
  readonly totps: TOTPs.Service
  readonly webauthn: WebAuthn.Service
  readonly cryptoWallets: CryptoWallets.Service
  readonly m2m: M2M.Service
  readonly fraud: Fraud.Service
  readonly project: Project.Service
  readonly connectedApp: ConnectedApp.Service
  readonly idp: IDP.Service
  readonly impersonation: Impersonation.Service
  readonly rbac: RBAC.Service
  readonly debug: Debug.Service
}

/**
 * The aggregate service: `const stytch = yield* Stytch.Stytch; stytch.users.get(...)`. The same instances as the
 * per-area tags (`Users.Users`, ...), which remain the way to depend on one area only.
 *
 * @since 0.1.0
 * @category tags
 */
export class Stytch extends Context.Service<Stytch, Service>()("effect-stytch/Stytch") {}

/**
 * Every area service's tag.
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
 * What the aggregate layers offer: every area service and `Stytch`, plus the pipeline, the JWKS cache and the
 * configuration they share.
 *
 * @since 0.1.0
 * @category models
 */
export type Provided = Services | Stytch | StytchHttp.StytchHttp | JwksCache.JwksCache | StytchConfig.StytchConfig

/**
 * The options of `layer`: the configuration, and the JWKS cache's settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends StytchConfig.Options {
  /** The JWKS cache used by local JWT verification (TTL, rate limit of unknown-kid refetches). */
  readonly jwks?: JwksCache.Options | undefined
}

/**
 * Every area service, built one after another in a single effect. A graph of layers (`Layer.mergeAll` of the 17
 * areas) builds each node in a fiber of its own with a memo entry and a scope, which measured as most of the
 * layer's build time; none of these constructors does I/O, so there is nothing to overlap.
 */
const services: Effect.Effect<
  Context.Context<Services | Stytch>,
  never,
  StytchHttp.StytchHttp | JwksCache.JwksCache
> = /* @__PURE__ */ Effect.gen(function*() {
  const all: Service = {
    users: yield* Users.make,
    sessions: yield* Sessions.make,
    passwords: yield* Passwords.make,
    magicLinks: yield* MagicLinks.make,
    otps: yield* OTPs.make,
    oauth: yield* OAuth.make,
    totps: yield* TOTPs.make,
    webauthn: yield* WebAuthn.make,
    cryptoWallets: yield* CryptoWallets.make,
    m2m: yield* M2M.make,
    fraud: yield* Fraud.make,
    project: yield* Project.make,
    connectedApp: yield* ConnectedApp.make,
    idp: yield* IDP.make,
    impersonation: yield* Impersonation.make,
    rbac: yield* RBAC.make,
    debug: yield* Debug.make
  }
  return Context.make(Stytch, all).pipe(
    Context.add(Users.Users, all.users),
    Context.add(Sessions.Sessions, all.sessions),
    Context.add(Passwords.Passwords, all.passwords),
    Context.add(MagicLinks.MagicLinks, all.magicLinks),
    Context.add(OTPs.OTPs, all.otps),
    Context.add(OAuth.OAuth, all.oauth),
    Context.add(TOTPs.TOTPs, all.totps),
    Context.add(WebAuthn.WebAuthn, all.webauthn),
    Context.add(CryptoWallets.CryptoWallets, all.cryptoWallets),
    Context.add(M2M.M2M, all.m2m),
    Context.add(Fraud.Fraud, all.fraud),
    Context.add(Project.Project, all.project),
    Context.add(ConnectedApp.ConnectedApp, all.connectedApp),
    Context.add(IDP.IDP, all.idp),
    Context.add(Impersonation.Impersonation, all.impersonation),
    Context.add(RBAC.RBAC, all.rbac),
    Context.add(Debug.Debug, all.debug)
  )
})

/**
 * Every area service and `Stytch`, over a `StytchHttp` and a `JwksCache` you provide (your own pipeline, a JWKS
 * cache with other settings, or test doubles).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServices: Layer.Layer<Services | Stytch, never, StytchHttp.StytchHttp | JwksCache.JwksCache> =
  /* @__PURE__ */ Layer.effectContext(services)

/** The pipeline and JWKS cache for the provided config, then `services` over them. */
const everything = (
  jwks: JwksCache.Options | undefined
): Effect.Effect<
  Context.Context<Exclude<Provided, StytchConfig.StytchConfig>>,
  never,
  StytchConfig.StytchConfig | HttpClient.HttpClient | Scope.Scope
> =>
  Effect.gen(function*() {
    const http = yield* StytchHttp.make
    const cache = yield* Effect.provideService(JwksCache.make(jwks), StytchHttp.StytchHttp, http)
    const shared = Context.make(StytchHttp.StytchHttp, http).pipe(Context.add(JwksCache.JwksCache, cache))
    return Context.merge(shared, yield* services.pipe(Effect.provide(shared)))
  })

/**
 * Every area service from an already provided `StytchConfig`, with the default JWKS cache settings (for others,
 * `layerServices` over `JwksCache.layer(options)`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithoutConfig: Layer.Layer<
  Exclude<Provided, StytchConfig.StytchConfig>,
  never,
  StytchConfig.StytchConfig | HttpClient.HttpClient
> = /* @__PURE__ */ Layer.effectContext(everything(undefined))

/** `everything` for resolved options, with the resolved config in the context too. */
const fromOptions = (
  options: Options
): Effect.Effect<Context.Context<Provided>, Config.ConfigError, HttpClient.HttpClient | Scope.Scope> =>
  Effect.flatMap(StytchConfig.make(options), (resolved) =>
    Effect.map(
      Effect.provideService(everything(options.jwks), StytchConfig.StytchConfig, resolved),
      Context.add(StytchConfig.StytchConfig, resolved)
    ))

/**
 * Every area service, configured by options. Requires only an `HttpClient`: `HttpTransport.layer` (the
 * default: keep-alive `node:http` on Node, `fetch` elsewhere), or any other `HttpClient` layer.
 * An invalid option fails when the layer is built, with a `ConfigError` naming it (`options.projectId`, ...).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<Provided, Config.ConfigError, HttpClient.HttpClient> =>
  Layer.effectContext(fromOptions(options))

/**
 * Every area service, with the options read from Effect `Config`s: `Stytch.layerConfig(StytchConfig.fromEnv)` reads
 * the documented environment variables; `Stytch.layerConfig({ projectId: Config.String("ID"), ... })` any others
 * (timeout, retries and JWKS settings included).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Wrap<Options>
): Layer.Layer<Provided, Config.ConfigError, HttpClient.HttpClient> =>
  Layer.effectContext(Effect.flatMap(Config.unwrap(config), fromOptions))

/**
 * `layerConfig(StytchConfig.fromEnv)`: `STYTCH_PROJECT_ID`, `STYTCH_SECRET` and the optional `STYTCH_BASE_URL`,
 * `STYTCH_FRAUD_BASE_URL`, through Effect's `ConfigProvider` (so the environment by default).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromEnv: Layer.Layer<Provided, Config.ConfigError, HttpClient.HttpClient> =
  /* @__PURE__ */ layerConfig(StytchConfig.fromEnv)
