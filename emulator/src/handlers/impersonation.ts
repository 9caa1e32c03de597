/**
 * Impersonation: a user's session started from an impersonation token.
 *
 * Stytch issues these tokens from its Dashboard; the emulator has none, so the `mintImpersonationToken` test control
 * issues them (for an existing user, naming the impersonator). `impersonation.authenticate` then behaves as the docs
 * describe: the token is single-use and short-lived, and it starts a 60-minute session whose factor is
 * `{ type: "impersonated", delivery_method: "impersonation", impersonated_factor: { impersonator_id,
 * impersonator_email_address } }`.
 *
 * Guesses (the catalogue has the error_type but no status or message; the docs do not give the token's lifetime):
 * - tokens live 5 minutes;
 * - an unknown, used or expired token, or one whose user was deleted since, is `unable_to_auth_impersonation_token`
 *   (401, as the other `unable_to_auth_*` errors);
 * - "impersonated sessions cannot be extended" (the docs) is read as: a session holding the `impersonated` factor
 *   never expires later than one hour after it started; asking for more is not an error, the hour stays
 *   (`extendSession` in common.ts).
 */
import * as Effect from "effect/Effect"
import { fail, type AreaHandlers } from "../internal/contract.js"
import { newToken, type Store } from "../internal/store.js"
import { factor, prepareSession, userWire } from "./common.js"

const TOKEN_LIFETIME_MS = 5 * 60_000
const SESSION_MINUTES = 60

/** What the impersonator is called in the session's factor. */
export interface MintImpersonationTokenRequest {
  readonly user_id: string
  /** Default: `member-test-00000000-0000-4000-8000-000000000000` (a Dashboard member id). */
  readonly impersonator_id?: string | undefined
  /** Default: `support@example.com`. */
  readonly impersonator_email_address?: string | undefined
}

/** Issues a single-use impersonation token for an existing user; throws when there is no such user. */
export const mintImpersonationToken = (
  store: Store,
  now: number,
  request: MintImpersonationTokenRequest
): { readonly impersonation_token: string; readonly expires_at: string } => {
  if (typeof request.user_id !== "string" || !store.users.has(request.user_id)) {
    throw new Error(`mintImpersonationToken: no user ${String(request.user_id)}`)
  }
  const token = newToken()
  store.putToken({
    token,
    kind: "impersonation",
    user_id: request.user_id,
    expires_at: now + TOKEN_LIFETIME_MS,
    used: false,
    data: {
      impersonator_id: request.impersonator_id ?? "member-test-00000000-0000-4000-8000-000000000000",
      impersonator_email_address: request.impersonator_email_address ?? "support@example.com"
    }
  })
  return { impersonation_token: token, expires_at: new Date(now + TOKEN_LIFETIME_MS).toISOString() }
}

export const impersonationHandlers = {
  "impersonation.authenticate": (ctx, req: { readonly impersonation_token: string }) =>
    Effect.gen(function*() {
      const record = ctx.store.tokens.get(req.impersonation_token)
      const user = record === undefined ? undefined : ctx.store.users.get(record.user_id)
      if (
        record === undefined || record.kind !== "impersonation" || record.used || record.expires_at <= ctx.now ||
        user === undefined
      ) {
        return yield* fail(
          "unable_to_auth_impersonation_token",
          "The impersonation token could not be authenticated because it was either already used or expired.",
          401
        )
      }
      const impersonated = factor(ctx, "impersonated", "impersonation", {
        impersonated_factor: {
          impersonator_id: String(record.data?.["impersonator_id"]),
          impersonator_email_address: String(record.data?.["impersonator_email_address"])
        }
      })
      const startSession = yield* prepareSession(ctx, user, impersonated, { session_duration_minutes: SESSION_MINUTES })
      record.used = true
      return { user_id: user.user_id, user: userWire(user), ...startSession() }
    })
} satisfies AreaHandlers
