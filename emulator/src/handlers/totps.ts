/**
 * TOTPs: authenticator-app second factors (RFC 6238, SHA1, 30 s, 6 digits) and their recovery codes.
 *
 * A TOTP starts unverified and becomes verified on its first successful `totps.authenticate`; an unverified one is
 * unusable after `expiration_minutes` (default 1440, 5 to 1440, as Stytch documents). `user_id` may also be the
 * user's external_id, as Stytch documents for these endpoints.
 *
 * Choices where the documentation is silent (the catalogue has names but no statuses for most of these):
 * - `totps.create` while an unverified TOTP is pending replaces it (the user may have lost the QR code) rather than
 *   failing with `pending_totp_exists`; a verified one fails with `active_totp_exists` (documented).
 * - Codes from the previous, current and next 30 s step are accepted (documented). Once a code of some step has
 *   been accepted, codes of that step and earlier ones fail with `totp_code_already_authenticated`.
 * - Wrong codes fail with `unable_to_authenticate_totp`, wrong/used recovery codes with
 *   `unable_to_authenticate_recovery_code`, both 401 like the catalogue's other `unable_to_auth_*` types.
 * - A user without a usable TOTP fails with `totps_not_found_for_user` (404), or `expired_totp` when the only one is
 *   an unverified TOTP past its expiry.
 * - Recovery codes work only for a verified TOTP, and `totps.recoveryCodes` lists the unused ones.
 * - A recovery code given as a TOTP code (and a 6-digit code given as a recovery code) fails with the catalogue's
 *   `recovery_code_used_as_totp_code` (`totp_code_used_as_recovery_code`), recognised by its format.
 */
import * as Effect from "effect/Effect"
import { qrCodePngDataUrl } from "../crypto/qr.js"
import { generateRecoveryCodes, generateSecret, otpauthUrl, totpAt, verifyTotp } from "../crypto/totp.js"
import { type ApiFailure, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import { newId, type Store, type TotpRecord, type UserRecord } from "../internal/store.js"
import { factor, prepareSession, unknownUser, userWire } from "./common.js"

/** The issuer an authenticator app shows next to the account (Stytch shows the project's name). */
const ISSUER = "Stytch Emulator"
const DEFAULT_EXPIRATION_MINUTES = 1440
const STEP_MILLIS = 30_000
const RECOVERY_CODE = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/
const TOTP_CODE = /^[0-9]{6}$/

/** The user named by `user_id`, or by its external_id. */
const findUser = (store: Store, id: string): Effect.Effect<UserRecord, ApiFailure> => {
  const user = store.users.get(id) ?? store.userByExternalId(id)
  return user === undefined ? unknownUser(id) : Effect.succeed(user)
}

const isLive = (t: TotpRecord, now: number) => t.verified || t.expires_at === undefined || t.expires_at > now

/** The TOTP codes are checked against: the verified one, else the pending one that has not expired. */
const usableTotp = (user: UserRecord, now: number): Effect.Effect<TotpRecord, ApiFailure> => {
  const totp = user.totps.find((t) => t.verified) ?? user.totps.filter((t) => isLive(t, now)).at(-1)
  if (totp !== undefined) return Effect.succeed(totp)
  return user.totps.length > 0
    ? fail("expired_totp", "The user's TOTP was not verified before it expired. Create a new one.", 400)
    : fail("totps_not_found_for_user", "The user has no TOTP.", 404)
}

/** The time step whose code `code` is (previous, current or next), if any. */
const matchingStep = (secret: string, code: string, now: number): number | undefined => {
  // verifyTotp does the constant-time comparison; the loop only tells which step matched, for replay tracking.
  if (!verifyTotp(secret, code, now)) return undefined
  const current = Math.floor(now / STEP_MILLIS)
  return [current, current - 1, current + 1].find((step) => step >= 0 && totpAt(secret, step * STEP_MILLIS) === code)
}

const create: Handler<"totps.create"> = (ctx, req) =>
  Effect.gen(function*() {
    const user = yield* findUser(ctx.store, req.user_id)
    const minutes = req.expiration_minutes ?? DEFAULT_EXPIRATION_MINUTES
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440) {
      return yield* fail("invalid_expiration", "expiration_minutes must be between 5 and 1440.", 400)
    }
    if (user.totps.some((t) => t.verified)) return yield* fail("active_totp_exists")

    const secret = generateSecret()
    const recovery_codes = generateRecoveryCodes(10)
    const account = user.emails[0]?.email ?? user.phone_numbers[0]?.phone_number ?? user.user_id
    const qr_code = qrCodePngDataUrl(otpauthUrl({ secret, issuer: ISSUER, account }))
    const totp: TotpRecord = {
      totp_id: newId("totp", ctx.store.settings.projectId),
      secret,
      verified: false,
      recoveryCodes: recovery_codes.map((code) => ({ code, used: false })),
      created_at: ctx.now,
      expires_at: ctx.now + minutes * 60_000
    }
    // Only unverified TOTPs can be here (checked above): the new one replaces them.
    user.totps = [totp]
    return {
      totp_id: totp.totp_id,
      secret,
      qr_code,
      recovery_codes: [...recovery_codes],
      user: userWire(user),
      user_id: user.user_id
    }
  })

const authenticate: Handler<"totps.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const user = yield* findUser(ctx.store, req.user_id)
    const code = req.totp_code.trim()
    if (RECOVERY_CODE.test(code.toLowerCase())) {
      return yield* fail(
        "recovery_code_used_as_totp_code",
        "A recovery code was given as a TOTP code. Use totps.recover instead.",
        400
      )
    }
    const totp = yield* usableTotp(user, ctx.now)
    const step = TOTP_CODE.test(code) ? matchingStep(totp.secret, code, ctx.now) : undefined
    if (step === undefined) {
      return yield* fail("unable_to_authenticate_totp", "The TOTP code could not be authenticated.", 401)
    }
    if (totp.lastUsedStep !== undefined && step <= totp.lastUsedStep) {
      return yield* fail("totp_code_already_authenticated")
    }
    const commit = yield* prepareSession(
      ctx,
      user,
      factor(ctx, "totp", "authenticator_app", { authenticator_app_factor: { totp_id: totp.totp_id } }),
      req
    )
    totp.verified = true
    totp.expires_at = undefined
    totp.lastUsedStep = step
    const started = commit()
    return {
      user_id: user.user_id,
      totp_id: totp.totp_id,
      user: userWire(user),
      ...started
    }
  })

const recoveryCodes: Handler<"totps.recoveryCodes"> = (ctx, req) =>
  Effect.map(findUser(ctx.store, req.user_id), (user) => ({
    user_id: user.user_id,
    totps: user.totps.filter((t) => isLive(t, ctx.now)).map((t) => ({
      totp_id: t.totp_id,
      verified: t.verified,
      recovery_codes: t.recoveryCodes.filter((c) => !c.used).map((c) => c.code)
    }))
  }))

const recover: Handler<"totps.recover"> = (ctx, req) =>
  Effect.gen(function*() {
    const user = yield* findUser(ctx.store, req.user_id)
    const code = req.recovery_code.trim().toLowerCase()
    if (TOTP_CODE.test(code)) {
      return yield* fail(
        "totp_code_used_as_recovery_code",
        "A TOTP code was given as a recovery code. Use totps.authenticate instead.",
        400
      )
    }
    if (user.totps.length === 0) return yield* fail("totps_not_found_for_user", "The user has no TOTP.", 404)
    let found: { totp: TotpRecord; entry: TotpRecord["recoveryCodes"][number] } | undefined
    for (const totp of user.totps) {
      const entry = totp.recoveryCodes.find((c) => c.code === code)
      if (entry !== undefined) found = { totp, entry }
    }
    if (found === undefined || found.entry.used || !found.totp.verified) {
      const why = found === undefined
        ? "is not one of the user's recovery codes"
        : found.entry.used
        ? "has already been used"
        : "belongs to a TOTP that has not been verified yet"
      return yield* fail("unable_to_authenticate_recovery_code", `The recovery code ${why}.`, 401)
    }
    const { entry, totp } = found
    const commit = yield* prepareSession(
      ctx,
      user,
      // Each code is used once, so an id minted at use identifies it for good.
      factor(ctx, "recovery_codes", "recovery_code", {
        recovery_code_factor: { totp_recovery_code_id: newId("totp-recovery-code", ctx.store.settings.projectId) }
      }),
      req
    )
    entry.used = true
    const started = commit()
    return {
      totp_id: totp.totp_id,
      user_id: user.user_id,
      user: userWire(user),
      ...started
    }
  })

export const totpsHandlers = {
  "totps.create": create,
  "totps.authenticate": authenticate,
  "totps.recoveryCodes": recoveryCodes,
  "totps.recover": recover
} satisfies AreaHandlers
