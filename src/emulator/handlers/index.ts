/**
 * Every area's handlers, by endpoint id.
 */
import type { Handlers } from "../internal/app.js"
import { magicLinksHandlers } from "./magicLinks.js"
import { oauthHandlers } from "./oauth.js"
import { otpsHandlers } from "./otps.js"
import { passwordsHandlers } from "./passwords.js"
import { sessionsHandlers } from "./sessions.js"
import { totpsHandlers } from "./totps.js"
import { usersHandlers } from "./users.js"

export const handlers: Handlers = {
  ...usersHandlers,
  ...sessionsHandlers,
  ...passwordsHandlers,
  ...magicLinksHandlers,
  ...otpsHandlers,
  ...oauthHandlers,
  ...totpsHandlers
}
