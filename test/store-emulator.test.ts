/**
 * The emulator store's invariants: deleteUser clears every index, counters are per store, clear forgets everything.
 */
import { assert, describe, it } from "@effect/vitest"
import { defaultSettings, newId, Store, type UserRecord, walletKey } from "../emulator/src/internal/store.js"

const user = (store: Store): UserRecord => ({
  user_id: newId("user", store.settings.projectId),
  created_at: 0,
  status: "active",
  emails: [{ email_id: newId("email", "p"), email: "Ada@Example.com", verified: true }],
  phone_numbers: [{ phone_id: newId("phone-number", "p"), phone_number: "+15005550006", verified: true }],
  totps: [],
  providers: [],
  webauthn_registrations: [],
  crypto_wallets: [{ crypto_wallet_id: newId("crypto-wallet", "p"), crypto_wallet_address: "0xAB", verified: true }],
  biometric_registrations: [],
  trusted_metadata: {},
  untrusted_metadata: {},
  external_id: "ext-1",
  roles: [],
  passwordlessEmails: new Set()
})

describe("emulator store", () => {
  it("deleteUser removes the user from every index, with its sessions, tokens, codes and pending challenges", () => {
    const store = new Store(defaultSettings("project-test-1", "secret"))
    const u = user(store)
    store.insertUser(u)
    const key = walletKey("ethereum", "0xAB")
    store.indexWallet(key, u)
    store.insertSession({
      session_id: "s", session_token: "t", user_id: u.user_id, started_at: 0, last_accessed_at: 0, expires_at: 1,
      authentication_factors: [], custom_claims: {}
    })
    store.putToken({ token: "tok", kind: "login", user_id: u.user_id, expires_at: 1, used: false })
    store.putOtp({ method_id: "m", user_id: u.user_id, channel: "sms", code: "1", expires_at: 1, attempts: 0, used: false })
    store.putWebAuthnChallenge({
      challenge: "c", kind: "register", user_id: u.user_id, domain: "d", userVerification: "preferred", expires_at: 1
    })
    store.putCryptoChallenge(key, {
      user_id: u.user_id, crypto_wallet_id: "w", crypto_wallet_type: "ethereum", challenge: "x", expires_at: 1
    })
    store.deleteUser(u)
    assert.strictEqual(store.users.size, 0)
    assert.strictEqual(store.userByEmail("ada@example.com"), undefined)
    assert.strictEqual(store.userByPhone("+15005550006"), undefined)
    assert.strictEqual(store.userByExternalId("ext-1"), undefined)
    assert.strictEqual(store.userByWallet(key, () => true), undefined)
    assert.strictEqual(store.sessionByToken("t"), undefined)
    assert.strictEqual(store.sessions.size + store.tokens.size + store.otps.size, 0)
    assert.strictEqual(store.webauthnChallenges.size, 0)
    assert.strictEqual(store.cryptoChallenges.size, 0)
  })

  it("removeEmail, removePhone, setExternalId and removeWallet keep the indexes right", () => {
    const store = new Store(defaultSettings("project-test-1", "secret"))
    const u = user(store)
    store.insertUser(u)
    const key = walletKey("ethereum", "0xab")
    store.indexWallet(key, u)
    store.removeEmail(u, u.emails[0]!.email_id)
    store.removePhone(u, u.phone_numbers[0]!.phone_id)
    store.setExternalId(u, "ext-2")
    store.removeWallet(u, u.crypto_wallets[0]!.crypto_wallet_id)
    assert.strictEqual(store.userByEmail("ada@example.com"), undefined)
    assert.strictEqual(store.userByPhone("+15005550006"), undefined)
    assert.strictEqual(store.userByExternalId("ext-1"), undefined)
    assert.strictEqual(store.userByExternalId("ext-2"), u)
    assert.strictEqual(store.userByWallet(key, () => true), undefined)
    assert.deepStrictEqual([u.emails.length, u.phone_numbers.length, u.crypto_wallets.length], [0, 0, 0])
  })

  it("counters are per store; clear forgets every record, the counter and the changed settings", () => {
    const a = new Store(defaultSettings("project-test-1", "secret"))
    const b = new Store(defaultSettings("project-test-2", "secret"))
    assert.deepStrictEqual([a.nextSeq(), a.nextSeq(), b.nextSeq()], [1, 2, 1])
    a.insertUser(user(a))
    a.settings = { ...a.settings, otpMaxAttempts: 9 }
    a.clear({ keepSettings: true })
    assert.strictEqual(a.settings.otpMaxAttempts, 9)
    a.clear()
    assert.strictEqual(a.users.size, 0)
    assert.strictEqual(a.nextSeq(), 1)
    assert.strictEqual(a.settings.otpMaxAttempts, 5)
  })
})
