/**
 * Passwords: create, authenticate, strength check, migrate, and the three reset flows.
 *
 * Every handler follows the store's consistency rule in three phases:
 *   1. cheap stateless checks and read-only lookups (fail fast, before any costly hashing);
 *   2. the asynchronous work (hashing the new password, verifying the presented one);
 *   3. one `atomic` block that re-reads the state, re-validates everything that matters and then mutates.
 * A request that fails in any phase changes nothing, and concurrent requests never interleave inside phase 3.
 */
import * as Effect from "effect/Effect"
import type { PasswordsEmailResetRequest, SessionEncoded } from "../../../src/schemas/Models.js"
import { createHash } from "node:crypto"
import {
  checkHashCost,
  checkMigrateConfig,
  type HashType,
  hashPassword,
  type MigrateConfig,
  strengthCheck,
  type StrengthResult,
  verifyMigratedHash,
  verifyPassword
} from "../crypto/passwords.js"
import { type ApiFailure, type Ctx, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import {
  type AuthenticationFactor,
  type EmailRecord,
  iso,
  newId,
  newToken,
  type PasswordRecord,
  type TokenRecord,
  type UserRecord
} from "../internal/store.js"
import {
  mergeMetadata,
  addPhone,
  checkEmail,
  checkPhone,
  cleanCustomClaims,
  factor,
  findSession,
  insertUser,
  newUser,
  prepareSession,
  revokeUserSessions,
  sessionJwt,
  sessionWire,
  userWire
} from "./common.js"

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/**
 * Runs a validate-then-mutate block to completion in one go. `Effect.gen` steps may yield to other fibers (the
 * runtime yields after a number of operations), so the block is run synchronously with `runSync`: no other request
 * can observe or change the state half way. The block must be synchronous; an async step would be a defect (a 500
 * "Emulator defect" answer), which is what we want for such a bug.
 */
const atomic = <A>(block: Effect.Effect<A, ApiFailure>): Effect.Effect<A, ApiFailure> =>
  Effect.suspend(() => {
    const result = Effect.runSync(Effect.either(block))
    return result._tag === "Right" ? Effect.succeed(result.right) : Effect.fail(result.left)
  })

/** Hashing runs on libuv's thread pool; it never fails for a string input. */
const hashNative = (password: string): Effect.Effect<string> => Effect.promise(() => hashPassword(password))

const emailRecord = (user: UserRecord, email: string): EmailRecord | undefined =>
  user.emails.find((e) => e.email.toLowerCase() === email.toLowerCase())

const passwordFactor = (ctx: Ctx, email: EmailRecord) =>
  factor(ctx, "password", "knowledge", { email_factor: { email_id: email.email_id, email_address: email.email } })

/** The strength check of a password about to be stored: `breached_password` first, then `weak_password`. */
const checkNewPassword = (ctx: Ctx, password: string, userInputs: ReadonlyArray<string>) =>
  Effect.suspend(() => {
    const result = strengthCheck(password, ctx.store.settings.passwordPolicy, userInputs)
    if (result.breached_password) return fail("breached_password")
    if (!result.valid_password) return fail("weak_password")
    return Effect.void
  })

// The pre-hijack rule.
//
// Seed: a user who has a password and then authenticates with an email-based passwordless method (magic link, email
// OTP, OAuth) tied to the same email *for the first time* must reset the password before using it again. The
// magic-link / OTP / OAuth handlers (another area) record such emails in `user.passwordlessEmails` and, through
// `markPasswordlessEmailAuth` in common.ts, flag the password `requiresReset`. This module only *reads* that set.
//
// Reading the set naively ("the email is in the set => reset_password") would be wrong: a user who signed up by
// magic link and later set a password (migrate, reset flows) would be locked out forever, and so would every user
// right after the forced reset. What matters is whether the passwordless login happened *after* the current password
// was set. So each password this module stores remembers which emails were already in the set at that moment, and
// only emails added since then trigger the rule. (Passwords stored elsewhere have no snapshot; for them the
// `requiresReset` flag alone decides.)
const passwordlessAtSet = new WeakMap<PasswordRecord, ReadonlySet<string>>()

const storePassword = (user: UserRecord, record: PasswordRecord): void => {
  user.password = record
  passwordlessAtSet.set(record, new Set(user.passwordlessEmails))
}

/** A new native password; keeps the user's password_id when there is one (same factor, new secret). */
const nativePassword = (ctx: Ctx, user: UserRecord, hash: string): PasswordRecord => ({
  password_id: user.password?.password_id ?? newId("password", ctx.store.settings.projectId),
  kind: "native",
  hash,
  requiresReset: false
})

/**
 * Whether this password must be reset (by email or with a fresh session) before it can be used again: flagged
 * `requires_reset`, a passwordless login with this email since it was set, or a breached password (`reset_password`).
 */
const mustReset = (ctx: Ctx, user: UserRecord, record: PasswordRecord, email: string, password: string): boolean => {
  if (record.requiresReset) return true
  const key = email.toLowerCase()
  const snapshot = passwordlessAtSet.get(record)
  if (snapshot !== undefined && user.passwordlessEmails.has(key) && !snapshot.has(key)) return true
  // Seed: "The user's credentials appeared in the HaveIBeenPwned dataset." Not persisted: the answer is the same on
  // every attempt anyway, and a failed request must not change state.
  return strengthCheck(password, ctx.store.settings.passwordPolicy).breached_password
}

/** Checks a password against the stored record; migrated hashes use their own algorithm. */
const verifyRecord = (record: PasswordRecord, password: string): Effect.Effect<boolean> =>
  Effect.promise(() =>
    record.kind === "native"
      ? verifyPassword(password, record.hash)
      : verifyMigratedHash(password, record.hash_type, record.hash, record.config)
  )

/**
 * Phase 2 of every flow that presents an existing password: verification, plus (for an imported hash that
 * verifies) a native hash to upgrade to on success.
 */
const verifyPresented = (record: PasswordRecord, password: string) =>
  Effect.gen(function*() {
    const ok = yield* verifyRecord(record, password)
    const upgrade = ok && record.kind === "migrated" ? yield* hashNative(password) : undefined
    return { ok, upgrade }
  })

/** Looks up the user of a login email (phase 1; re-read in phase 3). */
const userWithPassword = (ctx: Ctx, email: string) =>
  Effect.gen(function*() {
    yield* checkEmail(email)
    const user = ctx.store.userByEmail(email)
    if (user === undefined) return yield* fail("email_not_found")
    if (user.password === undefined) return yield* fail("no_user_password")
    return { user, record: user.password }
  })

/**
 * Phase 3 re-check of a presented password: the user and the exact password record verified in phase 2 must still
 * be there. A concurrent reset or deletion in between means the verification is stale, so the request fails.
 */
const stillVerified = (ctx: Ctx, user_id: string, record: PasswordRecord, ok: boolean) =>
  Effect.suspend(() => {
    const user = ctx.store.users.get(user_id)
    if (user === undefined) return fail("email_not_found")
    if (user.password !== record || !ok) return fail("unauthorized_credentials")
    return Effect.succeed(user)
  })

/** The session part of an answer: tokens (empty when no session) and `session` (`null` when none, as Stytch). */
const withSession = (s: { session_token: string; session_jwt: string; session: SessionEncoded | null }) => ({
  session_token: s.session_token,
  session_jwt: s.session_jwt,
  session: s.session
})


// ---------------------------------------------------------------------------------------------------------------
// create

const create: Handler<"passwords.create"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    yield* checkEmail(req.email)
    // Read-only pre-check, so a duplicate fails before the costly hash; re-checked in the atomic block.
    if (store.userByEmail(req.email) !== undefined) return yield* fail("duplicate_email")
    yield* checkNewPassword(ctx, req.password, [req.email])
    const hash = yield* hashNative(req.password)

    return yield* atomic(Effect.gen(function*() {
      if (store.userByEmail(req.email) !== undefined) return yield* fail("duplicate_email")
      // The user is built off-store and inserted only once every check (including the session options) passed.
      const user = newUser(ctx)
      const email: EmailRecord = {
        email_id: newId("email", store.settings.projectId),
        email: req.email,
        verified: false
      }
      user.emails.push(email)
      if (req.name !== undefined) user.name = { ...req.name }
      user.trusted_metadata = mergeMetadata({}, req.trusted_metadata)
      user.untrusted_metadata = mergeMetadata({}, req.untrusted_metadata)
      storePassword(user, nativePassword(ctx, user, hash))
      // No session_token/session_jwt on create, so a session exists only when session_duration_minutes is given.
      const commit = yield* prepareSession(ctx, user, passwordFactor(ctx, email), {
        session_duration_minutes: req.session_duration_minutes,
        session_custom_claims: req.session_custom_claims
      })
      insertUser(store, user)
      const session = commit()
      return { user_id: user.user_id, email_id: email.email_id, user: userWire(user), ...withSession(session) }
    }))
  })

// ---------------------------------------------------------------------------------------------------------------
// authenticate

const authenticate: Handler<"passwords.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const { record, user: found } = yield* userWithPassword(ctx, req.email)
    const { ok, upgrade } = yield* verifyPresented(record, req.password)

    return yield* atomic(Effect.gen(function*() {
      const user = yield* stillVerified(ctx, found.user_id, record, ok)
      // Only a caller who knows the password learns that a reset is required.
      if (mustReset(ctx, user, record, req.email, req.password)) return yield* fail("reset_password")
      const email = emailRecord(user, req.email)
      if (email === undefined) return yield* fail("email_not_found")
      const commit = yield* prepareSession(ctx, user, passwordFactor(ctx, email), req)
      if (upgrade !== undefined) {
        // Upgrade on login: the imported hash is replaced by a native one (same password_id, same pre-hijack state).
        const native: PasswordRecord = { ...nativePassword(ctx, user, upgrade), requiresReset: record.requiresReset }
        user.password = native
        const snapshot = passwordlessAtSet.get(record)
        if (snapshot !== undefined) passwordlessAtSet.set(native, snapshot)
      }
      const session = commit()
      return { user_id: user.user_id, user: userWire(user), ...withSession(session) }
    }))
  })

// ---------------------------------------------------------------------------------------------------------------
// strengthCheck

const strength: Handler<"passwords.strengthCheck"> = (ctx, req) =>
  Effect.sync(() => {
    // The policy in force decides the shape: `feedback.luds_requirements` only under LUDS.
    const result: StrengthResult = strengthCheck(
      req.password,
      ctx.store.settings.passwordPolicy,
      req.email === undefined ? [] : [req.email]
    )
    return { ...result }
  })

// ---------------------------------------------------------------------------------------------------------------
// migrate

const HASH_TYPES: ReadonlySet<string> = new Set<HashType>([
  "bcrypt",
  "md_5",
  "argon_2i",
  "argon_2id",
  "sha_1",
  "sha_512",
  "scrypt",
  "phpass",
  "pbkdf_2"
])

/** The catalogued error_type of each config field `checkMigrateConfig` can complain about. */
const CONFIG_ERROR_TYPES: Record<string, string> = {
  "scrypt_config.salt": "invalid_base64_scrypt_salt",
  "scrypt_config.n_parameter": "invalid_scrypt_n_parameter",
  "scrypt_config.r_parameter": "invalid_scrypt_parameters",
  "scrypt_config.p_parameter": "invalid_scrypt_parameters",
  "scrypt_config.key_length": "invalid_scrypt_parameters",
  "pbkdf_2_config.salt": "invalid_pbkdf_2_salt",
  "pbkdf_2_config.iteration_amount": "invalid_pbkdf_2_iteration_amount",
  "pbkdf_2_config.algorithm": "invalid_pbkdf_2_algorithm",
  "argon_2_config.salt": "invalid_argon_2_salt",
  "argon_2_config.iteration_amount": "invalid_argon_2_iteration_amount",
  "argon_2_config.threads": "invalid_argon_2_threads",
  "argon_2_config.memory": "invalid_argon_2_memory",
  "argon_2_config.key_length": "invalid_argon_2_key_length"
}

const configErrorType = (message: string): string => {
  const field = /^(\w+_config\.\w+)/.exec(message)?.[1]
  return (field === undefined ? undefined : CONFIG_ERROR_TYPES[field]) ?? "bad_request"
}

const HEX = /^[0-9a-f]+$/i
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$/

/** Whether a stored digest (hex or base64, as the crypto module accepts) encodes exactly `bytes` bytes. */
const digestOf = (hash: string, bytes: number): boolean => {
  const s = hash.trim()
  if (s.length === bytes * 2 && HEX.test(s)) return true
  return BASE64.test(s) && Buffer.from(s, s.includes("-") || s.includes("_") ? "base64url" : "base64").length === bytes
}

const looksEncoded = (hash: string) => HEX.test(hash.trim()) || BASE64.test(hash.trim())

const BCRYPT = /^\$2[aby]?\$(\d{2})\$[./A-Za-z0-9]{53}$/
const PHC_ARGON2 = /^\$argon2(id|i)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/

/**
 * Rejects hashes that can never verify, with the catalogue's type for each hash family (Stytch validates the
 * hash's shape at import time rather than failing every later login). Returns [error_type, message].
 */
const checkHashShape = (hashType: HashType, hash: string, config: MigrateConfig): [string, string] | undefined => {
  switch (hashType) {
    case "bcrypt": {
      const m = BCRYPT.exec(hash)
      if (m === null) return ["invalid_bcrypt_hash", "The hash is not a bcrypt hash ($2a$, $2b$ or $2y$)."]
      const cost = Number(m[1])
      return cost < 4 || cost > 31 ? ["invalid_bcrypt_cost", "The bcrypt cost must be between 4 and 31."] : undefined
    }
    case "md_5":
      return digestOf(hash, 16) ? undefined : ["invalid_md_5_hash", "The hash is not a hex or base64 MD-5 digest."]
    case "sha_1":
      return digestOf(hash, 20) ? undefined : ["invalid_sha_1_hash", "The hash is not a hex or base64 SHA-1 digest."]
    case "sha_512":
      return digestOf(hash, 64)
        ? undefined
        : ["invalid_sha_512_hash", "The hash is not a hex or base64 SHA-512 digest."]
    case "scrypt": {
      if (digestOf(hash, config.scrypt_config!.key_length)) return undefined
      return looksEncoded(hash)
        ? ["scrypt_key_length_mismatch", "The scrypt_config.key_length does not match the length of the hash."]
        : ["invalid_base64_scrypt_hash", "The scrypt hash must be base64 encoded."]
    }
    case "pbkdf_2": {
      if (digestOf(hash, config.pbkdf_2_config!.key_length)) return undefined
      return looksEncoded(hash)
        ? ["pbkdf_2_key_length_mismatch", "The pbkdf_2_config.key_length does not match the length of the hash."]
        : ["invalid_pbkdf_2_hash", "The PBKDF2 hash must be hex or base64 encoded."]
    }
    case "argon_2i":
    case "argon_2id": {
      const phc = PHC_ARGON2.exec(hash.trim())
      if (phc !== null) {
        return `argon_2${phc[1]}` === hashType
          ? undefined
          : ["invalid_hash", `The hash is an argon2${phc[1]} hash but hash_type is ${hashType}.`]
      }
      if (config.argon_2_config === undefined) {
        return ["invalid_hash", "A raw argon2 digest needs argon_2_config (or pass a PHC-encoded $argon2 hash)."]
      }
      return digestOf(hash, config.argon_2_config.key_length)
        ? undefined
        : ["argon_2_key_length_mismatch", "The key_length value doesn't match the length of the provided hash."]
    }
    case "phpass": {
      if (hash.startsWith("$2")) {
        return BCRYPT.test(hash)
          ? undefined
          : ["invalid_phpass_hash_format", "The bcrypt-style phpass hash is malformed."]
      }
      if (!hash.startsWith("$P$") && !hash.startsWith("$H$")) {
        return ["invalid_phpass_hash_prefix", "A phpass hash starts with $P$, $H$ or $2."]
      }
      return hash.length === 34
        ? undefined
        : ["invalid_phpass_hash_format", "A portable phpass hash has 34 characters."]
    }
  }
}

const migrate: Handler<"passwords.migrate"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    yield* checkEmail(req.email)
    if (!HASH_TYPES.has(req.hash_type)) {
      return yield* fail("invalid_hash_type", `hash_type must be one of ${[...HASH_TYPES].join(", ")}.`)
    }
    const hashType = req.hash_type as HashType
    const config: MigrateConfig = {
      ...(req.md_5_config === undefined ? {} : { md_5_config: req.md_5_config }),
      ...(req.argon_2_config === undefined ? {} : { argon_2_config: req.argon_2_config }),
      ...(req.sha_1_config === undefined ? {} : { sha_1_config: req.sha_1_config }),
      ...(req.sha_512_config === undefined ? {} : { sha_512_config: req.sha_512_config }),
      ...(req.scrypt_config === undefined ? {} : { scrypt_config: req.scrypt_config }),
      ...(req.pbkdf_2_config === undefined ? {} : { pbkdf_2_config: req.pbkdf_2_config })
    }
    const configProblem = checkMigrateConfig(hashType, config)
    if (configProblem !== undefined) return yield* fail(configErrorType(configProblem), configProblem)
    const shapeProblem = checkHashShape(hashType, req.hash, config) ?? checkHashCost(hashType, req.hash)
    if (shapeProblem !== undefined) return yield* fail(shapeProblem[0], shapeProblem[1])
    if (req.phone_number !== undefined) yield* checkPhone(req.phone_number)

    return yield* atomic(Effect.gen(function*() {
      const existing = store.userByEmail(req.email)
      // Seed: "Adds an existing password to a User's email that doesn't have a password yet." Overwriting a live
      // password would let an import silently replace what the user chose, so it is refused.
      if (existing?.password !== undefined) {
        return yield* fail(
          "password_already_exists",
          "This user already has a password; delete it or use a reset flow."
        )
      }
      if (req.phone_number !== undefined) {
        const owner = store.userByPhone(req.phone_number)
        if (owner !== undefined && owner !== existing) return yield* fail("duplicate_phone_number")
      }
      if (req.external_id !== undefined) {
        const owner = store.userByExternalId(req.external_id)
        if (owner !== undefined && owner !== existing) return yield* fail("duplicate_user_external_id")
      }

      // Stytch creates the user when the email is unknown. Profile fields apply to an existing user as users.update
      // would apply them (name merged, metadata merged with null deleting, roles replaced).
      const user = existing ?? newUser(ctx)
      let email = emailRecord(user, req.email)
      if (email === undefined) {
        email = { email_id: newId("email", store.settings.projectId), email: req.email, verified: false }
        user.emails.push(email)
      }
      // The dangerous flag: only the caller can attest that the user owns the address.
      if (req.set_email_verified === true) email.verified = true
      if (req.name !== undefined) user.name = { ...user.name, ...req.name }
      user.trusted_metadata = mergeMetadata(user.trusted_metadata, req.trusted_metadata)
      user.untrusted_metadata = mergeMetadata(user.untrusted_metadata, req.untrusted_metadata)
      if (req.roles !== undefined) user.roles = [...req.roles]
      if (req.external_id !== undefined && req.external_id !== user.external_id) {
        // A new user is indexed (external id included) when it is inserted below.
        if (existing !== undefined) store.setExternalId(user, req.external_id)
        else user.external_id = req.external_id
      }
      storePassword(user, {
        password_id: newId("password", store.settings.projectId),
        kind: "migrated",
        hash_type: hashType,
        hash: req.hash,
        config,
        requiresReset: false
      })
      if (existing === undefined) {
        if (req.phone_number !== undefined) {
          user.phone_numbers.push({
            phone_id: newId("phone-number", store.settings.projectId),
            phone_number: req.phone_number,
            verified: req.set_phone_number_verified === true
          })
        }
        insertUser(store, user)
      } else {
        // insertUser indexes a new user's factors; an existing user's new phone number is indexed by addPhone.
        if (req.phone_number !== undefined) {
          const phone = user.phone_numbers.find((p) => p.phone_number === req.phone_number) ??
            addPhone(store, user, req.phone_number, false)
          if (req.set_phone_number_verified === true) phone.verified = true
        }
      }
      return {
        user_id: user.user_id,
        email_id: email.email_id,
        user_created: existing === undefined,
        user: userWire(user)
      }
    }))
  })

// ---------------------------------------------------------------------------------------------------------------
// email.resetStart

const DEFAULT_RESET_MINUTES = 30
const MIN_RESET_MINUTES = 5
const MAX_RESET_MINUTES = 10080

const withTokenParams = (base: string, token: string): string => {
  const url = new URL(base)
  url.searchParams.set("stytch_token_type", "reset_password")
  url.searchParams.set("token", token)
  return url.toString()
}

const isUrl = (s: string) => {
  try {
    new URL(s)
    return true
  } catch {
    return false
  }
}

const resetStart: Handler<"passwords.email.resetStart"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    yield* checkEmail(req.email)
    const minutes = req.reset_password_expiration_minutes ?? DEFAULT_RESET_MINUTES
    if (!Number.isInteger(minutes) || minutes < MIN_RESET_MINUTES || minutes > MAX_RESET_MINUTES) {
      return yield* fail(
        "invalid_expiration",
        `reset_password_expiration_minutes must be between ${MIN_RESET_MINUTES} and ${MAX_RESET_MINUTES}.`
      )
    }
    const redirect: string | undefined = req.reset_password_redirect_url ?? store.settings.resetPasswordRedirectUrl
    if (redirect === undefined || redirect === "") return yield* fail("no_password_reset_redirect_url")
    if (!isUrl(redirect)) return yield* fail("invalid_password_reset_redirect_url")
    if (req.code_challenge !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(req.code_challenge)) {
      // A base64url SHA-256 digest is exactly 43 characters.
      return yield* fail("invalid_pkce_code_challenge", "code_challenge must be base64url(sha256(code_verifier)).")
    }

    return yield* atomic(Effect.gen(function*() {
      const user = store.userByEmail(req.email)
      const email = user === undefined ? undefined : emailRecord(user, req.email)
      if (user === undefined || email === undefined) return yield* fail("email_not_found")
      const token = newToken()
      const attributes = req.attributes === undefined
        ? undefined
        : {
          ...(req.attributes.ip_address === undefined ? {} : { ip_address: req.attributes.ip_address }),
          ...(req.attributes.user_agent === undefined ? {} : { user_agent: req.attributes.user_agent })
        }
      const record: TokenRecord = {
        token,
        kind: "password_reset",
        user_id: user.user_id,
        email: email.email,
        email_id: email.email_id,
        expires_at: ctx.now + minutes * 60_000,
        used: false,
        ...(attributes === undefined ? {} : { attributes }),
        ...(req.code_challenge === undefined ? {} : { code_challenge: req.code_challenge })
      }
      store.putToken(record)
      store.send({
        id: newId("email-message", store.settings.projectId),
        channel: "email",
        to: email.email,
        kind: "password_reset",
        user_id: user.user_id,
        token,
        url: withTokenParams(redirect, token),
        ...(req.locale === undefined ? {} : { locale: req.locale }),
        sent_at: iso(ctx.now)
      })
      return { user_id: user.user_id, email_id: email.email_id }
    }))
  })

// ---------------------------------------------------------------------------------------------------------------
// email.reset

const pkceChallenge = (verifier: string) => createHash("sha256").update(verifier, "utf8").digest("base64url")

/** The token's own checks: kind, single use, expiry, PKCE and (when asked) the start request's IP / user agent. */
const checkResetToken = (ctx: Ctx, record: TokenRecord | undefined, req: PasswordsEmailResetRequest) =>
  Effect.gen(function*() {
    // Unknown, used and expired tokens answer alike (Stytch does the same for magic links: nothing to probe).
    // The catalogue gives no status; 401 as for the magic-link equivalent, unable_to_auth_magic_link.
    if (record === undefined || record.kind !== "password_reset" || record.used || record.expires_at <= ctx.now) {
      return yield* fail(
        "unable_to_auth_password_reset_token",
        "The password reset token could not be authenticated: it is unknown, already used or expired.",
        401
      )
    }
    if (record.code_challenge !== undefined) {
      if (req.code_verifier === undefined) return yield* fail("pkce_expected_code_verifier")
      if (pkceChallenge(req.code_verifier) !== record.code_challenge) return yield* fail("pkce_mismatch")
    } else if (req.code_verifier !== undefined) {
      return yield* fail("pkce_did_not_expect_code_verifier")
    }
    const stored = record.attributes ?? {}
    const given = req.attributes ?? {}
    if (
      req.options?.ip_match_required === true &&
      (stored.ip_address === undefined || stored.ip_address !== given.ip_address)
    ) {
      return yield* fail("attribute_mismatch")
    }
    if (
      req.options?.user_agent_match_required === true &&
      (stored.user_agent === undefined || stored.user_agent !== given.user_agent)
    ) {
      return yield* fail("attribute_mismatch")
    }
    return record
  })

const emailReset: Handler<"passwords.email.reset"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    // Read-only pre-check of the token, so a bad token fails before the costly hash; re-checked atomically.
    const early = yield* checkResetToken(ctx, store.tokens.get(req.token), req)
    yield* checkNewPassword(ctx, req.password, early.email === undefined ? [] : [early.email])
    const hash = yield* hashNative(req.password)

    return yield* atomic(Effect.gen(function*() {
      const record = yield* checkResetToken(ctx, store.tokens.get(req.token), req)
      const user = store.users.get(record.user_id)
      if (user === undefined) return yield* fail("user_not_found")
      const email = user.emails.find((e) => e.email_id === record.email_id)
      if (email === undefined) return yield* fail("email_not_found")
      // The user proved control of the email by following the link: the session gets an email magic-link factor
      // (which also makes it eligible for passwords.sessions.reset in the next five minutes).
      const commit = yield* prepareSession(
        ctx,
        user,
        factor(ctx, "magic_link", "email", { email_factor: { email_id: email.email_id, email_address: email.email } }),
        req
      )
      // Seed: a successful reset by email revokes all of the user's sessions. A session the caller passes in to be
      // extended is the one exception (it is part of this very reset, and revoking it would leave nothing to extend).
      const keep = yield* keptSession(ctx, req)
      record.used = true
      storePassword(user, nativePassword(ctx, user, hash))
      email.verified = true
      email.unverifiedUntil = undefined
      revokeUserSessions(store, user.user_id, keep)
      const session = commit()
      return { user_id: user.user_id, user: userWire(user), ...withSession(session) }
    }))
  })

/** The id of the session named by session_token / session_jwt (already validated by prepareSession), if any. */
const keptSession = (ctx: Ctx, req: { session_token?: string | undefined; session_jwt?: string | undefined }) =>
  req.session_token === undefined && req.session_jwt === undefined
    ? Effect.succeed(undefined)
    : Effect.map(findSession(ctx, req), (s) => s.session_id)

// ---------------------------------------------------------------------------------------------------------------
// existingPassword.reset

const existingPasswordReset: Handler<"passwords.existingPassword.reset"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const { record, user: found } = yield* userWithPassword(ctx, req.email)
    yield* checkNewPassword(ctx, req.new_password, [req.email])
    const { ok } = yield* verifyPresented(record, req.existing_password)
    const hash = yield* hashNative(req.new_password)

    return yield* atomic(Effect.gen(function*() {
      const user = yield* stillVerified(ctx, found.user_id, record, ok)
      // A password that must be reset (flagged, pre-hijack, breached) is exactly the credential an attacker may hold,
      // so it cannot authorise its own replacement: only the email reset flow (or a fresh email session) can.
      if (mustReset(ctx, user, record, req.email, req.existing_password)) return yield* fail("reset_password")
      if (req.new_password === req.existing_password) {
        return yield* fail(
          "cannot_reset_password_with_existing_password",
          "The new password must be different from the existing password."
        )
      }
      const email = emailRecord(user, req.email)
      if (email === undefined) return yield* fail("email_not_found")
      const commit = yield* prepareSession(ctx, user, passwordFactor(ctx, email), req)
      // Seed: revokes all active sessions of the user (a session passed in to be extended excepted, as in email.reset).
      const keep = yield* keptSession(ctx, req)
      storePassword(user, nativePassword(ctx, user, hash))
      revokeUserSessions(store, user.user_id, keep)
      const session = commit()
      return { user_id: user.user_id, user: userWire(user), ...withSession(session) }
    }))
  })

// ---------------------------------------------------------------------------------------------------------------
// sessions.reset

const RESET_FACTOR_WINDOW_MS = 5 * 60_000

/** A password, email magic link or email OTP factor authenticated within the last five minutes (seed). */
const hasFreshResetFactor = (ctx: Ctx, factors: ReadonlyArray<AuthenticationFactor>) =>
  factors.some((f) =>
    (f.type === "password" || ((f.type === "magic_link" || f.type === "otp") && f.delivery_method === "email")) &&
    ctx.now - Date.parse(f.last_authenticated_at) <= RESET_FACTOR_WINDOW_MS
  )

const sessionsReset: Handler<"passwords.sessions.reset"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    // The same bounds as prepareSession's (this flow extends a session without adding a factor, so it cannot use it).
    const minutes = req.session_duration_minutes
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 5 || minutes > 527040)) {
      return yield* fail(
        "invalid_session_duration_minutes",
        "session_duration_minutes must be between 5 and 527040 (366 days)."
      )
    }
    const early = yield* findSession(ctx, req)
    const owner = store.users.get(early.user_id)
    yield* checkNewPassword(ctx, req.password, owner?.emails.map((e) => e.email) ?? [])
    const hash = yield* hashNative(req.password)

    return yield* atomic(Effect.gen(function*() {
      const session = yield* findSession(ctx, req)
      const user = store.users.get(session.user_id)
      if (user === undefined) return yield* fail("user_not_found")
      if (!hasFreshResetFactor(ctx, session.authentication_factors)) {
        return yield* fail("session_too_old_to_reset_password")
      }
      storePassword(user, nativePassword(ctx, user, hash))
      // Seed: every other session of the user is revoked; the one used for the reset lives on.
      revokeUserSessions(store, user.user_id, session.session_id)
      // No new factor: setting a password proves nothing new. The session is touched (and extended when asked).
      session.last_accessed_at = ctx.now
      if (minutes !== undefined) session.expires_at = ctx.now + minutes * 60_000
      if (req.session_custom_claims !== undefined) {
        session.custom_claims = { ...session.custom_claims, ...cleanCustomClaims(req.session_custom_claims) }
      }
      return {
        user_id: user.user_id,
        user: userWire(user),
        session_token: session.session_token,
        session_jwt: sessionJwt(ctx, session),
        session: sessionWire(session, user)
      }
    }))
  })

export const passwordsHandlers = {
  "passwords.create": create,
  "passwords.authenticate": authenticate,
  "passwords.strengthCheck": strength,
  "passwords.migrate": migrate,
  "passwords.email.resetStart": resetStart,
  "passwords.email.reset": emailReset,
  "passwords.existingPassword.reset": existingPasswordReset,
  "passwords.sessions.reset": sessionsReset
} satisfies AreaHandlers
