/**
 * Every area service at once, from options or from the environment.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
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

const areas = Layer.mergeAll(
  Users.layer,
  Sessions.layer,
  Passwords.layer,
  MagicLinks.layer,
  OTPs.layer,
  OAuth.layer,
  TOTPs.layer,
  WebAuthn.layer,
  CryptoWallets.layer,
  M2M.layer,
  Fraud.layer,
  Project.layer,
  ConnectedApp.layer,
  IDP.layer,
  Impersonation.layer,
  RBAC.layer,
  Debug.layer
)

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
> = areas.pipe(
  Layer.provideMerge(JwksCache.layer()),
  Layer.provideMerge(StytchHttp.layer)
)

/**
 * Every area service, configured by options. Requires only an `HttpClient` (e.g. `FetchHttpClient.layer`).
 * A missing or malformed project id or secret fails when the layer is built.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: StytchConfig.Options
): Layer.Layer<Provided, ConfigError.ConfigError, HttpClient.HttpClient> =>
  layerWithoutConfig.pipe(Layer.provideMerge(StytchConfig.layer(options)))

/**
 * Every area service, configured from `STYTCH_PROJECT_ID`, `STYTCH_SECRET` and the optional `STYTCH_BASE_URL`,
 * `STYTCH_FRAUD_BASE_URL` (through Effect's `ConfigProvider`, so the environment by default).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig: Layer.Layer<Provided, ConfigError.ConfigError, HttpClient.HttpClient> = layerWithoutConfig
  .pipe(Layer.provideMerge(StytchConfig.layerFromEnv))
