/**
 * What the passwordless areas (magic links and OTPs) share: locale and expiry checks, finding or creating the user
 * a send is addressed to (including the "add a new email / phone number to an existing user" flow), the outbox, and
 * the IP / user-agent match options of authenticate.
 */
import * as Effect from "effect/Effect"
import { type ApiFailure, type Ctx, fail } from "../internal/contract.js"
import {
  type EmailRecord,
  iso,
  newId,
  type OutboxMessage,
  type PhoneRecord,
  type Store,
  type UserRecord
} from "../internal/store.js"
import { addEmail, addPhone, checkEmail, checkPhone, findSession, getUser, insertUser, newUser } from "./common.js"

// ---------------------------------------------------------------------------------------------------------------
// Request checks

/** The locales Stytch's templates exist in (the union of the magic link and OTP lists of the API). */
const LOCALES = ["en", "es", "pt-br", "fr", "it", "de-DE", "zh-Hans", "ca-ES"]

/** Validates `locale` and returns its canonical spelling (matching ignores case: `pt-BR` is `pt-br`). */
export const checkLocale = (locale: string | undefined): Effect.Effect<string | undefined, ApiFailure> => {
  if (locale === undefined) return Effect.succeed(undefined)
  const known = LOCALES.find((l) => l.toLowerCase() === locale.toLowerCase())
  return known === undefined ? fail("invalid_locale", undefined, 400) : Effect.succeed(known)
}

/** An expiry in whole minutes within the documented range, or the default when absent. */
export const checkMinutes = (
  value: number | undefined,
  options: {
    readonly field: string
    readonly fallback: number
    readonly min: number
    readonly max: number
    readonly error_type: string
  }
): Effect.Effect<number, ApiFailure> => {
  if (value === undefined) return Effect.succeed(options.fallback)
  return Number.isInteger(value) && value >= options.min && value <= options.max
    ? Effect.succeed(value)
    : fail(options.error_type, `${options.field} must be between ${options.min} and ${options.max}.`, 400)
}

/** The caller's `attributes`, without empty keys, as stored with a token or code. */
export const sendAttributes = (
  attributes: { readonly ip_address?: string | undefined; readonly user_agent?: string | undefined } | undefined
): { ip_address?: string; user_agent?: string } | undefined => {
  if (attributes === undefined) return undefined
  const out: { ip_address?: string; user_agent?: string } = {}
  if (attributes.ip_address !== undefined) out.ip_address = attributes.ip_address
  if (attributes.user_agent !== undefined) out.user_agent = attributes.user_agent
  return out
}

/**
 * `options.ip_match_required` / `options.user_agent_match_required` of authenticate: the request's `attributes`
 * must equal those given when the token or code was sent. When the send recorded no value, a required match cannot
 * be confirmed, so it fails too.
 */
export const checkAttributeMatch = (
  stored: { readonly ip_address?: string; readonly user_agent?: string } | undefined,
  request: {
    readonly attributes?: { readonly ip_address?: string; readonly user_agent?: string } | undefined
    readonly options?: { readonly ip_match_required: boolean; readonly user_agent_match_required: boolean } | undefined
  }
): Effect.Effect<void, ApiFailure> => {
  const { attributes, options } = request
  const ipOk = !options?.ip_match_required ||
    (stored?.ip_address !== undefined && stored.ip_address === attributes?.ip_address)
  const agentOk = !options?.user_agent_match_required ||
    (stored?.user_agent !== undefined && stored.user_agent === attributes?.user_agent)
  return ipOk && agentOk ? Effect.void : fail("attribute_mismatch")
}

// ---------------------------------------------------------------------------------------------------------------
// Who a send is addressed to

/** A factor added to an existing user by a send lives this long unless it is authenticated (then it stays). */
export const UNVERIFIED_WINDOW_MILLIS = 5 * 60_000

/** Email addresses and phone numbers, handled alike. */
interface FactorKind<R> {
  readonly check: (value: string) => Effect.Effect<string, ApiFailure>
  readonly owner: (store: Store, value: string) => UserRecord | undefined
  readonly find: (user: UserRecord, value: string) => R | undefined
  readonly add: (store: Store, user: UserRecord, value: string, verified: boolean, unverifiedUntil?: number) => R
  readonly notFound: string
  readonly duplicate: string
}

const emailKind: FactorKind<EmailRecord> = {
  check: checkEmail,
  owner: (store, email) => store.userByEmail(email),
  find: (user, email) => user.emails.find((e) => e.email.toLowerCase() === email.toLowerCase()),
  add: addEmail,
  notFound: "email_not_found",
  duplicate: "duplicate_email"
}

const phoneKind: FactorKind<PhoneRecord> = {
  check: checkPhone,
  owner: (store, phone) => store.userByPhone(phone),
  find: (user, phone) => user.phone_numbers.find((p) => p.phone_number === phone),
  add: addPhone,
  notFound: "phone_number_not_found",
  duplicate: "duplicate_phone_number"
}

/**
 * The result of resolving a send: the user (for loginOrCreate possibly new and not stored yet) and a `commit` that
 * stores whatever the send creates and returns the factor's record. Call `commit` in the handler's commit block.
 */
export interface Recipient<R> {
  readonly user: UserRecord
  readonly created: boolean
  readonly commit: () => R
}

interface SendTarget {
  readonly user_id?: string | undefined
  readonly session_token?: string | undefined
  readonly session_jwt?: string | undefined
}

/** The existing user named by `user_id`, `session_token` or `session_jwt`, if any (they must agree). */
const targetUser = (ctx: Ctx, req: SendTarget): Effect.Effect<UserRecord | undefined, ApiFailure> =>
  Effect.gen(function*() {
    const session = req.session_token !== undefined || req.session_jwt !== undefined
      ? yield* findSession(ctx, req)
      : undefined
    const byId = req.user_id === undefined ? undefined : yield* getUser(ctx.store, req.user_id)
    if (session !== undefined && byId !== undefined && session.user_id !== byId.user_id) {
      return yield* fail("user_id_mismatch", "The user_id does not match the user of the session.", 400)
    }
    return byId ?? (session === undefined ? undefined : yield* getUser(ctx.store, session.user_id))
  })

/**
 * A send to an existing user: the factor must belong to a user, unless the request names the user (then a factor
 * the user lacks is added, unverified for 5 minutes; one that belongs to another user is a duplicate).
 */
const forSend = <R extends { unverifiedUntil?: number | undefined }>(kind: FactorKind<R>) =>
(
  ctx: Ctx,
  value: string,
  req: SendTarget
): Effect.Effect<Recipient<R>, ApiFailure> =>
  Effect.gen(function*() {
    yield* kind.check(value)
    const owner = kind.owner(ctx.store, value)
    const target = yield* targetUser(ctx, req)
    if (target === undefined) {
      if (owner === undefined) return yield* fail(kind.notFound)
      const record = kind.find(owner, value)!
      return { user: owner, created: false, commit: () => record }
    }
    if (owner !== undefined && owner.user_id !== target.user_id) return yield* fail(kind.duplicate)
    const existing = kind.find(target, value)
    return {
      user: target,
      created: false,
      commit: () => existing ?? kind.add(ctx.store, target, value, false, ctx.now + UNVERIFIED_WINDOW_MILLIS)
    }
  })

/** loginOrCreate: the user who has the factor, or a new user with it (active unless `create_user_as_pending`). */
const forLoginOrCreate = <R>(kind: FactorKind<R>) =>
(
  ctx: Ctx,
  value: string,
  asPending: boolean
): Effect.Effect<Recipient<R>, ApiFailure> =>
  Effect.gen(function*() {
    yield* kind.check(value)
    const owner = kind.owner(ctx.store, value)
    if (owner !== undefined) {
      const record = kind.find(owner, value)!
      return { user: owner, created: false, commit: () => record }
    }
    const user = newUser(ctx, asPending ? "pending" : "active")
    return {
      user,
      created: true,
      commit: () => {
        // addEmail/addPhone index the factor; insertUser stores the user (and re-indexes, harmlessly).
        const record = kind.add(ctx.store, user, value, false)
        insertUser(ctx.store, user)
        return record
      }
    }
  })

export const emailForSend = forSend(emailKind)
export const phoneForSend = forSend(phoneKind)
export const emailForLoginOrCreate = forLoginOrCreate(emailKind)
export const phoneForLoginOrCreate = forLoginOrCreate(phoneKind)

// ---------------------------------------------------------------------------------------------------------------
// Delivery and verification

/** Records a message the API would have sent. */
export const deliver = (ctx: Ctx, message: Omit<OutboxMessage, "id" | "sent_at">): OutboxMessage => {
  const sent: OutboxMessage = { ...message, id: newId("message", ctx.store.settings.projectId), sent_at: iso(ctx.now) }
  ctx.store.send(sent)
  return sent
}

/**
 * After a successful passwordless authentication of a factor: the factor is verified and, if it was added by a send,
 * stays for good; a pending user becomes active.
 */
export const verifyFactor = (
  user: UserRecord,
  record: { verified: boolean; unverifiedUntil?: number | undefined }
): void => {
  record.verified = true
  delete record.unverifiedUntil
  if (user.status === "pending") user.status = "active"
}
