/**
 * Crypto wallets: sign-in with Ethereum and Solana wallets. `authenticateStart` issues a challenge for a wallet
 * (creating the user, or attaching the wallet to the user named by `user_id` / a session) and `authenticate` checks
 * the wallet's signature over it.
 *
 * - Ethereum: EIP-191 `personal_sign` (keccak-256 of `"\x19Ethereum Signed Message:\n" + byte length + message`),
 *   signature as hex `r || s || v` (65 bytes, `0x` optional, v = 27/28 or 0/1); the signer's address is recovered
 *   (secp256k1) and compared with the wallet's ignoring case. Addresses are `0x` + 40 hex digits; a mixed-case one
 *   must carry a valid EIP-55 checksum (all-lower and all-upper are accepted as they are).
 * - Solana: ed25519 over the UTF-8 bytes of the challenge, the base58 address being the public key (32 bytes). The
 *   signature is base58 (64 bytes), as wallet adapters' `signMessage` results are usually sent.
 * - The challenge is, for Ethereum with `siwe_params`, a Sign-In With Ethereum (EIP-4361) message (checksummed
 *   address, `chain_id` default 1, `issued_at` default now, `Not Before` / `Request ID` / `Resources` when given);
 *   otherwise `Signing in with Project: <project_id> <random string>`, as the docs describe it (project and random).
 *
 * Choices where the documentation is silent (the catalogue has names but no statuses for most of these):
 * - `authenticate` answers `siwe_params: null` for a challenge that was not a SIWE message (as `session: null`).
 * - A challenge is single use, lives 5 minutes (`CHALLENGE_LIFETIME_MILLIS`), and there is one per wallet: a new
 *   `authenticateStart` replaces it. A failed `authenticate` leaves it usable (there is no attempt limit: a wrong
 *   signature cannot be turned into a right one by guessing).
 * - `authenticateStart` stores the wallet unverified on the user at once (so `user.crypto_wallets` shows it before
 *   the signature, as Stytch creates the user at start); `authenticate` marks it verified.
 * - A wallet belongs to one user. Without `user_id` / session, the start goes to the user holding the wallet, or
 *   creates a user. An unverified wallet proves nothing, so it never captures or blocks another flow: a sign-in
 *   start does not land on a user who merely attached the wallet without signing (unless that user has no other
 *   factor, i.e. it was created by an earlier sign-in start for this wallet), and the unproven claim moves to the
 *   user the newest start is for. A wallet verified on another user fails a named start with
 *   `duplicate_wallet_address` (400). `user_id` may be an external_id; `user_id` and a session of different users
 *   fail with `user_id_mismatch` (400).
 * - Errors: unknown `crypto_wallet_type` -> `invalid_wallet_type` (400); malformed address ->
 *   `invalid_crypto_wallet_address` (400); `siwe_params` for Solana -> `crypto_wallet_type_incompatible_with_siwe`
 *   (400); bad SIWE fields -> `invalid_siwe_domain` / `_uri` / `_resource` / `_chain_id` / `_statement` /
 *   `_message_request_id` (400), a malformed `issued_at` / `not_before` -> `bad_request`. In `authenticate`: empty
 *   signature -> `signature_missing` (400); wrong byte length -> `signature_is_incorrect_size` (400); a signature
 *   that does not decode or does not verify -> `invalid_signature` (401); a wallet no user holds ->
 *   `crypto_wallet_not_found` (404, catalogue); no pending challenge (never started, or already used) or an expired
 *   one -> `unable_to_authenticate_crypto_wallet` (401), except an expired SIWE challenge -> `siwe_message_expired`
 *   (401) and one before its `not_before` -> `siwe_message_not_valid_yet` (401).
 * - The session factor is `{ type: "crypto", delivery_method: "crypto_wallet", crypto_wallet_factor }`, and a SIWE
 *   authenticate answers the message's `siwe_params`.
 */
import { ed25519 } from "@noble/curves/ed25519.js"
import { secp256k1 } from "@noble/curves/secp256k1.js"
import { keccak_256 } from "@noble/hashes/sha3.js"
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js"
import { base58 } from "@scure/base"
import * as Effect from "effect/Effect"
import { randomBytes } from "node:crypto"
import type {
  CryptoWalletsAuthenticateStartRequest,
  SIWEParams
} from "../../../src/schemas/Models.js"
import { type ApiFailure, type Ctx, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import { type CryptoChallengeRecord, iso, newId, type Store, type UserRecord, walletKey } from "../internal/store.js"
import { factor, findSession, insertUser, newUser, prepareSession, unknownUser, userWire } from "./common.js"

/** How long a challenge can be signed (Stytch does not document it). */
export const CHALLENGE_LIFETIME_MILLIS = 5 * 60_000

type WalletType = "ethereum" | "solana"
type WalletRecord = UserRecord["crypto_wallets"][number]

/** A validated wallet named by a request. */
interface Wallet {
  readonly type: WalletType
  /** As the caller spelt it (what the user's `crypto_wallets` shows for a new wallet). */
  readonly address: string
  /** The store key: Ethereum addresses are case-insensitive, base58 is not. */
  readonly key: string
}

const keyOf = walletKey
const recordKey = (w: WalletRecord) => keyOf(w.crypto_wallet_type ?? "ethereum", w.crypto_wallet_address)

// ---------------------------------------------------------------------------------------------------------------
// Addresses and signatures

const ETHEREUM_ADDRESS = /^0x[0-9a-fA-F]{40}$/

/** The EIP-55 spelling of an Ethereum address: a hex letter is upper-case when its nibble of keccak(lower) is >= 8. */
export const toChecksumAddress = (address: string): string => {
  const lower = address.slice(2).toLowerCase()
  const digest = bytesToHex(keccak_256(utf8ToBytes(lower)))
  let out = "0x"
  for (let i = 0; i < lower.length; i++) out += parseInt(digest[i]!, 16) >= 8 ? lower[i]!.toUpperCase() : lower[i]!
  return out
}

const decodeBase58 = (value: string): Uint8Array | undefined => {
  try {
    return base58.decode(value)
  } catch {
    return undefined
  }
}

const checkWallet = (type: string, address: string): Effect.Effect<Wallet, ApiFailure> => {
  if (type !== "ethereum" && type !== "solana") {
    return fail("invalid_wallet_type", "crypto_wallet_type must be ethereum or solana.", 400)
  }
  if (type === "ethereum") {
    const digits = address.slice(2)
    const singleCase = digits === digits.toLowerCase() || digits === digits.toUpperCase()
    if (!ETHEREUM_ADDRESS.test(address) || (!singleCase && toChecksumAddress(address) !== address)) {
      return fail(
        "invalid_crypto_wallet_address",
        "The crypto wallet address is not a valid Ethereum address (0x and 40 hex digits, with a valid EIP-55 checksum when mixed-case).",
        400
      )
    }
  } else if (decodeBase58(address)?.length !== 32) {
    return fail(
      "invalid_crypto_wallet_address",
      "The crypto wallet address is not a valid Solana address (a base58 ed25519 public key).",
      400
    )
  }
  return Effect.succeed({ type, address, key: keyOf(type, address) })
}

/** The signature's bytes: 65 (r || s || v, hex) for Ethereum, 64 (base58) for Solana. */
const decodeSignature = (type: WalletType, signature: string): Effect.Effect<Uint8Array, ApiFailure> => {
  if (signature === "") return fail("signature_missing", "A signature is required.", 400)
  let bytes: Uint8Array | undefined
  if (type === "ethereum") {
    const digits = signature.startsWith("0x") || signature.startsWith("0X") ? signature.slice(2) : signature
    try {
      bytes = hexToBytes(digits)
    } catch {
      bytes = undefined
    }
  } else {
    bytes = decodeBase58(signature)
  }
  if (bytes === undefined) {
    return fail(
      "invalid_signature",
      type === "ethereum" ? "The signature is not a hex string." : "The signature is not a base58 string.",
      401
    )
  }
  const size = type === "ethereum" ? 65 : 64
  return bytes.length === size
    ? Effect.succeed(bytes)
    : fail("signature_is_incorrect_size", `A ${type} signature is ${size} bytes; this one is ${bytes.length}.`, 400)
}

/** The address (lower-case) whose key made an EIP-191 personal_sign signature of `message`, if it is valid. */
const recoverEthereumSigner = (message: string, signature: Uint8Array): string | undefined => {
  const body = utf8ToBytes(message)
  const digest = keccak_256(concatBytes(utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`), body))
  const v = signature[64]! >= 27 ? signature[64]! - 27 : signature[64]!
  if (v !== 0 && v !== 1) return undefined
  try {
    // noble's "recovered" layout puts the recovery id first; Ethereum's puts it last.
    const recoverable = concatBytes(Uint8Array.of(v), signature.subarray(0, 64))
    const publicKey = secp256k1.Signature.fromBytes(recoverable, "recovered").recoverPublicKey(digest).toBytes(false)
    return `0x${bytesToHex(keccak_256(publicKey.subarray(1)).subarray(12))}`
  } catch {
    return undefined
  }
}

const verifySignature = (wallet: Wallet, message: string, signature: Uint8Array): boolean => {
  if (wallet.type === "ethereum") return recoverEthereumSigner(message, signature) === wallet.address.toLowerCase()
  try {
    return ed25519.verify(signature, utf8ToBytes(message), base58.decode(wallet.address))
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-In With Ethereum (EIP-4361)

type Siwe = NonNullable<CryptoChallengeRecord["siwe"]>

// RFC 3986 character classes, as the SIWE parameters' documentation requires them.
const UNRESERVED = "A-Za-z0-9\\-._~"
const SUB_DELIMS = "!$&'()*+,;="
const AUTHORITY = new RegExp(
  `^(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|%[0-9A-Fa-f]{2})*@)?` +
    `(?:\\[[0-9A-Fa-f:.]+\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|%[0-9A-Fa-f]{2})+)(?::[0-9]{1,5})?$`
)
const STATEMENT = new RegExp(`^[${UNRESERVED}${SUB_DELIMS}:/?#\\[\\]@ ]+$`)
const PCHARS = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}:@]|%[0-9A-Fa-f]{2})+$`)
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/
const MAX_CHAIN_ID = 9_223_372_036_854_775_771n

/** An absolute RFC 3986 URI: a scheme, no whitespace, and parseable. */
const isUri = (value: string): boolean => {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

const isTimestamp = (value: string) => RFC3339.test(value) && !Number.isNaN(Date.parse(value))

/** The validated SIWE fields with their defaults, and the statement (which only the message text needs). */
const checkSiwe = (
  ctx: Ctx,
  params: SIWEParams
): Effect.Effect<{ readonly fields: Siwe; readonly statement: string | undefined }, ApiFailure> => {
  const { domain, message_request_id, not_before, resources, statement, uri } = params
  const chain_id = params.chain_id ?? "1"
  if (!AUTHORITY.test(domain)) {
    return fail("invalid_siwe_domain", "siwe_params.domain must be an RFC 3986 authority (host and optional port).", 400)
  }
  if (!isUri(uri)) return fail("invalid_siwe_uri", "siwe_params.uri must be an absolute RFC 3986 URI.", 400)
  if (!resources.every(isUri)) {
    return fail("invalid_siwe_resource", "Every siwe_params.resources entry must be an absolute RFC 3986 URI.", 400)
  }
  if (!/^[1-9][0-9]*$/.test(chain_id) || BigInt(chain_id) > MAX_CHAIN_ID) {
    return fail("invalid_siwe_chain_id", "siwe_params.chain_id must be an integer from 1 to 9223372036854775771.", 400)
  }
  if (statement !== undefined && statement !== "" && !STATEMENT.test(statement)) {
    return fail(
      "invalid_siwe_statement",
      "siwe_params.statement may only hold RFC 3986 reserved or unreserved characters and spaces.",
      400
    )
  }
  if (message_request_id !== undefined && message_request_id !== "" && !PCHARS.test(message_request_id)) {
    return fail("invalid_siwe_message_request_id", "siwe_params.message_request_id must be RFC 3986 pchars.", 400)
  }
  for (const [field, value] of [["issued_at", params.issued_at], ["not_before", not_before]] as const) {
    if (value !== undefined && !isTimestamp(value)) {
      return fail("bad_request", `siwe_params.${field} must be an RFC 3339 timestamp.`, 400)
    }
  }
  return Effect.succeed({
    fields: {
      domain,
      uri,
      chain_id,
      resources: [...resources],
      issued_at: params.issued_at ?? iso(ctx.now),
      ...(not_before === undefined ? {} : { not_before }),
      ...(message_request_id === undefined || message_request_id === "" ? {} : { message_request_id })
    },
    statement: statement === "" ? undefined : statement
  })
}

/**
 * The EIP-4361 message text. The spec's ABNF is `address LF LF [ statement LF ] LF "URI: "...`: without a statement
 * two empty lines separate the address from the URI.
 */
const siweMessage = (address: string, siwe: Siwe, statement: string | undefined, nonce: string): string =>
  [
    `${siwe.domain} wants you to sign in with your Ethereum account:`,
    toChecksumAddress(address),
    "",
    ...(statement === undefined ? [] : [statement]),
    "",
    `URI: ${siwe.uri}`,
    "Version: 1",
    `Chain ID: ${siwe.chain_id}`,
    `Nonce: ${nonce}`,
    `Issued At: ${siwe.issued_at}`,
    ...(siwe.not_before === undefined ? [] : [`Not Before: ${siwe.not_before}`]),
    ...(siwe.message_request_id === undefined ? [] : [`Request ID: ${siwe.message_request_id}`]),
    ...(siwe.resources.length === 0 ? [] : ["Resources:", ...siwe.resources.map((r) => `- ${r}`)])
  ].join("\n")

// ---------------------------------------------------------------------------------------------------------------
// Who holds a wallet

/** The user holding a wallet and its record; a stale index entry (wallet or user deleted since) counts as none. */
const holderOf = (store: Store, key: string): { user: UserRecord; wallet: WalletRecord } | undefined => {
  const user = store.userByWallet(key, (u) => u.crypto_wallets.some((w) => recordKey(w) === key))
  const wallet = user?.crypto_wallets.find((w) => recordKey(w) === key)
  return user === undefined || wallet === undefined ? undefined : { user, wallet }
}

/** A user whose only factors are unverified wallets: what a sign-in start creates before the first signature. */
const onlyUnprovenWallets = (u: UserRecord): boolean =>
  u.emails.length === 0 && u.phone_numbers.length === 0 && u.password === undefined && u.totps.length === 0 &&
  u.providers.length === 0 && u.webauthn_registrations.length === 0 && u.biometric_registrations.length === 0 &&
  u.crypto_wallets.every((w) => !w.verified)

/** The user a start names with `user_id` (or an external_id) and/or a session, if any. */
const namedUser = (
  ctx: Ctx,
  req: CryptoWalletsAuthenticateStartRequest
): Effect.Effect<UserRecord | undefined, ApiFailure> =>
  Effect.gen(function*() {
    const { store } = ctx
    const session = req.session_token !== undefined || req.session_jwt !== undefined
      ? yield* findSession(ctx, req)
      : undefined
    if (req.user_id !== undefined) {
      const user = store.users.get(req.user_id) ?? store.userByExternalId(req.user_id)
      if (user === undefined) return yield* unknownUser(req.user_id)
      if (session !== undefined && session.user_id !== user.user_id) {
        return yield* fail("user_id_mismatch", "The session belongs to another user than user_id.", 400)
      }
      return user
    }
    if (session === undefined) return undefined
    const user = store.users.get(session.user_id)
    return user ?? (yield* fail("user_not_found"))
  })

// ---------------------------------------------------------------------------------------------------------------
// Handlers

const authenticateStart: Handler<"cryptoWallets.authenticateStart"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const wallet = yield* checkWallet(req.crypto_wallet_type, req.crypto_wallet_address)
    if (req.siwe_params !== undefined && wallet.type !== "ethereum") {
      return yield* fail(
        "crypto_wallet_type_incompatible_with_siwe",
        "siwe_params may only be passed for ethereum wallets.",
        400
      )
    }
    const siwe = req.siwe_params === undefined ? undefined : yield* checkSiwe(ctx, req.siwe_params)
    const named = yield* namedUser(ctx, req)
    const holder = holderOf(store, wallet.key)

    let user: UserRecord
    let created = false
    if (named !== undefined) {
      if (holder !== undefined && holder.user !== named && holder.wallet.verified) {
        return yield* fail("duplicate_wallet_address", "This crypto wallet belongs to another user.", 400)
      }
      user = named
    } else if (holder !== undefined && (holder.wallet.verified || onlyUnprovenWallets(holder.user))) {
      user = holder.user
    } else {
      user = newUser(ctx)
      created = true
    }

    // EIP-4361 nonces are alphanumeric (hex is); the plain challenge's random part is url-safe like Stytch's.
    const challenge = siwe === undefined
      ? `Signing in with Project: ${store.settings.projectId} ${randomBytes(48).toString("base64url")}`
      : siweMessage(wallet.address, siwe.fields, siwe.statement, randomBytes(16).toString("hex"))

    // Commit: every check has passed.
    if (holder !== undefined && holder.user !== user) {
      // An unproven claim on another user gives way to this start.
      holder.user.crypto_wallets = holder.user.crypto_wallets.filter((w) => w !== holder.wallet)
    }
    if (created) insertUser(store, user)
    let record = user.crypto_wallets.find((w) => recordKey(w) === wallet.key)
    if (record === undefined) {
      record = {
        crypto_wallet_id: newId("crypto-wallet", store.settings.projectId),
        crypto_wallet_address: wallet.address,
        crypto_wallet_type: wallet.type,
        verified: false
      }
      user.crypto_wallets.push(record)
    }
    store.indexWallet(wallet.key, user)
    store.putCryptoChallenge(wallet.key, {
      user_id: user.user_id,
      crypto_wallet_id: record.crypto_wallet_id,
      crypto_wallet_type: wallet.type,
      challenge,
      expires_at: ctx.now + CHALLENGE_LIFETIME_MILLIS,
      ...(siwe === undefined ? {} : { siwe: siwe.fields })
    })
    return { user_id: user.user_id, challenge, user_created: created }
  })

const authenticate: Handler<"cryptoWallets.authenticate"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const wallet = yield* checkWallet(req.crypto_wallet_type, req.crypto_wallet_address)
    const signature = yield* decodeSignature(wallet.type, req.signature)
    const holder = holderOf(store, wallet.key)
    if (holder === undefined) return yield* fail("crypto_wallet_not_found")
    const pending = store.cryptoChallenges.get(wallet.key)
    // A challenge issued before the wallet changed hands (or was deleted and re-added) is not this wallet's.
    if (
      pending === undefined || pending.user_id !== holder.user.user_id ||
      pending.crypto_wallet_id !== holder.wallet.crypto_wallet_id
    ) {
      return yield* fail(
        "unable_to_authenticate_crypto_wallet",
        "No challenge is pending for this crypto wallet (a challenge is single use): call authenticateStart first.",
        401
      )
    }
    if (pending.expires_at <= ctx.now) {
      return yield* pending.siwe === undefined
        ? fail("unable_to_authenticate_crypto_wallet", "The challenge has expired: call authenticateStart again.", 401)
        : fail("siwe_message_expired", "The Sign-In With Ethereum message has expired: call authenticateStart again.", 401)
    }
    if (pending.siwe?.not_before !== undefined && Date.parse(pending.siwe.not_before) > ctx.now) {
      return yield* fail("siwe_message_not_valid_yet", "The Sign-In With Ethereum message is not valid yet (Not Before).", 401)
    }
    if (!verifySignature(wallet, pending.challenge, signature)) {
      return yield* fail(
        "invalid_signature",
        "The signature is not this crypto wallet's signature of the pending challenge.",
        401
      )
    }
    const { user, wallet: record } = holder
    const newFactor = factor(ctx, "crypto", "crypto_wallet", {
      crypto_wallet_factor: {
        crypto_wallet_id: record.crypto_wallet_id,
        crypto_wallet_address: record.crypto_wallet_address,
        crypto_wallet_type: wallet.type
      }
    })
    const startSession = yield* prepareSession(ctx, user, newFactor, req)

    store.deleteCryptoChallenge(wallet.key)
    record.verified = true
    const started = startSession()
    const siwe = pending.siwe
    return {
      user_id: user.user_id,
      user: userWire(user),
      ...started,
      siwe_params: siwe === undefined ? null : {
        domain: siwe.domain,
        uri: siwe.uri,
        chain_id: siwe.chain_id,
        resources: [...siwe.resources],
        status_code: 200,
        issued_at: siwe.issued_at,
        ...(siwe.message_request_id === undefined ? {} : { message_request_id: siwe.message_request_id })
      }
    }
  })

export const cryptoWalletsHandlers = {
  "cryptoWallets.authenticateStart": authenticateStart,
  "cryptoWallets.authenticate": authenticate
} satisfies AreaHandlers
