/**
 * Users: create, get, search, update, exchange the primary factor, and delete users and their factors.
 */
import * as Effect from "effect/Effect"
import { type AreaHandlers, type Ctx, fail, type Handler, unknownId } from "../internal/contract.js"
import type { UserRecord } from "../internal/store.js"
import {
  addEmail,
  addPhone,
  checkEmail,
  checkPhone,
  getUser,
  insertUser,
  mergeMetadata,
  newUser,
  userWire
} from "./common.js"


const create: Handler<"users.create"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    if (req.email === undefined && req.phone_number === undefined) {
      return yield* fail("bad_request", "An email or a phone_number is required.")
    }
    if (req.email !== undefined) yield* checkEmail(req.email)
    if (req.phone_number !== undefined) yield* checkPhone(req.phone_number)
    if (req.email !== undefined && store.userByEmail(req.email)) return yield* fail("duplicate_email")
    if (req.phone_number !== undefined && store.userByPhone(req.phone_number)) {
      return yield* fail("duplicate_phone_number")
    }
    if (req.external_id !== undefined && (store.userByExternalId(req.external_id) !== undefined)) {
      return yield* fail("duplicate_user_external_id")
    }
    const user = newUser(ctx, req.create_user_as_pending ? "pending" : "active")
    const email = req.email === undefined ? undefined : addEmail(store, user, req.email, false)
    const phone = req.phone_number === undefined ? undefined : addPhone(store, user, req.phone_number, false)
    if (req.name !== undefined) user.name = { ...req.name }
    user.trusted_metadata = mergeMetadata({}, req.trusted_metadata)
    user.untrusted_metadata = mergeMetadata({}, req.untrusted_metadata)
    if (req.external_id !== undefined) user.external_id = req.external_id
    if (req.roles !== undefined) user.roles = [...req.roles]
    insertUser(store, user)
    return {
      user_id: user.user_id,
      email_id: email?.email_id ?? "",
      status: user.status,
      phone_id: phone?.phone_id ?? "",
      user: userWire(user)
    }
  })

const get: Handler<"users.get"> = (ctx, req) =>
  Effect.map(getUser(ctx.store, req.user_id), (user) => ({ ...userWire(user), user_id: user.user_id }))

// ---------------------------------------------------------------------------------------------------------------
// Search

type Operand = { readonly filter_name: string; readonly filter_value?: any }

const lower = (s: string) => s.toLowerCase()
const fullName = (u: UserRecord) =>
  [u.name?.first_name, u.name?.middle_name, u.name?.last_name].filter(Boolean).join(" ").toLowerCase()

/** Every filter the search understands; any other name is rejected rather than silently matching nothing. */
const FILTER_NAMES = new Set([
  "created_at_greater_than",
  "created_at_less_than",
  "created_at_between",
  "status",
  "oauth_provider",
  "user_id",
  "full_name_fuzzy",
  "phone_number",
  "phone_id",
  "phone_verified",
  "phone_number_fuzzy",
  "email_address",
  "email_id",
  "email_verified",
  "email_address_fuzzy",
  "webauthn_registration_verified",
  "webauthn_registration_id",
  "crypto_wallet_id",
  "crypto_wallet_address",
  "crypto_wallet_verified",
  "totp_id",
  "totp_verified",
  "password_exists"
])

const matchOperand = (u: UserRecord, op: Operand): boolean => {
  const v = op.filter_value
  const within = (values: ReadonlyArray<string>, candidates: ReadonlyArray<string>) =>
    candidates.some((c) => values.includes(c))
  switch (op.filter_name) {
    case "created_at_greater_than":
      return u.created_at > Date.parse(v)
    case "created_at_less_than":
      return u.created_at < Date.parse(v)
    case "created_at_between":
      return u.created_at > Date.parse(v.greater_than) && u.created_at < Date.parse(v.less_than)
    case "status":
      return u.status === v
    case "oauth_provider":
      // Providers are stored as Stytch names them (`Google`); the filter matches any case.
      return u.providers.some((p) => v.some((x: string) => x.toLowerCase() === p.provider_type.toLowerCase()))
    case "user_id":
      return v.includes(u.user_id)
    case "full_name_fuzzy":
      return fullName(u).includes(lower(v))
    case "phone_number":
      return within(v, u.phone_numbers.map((p) => p.phone_number))
    case "phone_id":
      return within(v, u.phone_numbers.map((p) => p.phone_id))
    case "phone_verified":
      return u.phone_numbers.some((p) => p.verified === v)
    case "phone_number_fuzzy":
      return u.phone_numbers.some((p) => p.phone_number.includes(v))
    case "email_address":
      return within(v.map(lower), u.emails.map((e) => lower(e.email)))
    case "email_id":
      return within(v, u.emails.map((e) => e.email_id))
    case "email_verified":
      return u.emails.some((e) => e.verified === v)
    case "email_address_fuzzy":
      return u.emails.some((e) => lower(e.email).includes(lower(v)))
    case "webauthn_registration_verified":
      return u.webauthn_registrations.some((w) => w.verified === v)
    case "webauthn_registration_id":
      return within(v, u.webauthn_registrations.map((w) => w.webauthn_registration_id))
    case "crypto_wallet_id":
      return within(v, u.crypto_wallets.map((w) => w.crypto_wallet_id))
    case "crypto_wallet_address":
      return within(v.map(lower), u.crypto_wallets.map((w) => lower(w.crypto_wallet_address)))
    case "crypto_wallet_verified":
      return u.crypto_wallets.some((w) => w.verified === v)
    case "totp_id":
      return within(v, u.totps.map((t) => t.totp_id))
    case "totp_verified":
      return u.totps.some((t) => t.verified === v)
    case "password_exists":
      return (u.password !== undefined) === v
    default:
      return false
  }
}

/** Cursors are opaque: the position after the last returned user, in (created_at, user_id) order. */
const encodeCursor = (u: UserRecord) => Buffer.from(JSON.stringify([u.created_at, u.user_id])).toString("base64url")
const decodeCursor = (cursor: string): [number, string] | undefined => {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
    return Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "string"
      ? [value[0], value[1]]
      : undefined
  } catch {
    return undefined
  }
}
const byCreation = (a: UserRecord, b: UserRecord) =>
  a.created_at - b.created_at || (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0)

const search: Handler<"users.search"> = (ctx, req) =>
  Effect.gen(function*() {
    const limit = req.limit ?? 100
    // The catalogue's user_search_* error types, so callers can catch them by tag.
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return yield* fail("user_search_invalid_limit", "limit must be between 1 and 1000.", 400)
    }
    const after = req.cursor === undefined || req.cursor === "" ? undefined : decodeCursor(req.cursor)
    if (req.cursor !== undefined && req.cursor !== "" && after === undefined) {
      return yield* fail("user_search_invalid_cursor", "The cursor is not valid.", 400)
    }
    const query = req.query
    if (query !== undefined && query.operator !== "AND" && query.operator !== "OR") {
      return yield* fail("user_search_invalid_operator", "operator must be AND or OR.", 400)
    }
    const operands: ReadonlyArray<Operand> = query?.operands ?? []
    for (const op of operands) {
      if (!FILTER_NAMES.has(op.filter_name)) {
        return yield* fail("user_search_filter_name_not_recognized", `Unknown filter_name: ${op.filter_name}.`, 400)
      }
      // The request schema's catch-all member lets a known name through without its value.
      if (op.filter_value === undefined) {
        return yield* fail("user_search_missing_filter_value", `filter_value is required for ${op.filter_name}.`, 400)
      }
    }
    const matches = (u: UserRecord) =>
      operands.length === 0 ||
      (query?.operator === "AND" ? operands.every((o) => matchOperand(u, o)) : operands.some((o) => matchOperand(u, o)))
    const all = [...ctx.store.users.values()].filter(matches).sort(byCreation)
    const start = after === undefined
      ? 0
      : all.findIndex((u) => byCreation(u, { created_at: after[0], user_id: after[1] } as UserRecord) > 0)
    const page = start < 0 ? [] : all.slice(start, start + limit)
    const more = start >= 0 && start + limit < all.length
    return {
      results: page.map(userWire),
      results_metadata: {
        total: all.length,
        next_cursor: more ? encodeCursor(page[page.length - 1]!) : null
      }
    }
  })

// ---------------------------------------------------------------------------------------------------------------
// Update and delete

const update: Handler<"users.update"> = (ctx, req) =>
  Effect.gen(function*() {
    const user = yield* getUser(ctx.store, req.user_id)
    if (
      req.external_id !== undefined && req.external_id !== user.external_id &&
      ctx.store.userByExternalId(req.external_id) !== undefined
    ) {
      return yield* fail("duplicate_user_external_id")
    }
    if (req.name !== undefined) user.name = { ...user.name, ...req.name }
    user.trusted_metadata = mergeMetadata(user.trusted_metadata, req.trusted_metadata)
    user.untrusted_metadata = mergeMetadata(user.untrusted_metadata, req.untrusted_metadata)
    if (req.external_id !== undefined) {
      ctx.store.setExternalId(user, req.external_id)
    }
    if (req.roles !== undefined) user.roles = [...req.roles]
    const wire = userWire(user)
    return {
      user_id: user.user_id,
      emails: wire.emails,
      phone_numbers: wire.phone_numbers,
      crypto_wallets: wire.crypto_wallets,
      user: wire
    }
  })

const exchangePrimaryFactor: Handler<"users.exchangePrimaryFactor"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const user = yield* getUser(store, req.user_id)
    // The catalogue's invalid_exchange_primary_factor_* types (the names this emulator used before were unknown
    // to the SDK, so they surfaced as StytchUnknownError).
    if ((req.email_address === undefined) === (req.phone_number === undefined)) {
      return yield* fail(
        "invalid_exchange_primary_factor_fields",
        "Exactly one of email_address or phone_number is required.",
        400
      )
    }
    if (user.emails.length + user.phone_numbers.length !== 1) {
      return yield* fail(
        "invalid_exchange_primary_factor_user",
        "The primary factor can only be exchanged on a user with exactly one email or phone number.",
        400
      )
    }
    if (req.email_address !== undefined) {
      yield* checkEmail(req.email_address)
      if (store.userByEmail(req.email_address)) return yield* fail("duplicate_email")
    } else {
      yield* checkPhone(req.phone_number ?? "")
      if (store.userByPhone(req.phone_number ?? "")) return yield* fail("duplicate_phone_number")
    }
    for (const e of [...user.emails]) store.removeEmail(user, e.email_id)
    for (const p of [...user.phone_numbers]) store.removePhone(user, p.phone_id)
    if (req.email_address !== undefined) addEmail(store, user, req.email_address, true)
    else addPhone(store, user, req.phone_number ?? "", true)
    return { user_id: user.user_id, user: userWire(user) }
  })

const deleteUser: Handler<"users.delete"> = (ctx, req) =>
  Effect.map(getUser(ctx.store, req.user_id), (user) => {
    ctx.store.deleteUser(user)
    return { user_id: user.user_id }
  })

/** Deletes one factor of whichever user has it. */
/**
 * Deletes one factor named by its id: 400 `invalid` when the id is not a well-formed `<prefix>-test-<uuid>`, 404
 * `notFound` when no user holds it. (Guess: the catalogue has no type for a malformed phone id; `invalid_phone_id`
 * is assumed, as for the other factors.)
 */
const deleteFactor = (
  [prefix, invalid, notFound]: readonly [string, string, string],
  id: string,
  find: (u: UserRecord) => boolean,
  remove: (ctx: Ctx, u: UserRecord) => void
) =>
(ctx: Ctx) =>
  Effect.suspend(() => {
    const user = [...ctx.store.users.values()].find(find)
    if (user === undefined) return unknownId(id, prefix, invalid, notFound)
    remove(ctx, user)
    return Effect.succeed({ user_id: user.user_id, user: userWire(user) })
  })

export const usersHandlers = {
  "users.create": create,
  "users.get": get,
  "users.search": search,
  "users.update": update,
  "users.exchangePrimaryFactor": exchangePrimaryFactor,
  "users.delete": deleteUser,
  "users.deleteEmail": (ctx, { email_id }) =>
    deleteFactor(["email", "invalid_email_id", "email_not_found"], email_id, (u) => u.emails.some((e) => e.email_id === email_id), (ctx, u) => {
      ctx.store.removeEmail(u, email_id)
    })(ctx),
  "users.deletePhoneNumber": (ctx, { phone_id }) =>
    deleteFactor(["phone-number", "invalid_phone_id", "phone_number_not_found"], phone_id, (u) => u.phone_numbers.some((p) => p.phone_id === phone_id), (ctx, u) => {
      ctx.store.removePhone(u, phone_id)
    })(ctx),
  "users.deleteWebAuthnRegistration": (ctx, { webauthn_registration_id: id }) =>
    deleteFactor(
      ["webauthn-registration", "invalid_webauthn_registration_id", "webauthn_registration_not_found"],
      id,
      (u) => u.webauthn_registrations.some((w) => w.webauthn_registration_id === id),
      (_, u) => {
        u.webauthn_registrations = u.webauthn_registrations.filter((w) => w.webauthn_registration_id !== id)
      }
    )(ctx),
  "users.deleteBiometricRegistration": (ctx, { biometric_registration_id: id }) =>
    deleteFactor(
      ["biometric-registration", "invalid_biometric_registration_id", "biometric_registration_not_found"],
      id,
      (u) => u.biometric_registrations.some((b) => b.biometric_registration_id === id),
      (_, u) => {
        u.biometric_registrations = u.biometric_registrations.filter((b) => b.biometric_registration_id !== id)
      }
    )(ctx),
  "users.deleteTOTP": (ctx, { totp_id }) =>
    deleteFactor(["totp", "invalid_totp_id", "totp_not_found"], totp_id, (u) => u.totps.some((t) => t.totp_id === totp_id), (_, u) => {
      u.totps = u.totps.filter((t) => t.totp_id !== totp_id)
    })(ctx),
  "users.deleteCryptoWallet": (ctx, { crypto_wallet_id: id }) =>
    deleteFactor(["crypto-wallet", "invalid_crypto_wallet_id", "crypto_wallet_not_found"], id, (u) => u.crypto_wallets.some((w) => w.crypto_wallet_id === id), (ctx, u) => {
      ctx.store.removeWallet(u, id)
    })(ctx),
  "users.deletePassword": (ctx, { password_id }) =>
    deleteFactor(["password", "invalid_password_id", "password_not_found"], password_id, (u) => u.password?.password_id === password_id, (_, u) => {
      u.password = undefined
    })(ctx),
  "users.deleteOAuthRegistration": (ctx, { oauth_user_registration_id: id }) =>
    deleteFactor(
      ["oauth-user", "invalid_oauth_user_registration_id", "oauth_user_registration_not_found"],
      id,
      (u) => u.providers.some((p) => p.oauth_user_registration_id === id),
      (_, u) => {
        u.providers = u.providers.filter((p) => p.oauth_user_registration_id !== id)
      }
    )(ctx),
  "users.deleteExternalId": (ctx, { user_id }) =>
    Effect.map(getUser(ctx.store, user_id), (user) => {
      ctx.store.setExternalId(user, undefined)
      return { user_id: user.user_id, user: userWire(user) }
    })
} satisfies AreaHandlers

