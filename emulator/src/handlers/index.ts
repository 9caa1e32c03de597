/**
 * Every area's handlers, by endpoint id. The map is exhaustive (`Handlers`): a new endpoint in the table fails `tsc`
 * until it has a handler here (or a `notImplemented` placeholder from the contract).
 */
import type { Handlers } from "../internal/contract.js"
import { connectedAppsHandlers } from "./connectedApps.js"
import { cryptoWalletsHandlers } from "./cryptoWallets.js"
import { fraudHandlers } from "./fraud.js"
import { idpOAuthHandlers } from "./idpOAuth.js"
import { impersonationHandlers } from "./impersonation.js"
import { magicLinksHandlers } from "./magicLinks.js"
import { m2mHandlers } from "./m2m.js"
import { oauthHandlers } from "./oauth.js"
import { otpsHandlers } from "./otps.js"
import { passwordsHandlers } from "./passwords.js"
import { projectHandlers } from "./project.js"
import { sessionsHandlers } from "./sessions.js"
import { totpsHandlers } from "./totps.js"
import { trustedAuthTokensHandlers } from "./trustedAuthTokens.js"
import { usersHandlers } from "./users.js"
import { webauthnHandlers } from "./webauthn.js"

export const handlers: Handlers = {
  ...usersHandlers,
  ...cryptoWalletsHandlers,
  ...sessionsHandlers,
  ...passwordsHandlers,
  ...magicLinksHandlers,
  ...otpsHandlers,
  ...oauthHandlers,
  ...totpsHandlers,
  ...webauthnHandlers,
  ...m2mHandlers,
  ...connectedAppsHandlers,
  ...fraudHandlers,
  ...projectHandlers,
  ...impersonationHandlers,
  // After m2mHandlers: wraps its OAuth2 token and introspection handlers.
  ...idpOAuthHandlers,
  ...trustedAuthTokensHandlers
}
