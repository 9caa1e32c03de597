/**
 * End-to-end tests of the CryptoWallets service against the in-process emulator. Wallets are real key pairs made
 * here with @noble/curves: Ethereum signatures are EIP-191 personal_sign (the helper is pinned to web3.js's
 * documented vector), Solana signatures are ed25519 over the challenge's bytes, base58-encoded.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { ed25519 } from "@noble/curves/ed25519.js"
import { secp256k1 } from "@noble/curves/secp256k1.js"
import { keccak_256 } from "@noble/hashes/sha3.js"
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js"
import { base58 } from "@scure/base"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { CryptoWallets, Sessions, Users } from "../src/index.js"

// ---------------------------------------------------------------------------------------------------------------
// Wallets

interface TestWallet {
  readonly type: "ethereum" | "solana"
  readonly address: string
  readonly sign: (message: string) => string
}

/** EIP-191 personal_sign: keccak-256 over the prefixed message, signature as hex r || s || v (v = 27/28). */
const personalSign = (secretKey: Uint8Array, message: string): string => {
  const body = utf8ToBytes(message)
  const digest = keccak_256(concatBytes(utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`), body))
  const sig = secp256k1.sign(digest, secretKey, { prehash: false, format: "recovered" }) // recovery id first
  return `0x${bytesToHex(concatBytes(sig.subarray(1), Uint8Array.of(sig[0]! + 27)))}`
}

const ethereumAddress = (secretKey: Uint8Array) =>
  `0x${bytesToHex(keccak_256(secp256k1.getPublicKey(secretKey, false).subarray(1)).subarray(12))}`

const ethereumWallet = (): TestWallet => {
  const secretKey = secp256k1.utils.randomSecretKey()
  return { type: "ethereum", address: ethereumAddress(secretKey), sign: (m) => personalSign(secretKey, m) }
}

const solanaWallet = (): TestWallet => {
  const secretKey = ed25519.utils.randomSecretKey()
  return {
    type: "solana",
    address: base58.encode(ed25519.getPublicKey(secretKey)),
    sign: (m) => base58.encode(ed25519.sign(utf8ToBytes(m), secretKey))
  }
}

/** EIP-55 test vectors (from the EIP). */
const CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"

const uniqueEmail = () => `cw-${randomUUID().slice(0, 8)}@crypto.example.test`

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const start = (wallet: TestWallet, extra: Partial<CryptoWallets.CryptoWalletsAuthenticateStartRequest> = {}) =>
  Effect.flatMap(CryptoWallets.CryptoWallets, (cw) =>
    cw.authenticateStart({
      crypto_wallet_type: wallet.type,
      crypto_wallet_address: wallet.address,
      ...extra
    }))

const authenticate = (
  wallet: TestWallet,
  signature: string,
  extra: Partial<CryptoWallets.CryptoWalletsAuthenticateRequest> = {}
) =>
  Effect.flatMap(CryptoWallets.CryptoWallets, (cw) =>
    cw.authenticate({
      crypto_wallet_type: wallet.type,
      crypto_wallet_address: wallet.address,
      signature,
      ...extra
    }))

/** Start, then sign the challenge and authenticate. */
const signIn = (wallet: TestWallet, extra: Partial<CryptoWallets.CryptoWalletsAuthenticateRequest> = {}) =>
  Effect.gen(function*() {
    const started = yield* start(wallet)
    return yield* authenticate(wallet, wallet.sign(started.challenge), extra)
  })

/** Asserts an API error's tag and HTTP status. */
const assertApiError = (e: { readonly _tag: string }, tag: string, status: number) => {
  assert.strictEqual(e._tag, tag)
  assert.strictEqual((e as { readonly status_code?: number }).status_code, status)
}

/** The users holding an address (users.search's crypto_wallet_address filter). */
const holders = (address: string) =>
  Effect.flatMap(Users.Users, (users) =>
    users.search({
      limit: 100,
      query: { operator: "AND", operands: [{ filter_name: "crypto_wallet_address", filter_value: [address] }] }
    })).pipe(Effect.map((r) => r.results))

const userCount = Effect.flatMap(Users.Users, (users) => users.search({ limit: 1 })).pipe(
  Effect.map((r) => r.results_metadata.total)
)

const walletsOf = (user_id: string) =>
  Effect.map(Effect.flatMap(Users.Users, (users) => users.get({ user_id })), (u) => u.crypto_wallets)

// ---------------------------------------------------------------------------------------------------------------

describe("CryptoWallets", () => {
  it("the test's personal_sign helper reproduces web3.js's documented vector", () => {
    const key = hexToBytes("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
    assert.strictEqual(ethereumAddress(key), "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23")
    assert.strictEqual(
      personalSign(key, "Some data"),
      "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c"
    )
  })

  layer(StytchEmulator.layerStytch())("sign-up and login", (it) => {
    it.effect("ethereum: start creates a user with the wallet unverified; authenticate verifies it", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const before = yield* userCount
        const started = yield* start(wallet)
        assert.isTrue(started.user_created)
        assert.match(started.user_id, /^user-test-/)
        assert.match(
          started.challenge,
          /^Signing in with Project: project-test-00000000-0000-4000-8000-000000000000 [A-Za-z0-9_-]{64}$/
        )
        assert.strictEqual(yield* userCount, before + 1)
        const pending = yield* walletsOf(started.user_id)
        assert.strictEqual(pending.length, 1)
        assert.match(pending[0]!.crypto_wallet_id, /^crypto-wallet-test-/)
        assert.deepInclude(pending[0]!, { crypto_wallet_address: wallet.address, crypto_wallet_type: "ethereum", verified: false })

        const done = yield* authenticate(wallet, wallet.sign(started.challenge))
        assert.strictEqual(done.user_id, started.user_id)
        assert.deepStrictEqual(done.user.crypto_wallets, [{ ...pending[0]!, verified: true }])
        // No session options: no session, empty tokens (as the API answers).
        assert.strictEqual(done.session_token, "")
        assert.strictEqual(done.session_jwt, "")
        assert.isUndefined(done.session)
        assert.isUndefined(done.siwe_params)
      }))

    it.effect("a second start for the same wallet logs in to the same user, with a fresh challenge", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const first = yield* start(wallet)
        yield* authenticate(wallet, wallet.sign(first.challenge))
        const before = yield* userCount
        const second = yield* start(wallet)
        assert.isFalse(second.user_created)
        assert.strictEqual(second.user_id, first.user_id)
        assert.notStrictEqual(second.challenge, first.challenge)
        assert.strictEqual(yield* userCount, before)
        const done = yield* authenticate(wallet, wallet.sign(second.challenge))
        assert.strictEqual(done.user_id, first.user_id)
        assert.strictEqual(done.user.crypto_wallets.length, 1)
      }))

    it.effect("ethereum addresses match ignoring case (lower, upper, EIP-55)", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const upper: TestWallet = { ...wallet, address: `0x${wallet.address.slice(2).toUpperCase()}` }
        const first = yield* start(wallet)
        const done = yield* authenticate(upper, wallet.sign(first.challenge))
        assert.strictEqual(done.user_id, first.user_id)
        const again = yield* start(upper)
        assert.isFalse(again.user_created)
        assert.strictEqual(again.user_id, first.user_id)
        // The address is shown as first given.
        assert.strictEqual(done.user.crypto_wallets[0]!.crypto_wallet_address, wallet.address)
      }))

    it.effect("solana: ed25519 over the challenge, base58 signature; the wallet shows as solana", () =>
      Effect.gen(function*() {
        const wallet = solanaWallet()
        const started = yield* start(wallet)
        assert.isTrue(started.user_created)
        assert.match(started.challenge, /^Signing in with Project: /)
        const done = yield* authenticate(wallet, wallet.sign(started.challenge), { session_duration_minutes: 30 })
        assert.strictEqual(done.user_id, started.user_id)
        assert.deepInclude(done.user.crypto_wallets[0]!, {
          crypto_wallet_address: wallet.address,
          crypto_wallet_type: "solana",
          verified: true
        })
        assert.deepInclude(done.session!.authentication_factors[0]!.crypto_wallet_factor!, {
          crypto_wallet_address: wallet.address,
          crypto_wallet_type: "solana"
        })
        const again = yield* start(wallet)
        assert.isFalse(again.user_created)
        assert.strictEqual(again.user_id, started.user_id)
      }))

    it.effect("session_duration_minutes starts a session with the crypto factor, valid for that long", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(1_700_000_000_000)
        const wallet = ethereumWallet()
        const done = yield* signIn(wallet, { session_duration_minutes: 60, session_custom_claims: { plan: "pro" } })
        const session = done.session!
        assert.strictEqual(session.user_id, done.user_id)
        assert.strictEqual(session.expires_at, new Date(1_700_000_000_000 + 60 * 60_000).toISOString().replace(".000Z", "Z"))
        assert.deepStrictEqual(session.custom_claims, { plan: "pro" })
        const f = session.authentication_factors
        assert.strictEqual(f.length, 1)
        assert.strictEqual(f[0]!.type, "crypto")
        assert.strictEqual(f[0]!.delivery_method, "crypto_wallet")
        assert.deepStrictEqual(f[0]!.crypto_wallet_factor, {
          crypto_wallet_id: done.user.crypto_wallets[0]!.crypto_wallet_id,
          crypto_wallet_address: wallet.address,
          crypto_wallet_type: "ethereum"
        })
        const sessions = yield* Sessions.Sessions
        const checked = yield* sessions.authenticate({ session_token: done.session_token })
        assert.strictEqual(checked.session.session_id, session.session_id)
        // Past its end the session is gone.
        yield* TestClock.adjust("61 minutes")
        const gone = yield* sessions.authenticate({ session_token: done.session_token }).pipe(Effect.flip)
        assertApiError(gone, "SessionNotFound", 404)
      }))

    it.effect("an invalid session_duration_minutes fails and changes nothing", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        const signature = wallet.sign(started.challenge)
        const e = yield* authenticate(wallet, signature, { session_duration_minutes: 3 }).pipe(Effect.flip)
        assertApiError(e, "InvalidSessionDurationMinutes", 400)
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
        // The challenge is still usable.
        const done = yield* authenticate(wallet, signature, { session_duration_minutes: 5 })
        assert.isTrue(done.user.crypto_wallets[0]!.verified)
      }))
  })

  layer(StytchEmulator.layerStytch())("challenges", (it) => {
    it.effect("a challenge is single use", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        const signature = wallet.sign(started.challenge)
        const done = yield* authenticate(wallet, signature, { session_duration_minutes: 60 })
        const sessions = yield* Sessions.Sessions
        const e = yield* authenticate(wallet, signature, { session_duration_minutes: 60 }).pipe(Effect.flip)
        assertApiError(e, "UnableToAuthenticateCryptoWallet", 401)
        // The replay started no second session.
        const live = yield* sessions.get({ user_id: done.user_id })
        assert.deepStrictEqual(live.sessions.map((s) => s.session_id), [done.session!.session_id])
      }))

    it.effect("a new start replaces the pending challenge", () =>
      Effect.gen(function*() {
        const wallet = solanaWallet()
        const first = yield* start(wallet)
        const second = yield* start(wallet)
        assert.isFalse(second.user_created)
        const e = yield* authenticate(wallet, wallet.sign(first.challenge)).pipe(Effect.flip)
        assertApiError(e, "InvalidSignature", 401)
        const done = yield* authenticate(wallet, wallet.sign(second.challenge))
        assert.strictEqual(done.user_id, first.user_id)
      }))

    it.effect("a challenge expires after 5 minutes; the wallet stays unverified until a new one is signed", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        yield* TestClock.adjust("5 minutes")
        const e = yield* authenticate(wallet, wallet.sign(started.challenge)).pipe(Effect.flip)
        assertApiError(e, "UnableToAuthenticateCryptoWallet", 401)
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
        const again = yield* start(wallet)
        assert.strictEqual(again.user_id, started.user_id)
        const done = yield* authenticate(wallet, wallet.sign(again.challenge))
        assert.isTrue(done.user.crypto_wallets[0]!.verified)
      }))

    it.effect("a challenge is still good just before its 5 minutes are up", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        yield* TestClock.adjust("299 seconds")
        const done = yield* authenticate(wallet, wallet.sign(started.challenge))
        assert.strictEqual(done.user_id, started.user_id)
      }))
  })

  layer(StytchEmulator.layerStytch())("attaching to an existing user", (it) => {
    it.effect("by session: the wallet joins the session's user and authenticate extends that session", () =>
      Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        const user = yield* (yield* Users.Users).create({ email: uniqueEmail() })
        const seeded = yield* emulator.seedSession({ user_id: user.user_id })
        const wallet = ethereumWallet()
        const before = yield* userCount
        const started = yield* start(wallet, { session_token: seeded.session_token })
        assert.isFalse(started.user_created)
        assert.strictEqual(started.user_id, user.user_id)
        assert.strictEqual(yield* userCount, before)

        const done = yield* authenticate(wallet, wallet.sign(started.challenge), { session_token: seeded.session_token })
        assert.strictEqual(done.user_id, user.user_id)
        assert.strictEqual(done.session!.session_id, seeded.session_id)
        assert.strictEqual(done.session_token, seeded.session_token)
        assert.deepStrictEqual(done.session!.authentication_factors.map((f) => f.type), ["imported", "crypto"])
        assert.strictEqual(done.user.emails[0]!.email, user.user.emails[0]!.email)
        assert.isTrue(done.user.crypto_wallets[0]!.verified)
        // Afterwards a plain sign-in with the wallet lands on that user.
        const login = yield* start(wallet)
        assert.strictEqual(login.user_id, user.user_id)
      }))

    it.effect("by user_id, or by the user's external_id", () =>
      Effect.gen(function*() {
        const external_id = `ext-${randomUUID()}`
        const user = yield* (yield* Users.Users).create({ email: uniqueEmail(), external_id })
        const a = ethereumWallet()
        const b = solanaWallet()
        assert.strictEqual((yield* start(a, { user_id: user.user_id })).user_id, user.user_id)
        assert.strictEqual((yield* start(b, { user_id: external_id })).user_id, user.user_id)
        const wallets = yield* walletsOf(user.user_id)
        assert.deepStrictEqual(wallets.map((w) => [w.crypto_wallet_type, w.verified]), [["ethereum", false], [
          "solana",
          false
        ]])
      }))

    it.effect("unknown user_id, user_id vs session mismatch: typed failures, nothing stored", () =>
      Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        const users = yield* Users.Users
        const a = yield* users.create({ email: uniqueEmail() })
        const b = yield* users.create({ email: uniqueEmail() })
        const session = yield* emulator.seedSession({ user_id: a.user_id })
        const wallet = ethereumWallet()
        const before = yield* userCount

        const missing = yield* start(wallet, { user_id: "user-test-00000000-0000-4000-8000-000000000000" }).pipe(Effect.flip)
        assertApiError(missing, "UserNotFound", 404)
        const mismatch = yield* start(wallet, { user_id: b.user_id, session_token: session.session_token }).pipe(
          Effect.flip
        )
        assert.strictEqual(mismatch._tag, "UserIdMismatch")
        const noSession = yield* start(wallet, { session_token: "no-such-session" }).pipe(Effect.flip)
        assertApiError(noSession, "SessionNotFound", 404)

        assert.strictEqual(yield* userCount, before)
        assert.deepStrictEqual(yield* holders(wallet.address), [])
        assert.deepStrictEqual(yield* walletsOf(a.user_id), [])
        assert.deepStrictEqual(yield* walletsOf(b.user_id), [])
        // Nothing was left pending either.
        const e = yield* authenticate(wallet, wallet.sign("anything")).pipe(Effect.flip)
        assertApiError(e, "CryptoWalletNotFound", 404)
      }))

    it.effect("authenticate with another user's session fails and leaves the challenge usable", () =>
      Effect.gen(function*() {
        const emulator = yield* StytchEmulator.StytchEmulator
        const other = yield* (yield* Users.Users).create({ email: uniqueEmail() })
        const foreign = yield* emulator.seedSession({ user_id: other.user_id })
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        const signature = wallet.sign(started.challenge)
        const e = yield* authenticate(wallet, signature, { session_token: foreign.session_token }).pipe(Effect.flip)
        assert.strictEqual(e._tag, "UserIdMismatch")
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
        const sessions = yield* Sessions.Sessions
        const otherSessions = yield* sessions.get({ user_id: other.user_id })
        assert.deepStrictEqual(otherSessions.sessions[0]!.authentication_factors.map((f) => f.type), ["imported"])
        const done = yield* authenticate(wallet, signature)
        assert.strictEqual(done.user_id, started.user_id)
      }))

    it.effect("a wallet verified on one user cannot be attached to another", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const owner = yield* signIn(wallet)
        const other = yield* (yield* Users.Users).create({ email: uniqueEmail() })
        const e = yield* start(wallet, { user_id: other.user_id }).pipe(Effect.flip)
        assertApiError(e, "DuplicateWalletAddress", 400)
        assert.deepStrictEqual(yield* walletsOf(other.user_id), [])
        assert.deepStrictEqual((yield* holders(wallet.address)).map((u) => u.user_id), [owner.user_id])
        assert.isTrue((yield* walletsOf(owner.user_id))[0]!.verified)
      }))

    it.effect("an unverified attachment does not capture a sign-in: the new signer gets their own user", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const squatter = yield* (yield* Users.Users).create({ email: uniqueEmail() })
        yield* start(wallet, { user_id: squatter.user_id })
        const login = yield* start(wallet)
        assert.isTrue(login.user_created)
        assert.notStrictEqual(login.user_id, squatter.user_id)
        assert.deepStrictEqual(yield* walletsOf(squatter.user_id), [])
        const done = yield* authenticate(wallet, wallet.sign(login.challenge))
        assert.strictEqual(done.user_id, login.user_id)
        assert.deepStrictEqual((yield* holders(wallet.address)).map((u) => u.user_id), [login.user_id])
      }))

    it.effect("a wallet deleted from its user can no longer be authenticated", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        const users = yield* Users.Users
        const [record] = yield* walletsOf(started.user_id)
        yield* users.deleteCryptoWallet({ crypto_wallet_id: record!.crypto_wallet_id })
        const e = yield* authenticate(wallet, wallet.sign(started.challenge)).pipe(Effect.flip)
        assertApiError(e, "CryptoWalletNotFound", 404)
      }))
  })

  layer(StytchEmulator.layerStytch())("Sign-In With Ethereum", (it) => {
    it.effect("the message follows EIP-4361 with every optional field, and authenticate answers siwe_params", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet, {
          siwe_params: {
            domain: "app.example.com:8443",
            uri: "https://app.example.com:8443/login",
            chain_id: "137",
            statement: "I accept the Terms of Service: https://app.example.com/tos",
            issued_at: "2024-01-02T03:04:05Z",
            not_before: "1970-01-01T00:00:00Z",
            message_request_id: "req-42",
            resources: ["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq", "https://example.com/my-web2-claim.json"]
          }
        })
        const nonce = /\nNonce: ([A-Za-z0-9]{8,})\n/.exec(started.challenge)?.[1]
        assert.isDefined(nonce)
        assert.strictEqual(
          started.challenge,
          [
            "app.example.com:8443 wants you to sign in with your Ethereum account:",
            // EIP-4361 wants the EIP-55 spelling; the test's own check is that it equals the address ignoring case.
            started.challenge.split("\n")[1],
            "",
            "I accept the Terms of Service: https://app.example.com/tos",
            "",
            "URI: https://app.example.com:8443/login",
            "Version: 1",
            "Chain ID: 137",
            `Nonce: ${nonce}`,
            "Issued At: 2024-01-02T03:04:05Z",
            "Not Before: 1970-01-01T00:00:00Z",
            "Request ID: req-42",
            "Resources:",
            "- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq",
            "- https://example.com/my-web2-claim.json"
          ].join("\n")
        )
        assert.strictEqual(started.challenge.split("\n")[1]!.toLowerCase(), wallet.address)

        const done = yield* authenticate(wallet, wallet.sign(started.challenge))
        assert.strictEqual(done.user_id, started.user_id)
        assert.deepStrictEqual(done.siwe_params, {
          domain: "app.example.com:8443",
          uri: "https://app.example.com:8443/login",
          chain_id: "137",
          resources: ["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq", "https://example.com/my-web2-claim.json"],
          status_code: 200,
          issued_at: "2024-01-02T03:04:05Z",
          message_request_id: "req-42"
        })
      }))

    it.effect("minimal parameters: no statement (blank lines kept), chain 1, issued now, EIP-55 address", () =>
      Effect.gen(function*() {
        const lower: TestWallet = { type: "ethereum", address: CHECKSUMMED.toLowerCase(), sign: () => "" }
        const started = yield* start(lower, { siwe_params: { domain: "example.com", uri: "https://example.com", resources: [] } })
        const nonce = /\nNonce: ([A-Za-z0-9]+)\n/.exec(started.challenge)?.[1]
        assert.strictEqual(
          started.challenge,
          [
            "example.com wants you to sign in with your Ethereum account:",
            CHECKSUMMED,
            "",
            "",
            "URI: https://example.com",
            "Version: 1",
            "Chain ID: 1",
            `Nonce: ${nonce}`,
            "Issued At: 1970-01-01T00:00:00Z"
          ].join("\n")
        )
      }))

    it.effect("before not_before the message is not valid yet; afterwards it is", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet, {
          siwe_params: { domain: "example.com", uri: "https://example.com", resources: [], not_before: "1970-01-01T00:02:00Z" }
        })
        const signature = wallet.sign(started.challenge)
        const early = yield* authenticate(wallet, signature).pipe(Effect.flip)
        assertApiError(early, "SiweMessageNotValidYet", 401)
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
        yield* TestClock.adjust("2 minutes")
        const done = yield* authenticate(wallet, signature)
        assert.isTrue(done.user.crypto_wallets[0]!.verified)
      }))

    it.effect("an expired SIWE challenge fails with SiweMessageExpired", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet, { siwe_params: { domain: "example.com", uri: "https://example.com", resources: [] } })
        yield* TestClock.adjust("6 minutes")
        const e = yield* authenticate(wallet, wallet.sign(started.challenge)).pipe(Effect.flip)
        assertApiError(e, "SiweMessageExpired", 401)
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
      }))

    it.effect("invalid SIWE parameters and SIWE for Solana: typed failures, nothing stored", () =>
      Effect.gen(function*() {
        const ok = { domain: "example.com", uri: "https://example.com/login", resources: [] as Array<string> }
        const cases: ReadonlyArray<readonly [Partial<typeof ok> & Record<string, unknown>, string]> = [
          [{ domain: "https://example.com" }, "InvalidSiweDomain"],
          [{ domain: "" }, "InvalidSiweDomain"],
          [{ uri: "not a uri" }, "InvalidSiweUri"],
          [{ resources: ["https://example.com/a", "no scheme"] }, "InvalidSiweResource"],
          [{ chain_id: "0" }, "InvalidSiweChainId"],
          [{ chain_id: "abc" }, "InvalidSiweChainId"],
          [{ chain_id: "9223372036854775772" }, "InvalidSiweChainId"],
          [{ statement: "line one\nline two" }, "InvalidSiweStatement"],
          [{ message_request_id: "has space" }, "InvalidSiweMessageRequestId"],
          [{ issued_at: "yesterday" }, "BadRequest"],
          [{ not_before: "2024-01-01 00:00:00" }, "BadRequest"]
        ]
        const before = yield* userCount
        const wallet = ethereumWallet()
        for (const [patch, tag] of cases) {
          const e = yield* start(wallet, { siwe_params: { ...ok, ...patch } as never }).pipe(Effect.flip)
          assertApiError(e, tag, 400)
        }
        const sol = solanaWallet()
        const e = yield* start(sol, { siwe_params: ok }).pipe(Effect.flip)
        assertApiError(e, "CryptoWalletTypeIncompatibleWithSiwe", 400)
        assert.strictEqual(yield* userCount, before)
        assert.deepStrictEqual(yield* holders(wallet.address), [])
        assert.deepStrictEqual(yield* holders(sol.address), [])
        // The largest chain id is accepted.
        const big = yield* start(wallet, { siwe_params: { ...ok, chain_id: "9223372036854775771" } })
        assert.include(big.challenge, "\nChain ID: 9223372036854775771\n")
      }))
  })

  layer(StytchEmulator.layerStytch())("failures", (it) => {
    it.effect("an unknown crypto_wallet_type fails with InvalidWalletType", () =>
      Effect.gen(function*() {
        const wallet: TestWallet = { ...ethereumWallet(), type: "bitcoin" as never }
        const before = yield* userCount
        assertApiError(yield* start(wallet).pipe(Effect.flip), "InvalidWalletType", 400)
        assertApiError(yield* authenticate(wallet, "0x00").pipe(Effect.flip), "InvalidWalletType", 400)
        assert.strictEqual(yield* userCount, before)
      }))

    it.effect("malformed addresses fail with InvalidCryptoWalletAddress, in start and authenticate", () =>
      Effect.gen(function*() {
        // One letter of the EIP-55 vector with its case flipped: the checksum no longer matches.
        const badChecksum = CHECKSUMMED.replace("aAeb", "aaeb")
        const cases: ReadonlyArray<TestWallet> = [
          { type: "ethereum", address: "0x1234", sign: () => "" },
          { type: "ethereum", address: `0x${"g".repeat(40)}`, sign: () => "" },
          { type: "ethereum", address: "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", sign: () => "" },
          { type: "ethereum", address: badChecksum, sign: () => "" },
          { type: "solana", address: "0OIl-not-base58", sign: () => "" },
          { type: "solana", address: base58.encode(new Uint8Array(31).fill(7)), sign: () => "" }
        ]
        const before = yield* userCount
        for (const wallet of cases) {
          assertApiError(yield* start(wallet).pipe(Effect.flip), "InvalidCryptoWalletAddress", 400)
          assertApiError(yield* authenticate(wallet, "0x00").pipe(Effect.flip), "InvalidCryptoWalletAddress", 400)
        }
        assert.strictEqual(yield* userCount, before)
        // The correctly checksummed and single-case spellings are fine.
        const good = yield* start({ type: "ethereum", address: CHECKSUMMED, sign: () => "" })
        assert.isTrue(good.user_created)
      }))

    it.effect("authenticate for a wallet nobody started fails with CryptoWalletNotFound", () =>
      Effect.gen(function*() {
        const wallet = solanaWallet()
        const e = yield* authenticate(wallet, wallet.sign("Signing in with Project: x y")).pipe(Effect.flip)
        assertApiError(e, "CryptoWalletNotFound", 404)
        assert.deepStrictEqual(yield* holders(wallet.address), [])
      }))

    it.effect("bad ethereum signatures fail typed; the wallet stays unverified and the challenge usable", () =>
      Effect.gen(function*() {
        const wallet = ethereumWallet()
        const started = yield* start(wallet)
        const good = wallet.sign(started.challenge)
        const cases: ReadonlyArray<readonly [string, string, number]> = [
          ["", "SignatureMissing", 400],
          [good.slice(0, -2), "SignatureIsIncorrectSize", 400],
          [`${good}00`, "SignatureIsIncorrectSize", 400],
          [`0x${"zz".repeat(65)}`, "InvalidSignature", 401],
          // Another key's signature of the right message.
          [ethereumWallet().sign(started.challenge), "InvalidSignature", 401],
          // This key's signature of another message.
          [wallet.sign(`${started.challenge}.`), "InvalidSignature", 401],
          // A recovery byte that is neither 27/28 nor 0/1.
          [`${good.slice(0, -2)}05`, "InvalidSignature", 401]
        ]
        for (const [signature, tag, status] of cases) {
          assertApiError(yield* authenticate(wallet, signature).pipe(Effect.flip), tag, status)
        }
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
        // v may also be given as 0/1, and the 0x prefix is optional.
        const v = parseInt(good.slice(-2), 16) - 27
        const done = yield* authenticate(wallet, `${good.slice(2, -2)}0${v}`)
        assert.isTrue(done.user.crypto_wallets[0]!.verified)
      }))

    it.effect("bad solana signatures fail typed; the wallet stays unverified and the challenge usable", () =>
      Effect.gen(function*() {
        const wallet = solanaWallet()
        const started = yield* start(wallet)
        const cases: ReadonlyArray<readonly [string, string, number]> = [
          [base58.encode(new Uint8Array(63).fill(1)), "SignatureIsIncorrectSize", 400],
          ["0OIl", "InvalidSignature", 401],
          [solanaWallet().sign(started.challenge), "InvalidSignature", 401],
          // The 0x-hex encoding of a right signature is not accepted: the API takes base58.
          [`0x${bytesToHex(base58.decode(wallet.sign(started.challenge)))}`, "InvalidSignature", 401]
        ]
        for (const [signature, tag, status] of cases) {
          assertApiError(yield* authenticate(wallet, signature).pipe(Effect.flip), tag, status)
        }
        assert.isFalse((yield* walletsOf(started.user_id))[0]!.verified)
        const done = yield* authenticate(wallet, wallet.sign(started.challenge))
        assert.isTrue(done.user.crypto_wallets[0]!.verified)
      }))
  })
})
