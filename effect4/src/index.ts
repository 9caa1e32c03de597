/**
 * effect-stytch/effect4: the Effect-native SDK for the Stytch consumer (B2C) API, for apps on Effect 4.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as ConnectedApp from "./services/ConnectedApp.js"
/** @since 0.1.0 */
export * as CryptoWallets from "./services/CryptoWallets.js"
/** @since 0.1.0 */
export * as Debug from "./services/Debug.js"
/** @since 0.1.0 */
export * as Endpoints from "./schemas/Endpoints.js"
/** @since 0.1.0 */
export * as FetchClient from "./layers/FetchClient.js"
/** @since 0.1.0 */
export * as Fraud from "./services/Fraud.js"
/** @since 0.1.0 */
export * as HttpTransport from "./layers/HttpTransport.js"
/** @since 0.1.0 */
export * as IDP from "./services/IDP.js"
/** @since 0.1.0 */
export * as Impersonation from "./services/Impersonation.js"
/** @since 0.1.0 */
export * as JwksCache from "./layers/JwksCache.js"
/** @since 0.1.0 */
export * as M2M from "./services/M2M.js"
/** @since 0.1.0 */
export * as MagicLinks from "./services/MagicLinks.js"
/** @since 0.1.0 */
export * as Models from "./schemas/Models.js"
/** @since 0.1.0 */
export * as NodeClient from "./layers/NodeClient.js"
/** @since 0.1.0 */
export * as OAuth from "./services/OAuth.js"
/** @since 0.1.0 */
export * as OTPs from "./services/OTPs.js"
/** @since 0.1.0 */
export * as Passwords from "./services/Passwords.js"
/** @since 0.1.0 */
export * as Project from "./services/Project.js"
/** @since 0.1.0 */
export * as RBAC from "./services/RBAC.js"
/** @since 0.1.0 */
export * as Sessions from "./services/Sessions.js"
/** @since 0.1.0 */
export * as Stytch from "./Stytch.js"
/** @since 0.1.0 */
export * as StytchConfig from "./layers/StytchConfig.js"
/** @since 0.1.0 */
export * as StytchError from "./schemas/Errors.js"
/** @since 0.1.0 */
export * as StytchHttp from "./layers/StytchHttp.js"
/** @since 0.1.0 */
export * as TOTPs from "./services/TOTPs.js"
/** @since 0.1.0 */
export * as Users from "./services/Users.js"
/** @since 0.1.0 */
export * as WebAuthn from "./services/WebAuthn.js"
