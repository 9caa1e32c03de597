/**
 * OAuth: an emulated identity provider. A test mints a token as if the user had completed the provider's redirect
 * flow; `oauth.authenticate` then consumes it.
 */
import type { Handlers } from "../internal/app.js"
import { newToken, type Store } from "../internal/store.js"

export interface MintOAuthTokenRequest {
  /** google, github, microsoft, apple, ... */
  readonly provider_type: string
  /** The user's id at the provider. */
  readonly provider_subject: string
  /** The email the provider vouches for. */
  readonly email?: string | undefined
  readonly email_verified?: boolean | undefined
  readonly name?: string | undefined
  readonly profile_picture_url?: string | undefined
  readonly locale?: string | undefined
  /** Minutes until the token expires. Default: 10. */
  readonly expiration_minutes?: number | undefined
}

/** Records a token for a completed provider flow. (The authenticate side lives in `oauthHandlers`.) */
export const mintOAuthToken = (store: Store, now: number, request: MintOAuthTokenRequest): { token: string } => {
  const token = newToken()
  store.tokens.set(token, {
    token,
    kind: "oauth",
    user_id: "",
    expires_at: now + (request.expiration_minutes ?? 10) * 60_000,
    used: false,
    data: { ...request }
  })
  return { token }
}

export const oauthHandlers: Handlers = {}
