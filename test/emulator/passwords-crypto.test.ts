/**
 * Password crypto of the emulator. Reference hashes are produced here with independent code paths
 * (bcryptjs hashSync, node:crypto createHash / scryptSync / pbkdf2Sync, hash-wasm's encoded
 * argon2 output, a published phpass test vector) and must verify through the module under test.
 */
import * as crypto from "node:crypto"
import bcrypt from "bcryptjs"
import { argon2i, argon2id } from "hash-wasm"
import { describe, expect, it } from "vitest"
import { breachedPasswords } from "../../emulator/src/crypto/breached-passwords.js"
import {
  checkMigrateConfig,
  defaultPolicy,
  hashPassword,
  type HashType,
  type MigrateConfig,
  strengthCheck,
  type StrengthPolicy,
  verifyMigratedHash,
  verifyPassword
} from "../../emulator/src/crypto/passwords.js"

const PASSWORD = "correct horse battery staple ✓"
const WRONG = "correct horse battery stapler ✓"

/** Asserts that `hash` verifies for PASSWORD and not for WRONG. */
const expectVerifies = async (hashType: HashType, hash: string, config: MigrateConfig = {}) => {
  expect(await verifyMigratedHash(PASSWORD, hashType, hash, config)).toBe(true)
  expect(await verifyMigratedHash(WRONG, hashType, hash, config)).toBe(false)
}

describe("hashPassword / verifyPassword", () => {
  it("round-trips and rejects a wrong password", async () => {
    const stored = await hashPassword(PASSWORD)
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(stored).not.toContain(PASSWORD)
    expect(await verifyPassword(PASSWORD, stored)).toBe(true)
    expect(await verifyPassword(WRONG, stored)).toBe(false)
    expect(await verifyPassword("", stored)).toBe(false)
  })

  it("salts every hash", async () => {
    const a = await hashPassword(PASSWORD)
    const b = await hashPassword(PASSWORD)
    expect(a).not.toBe(b)
    expect(await verifyPassword(PASSWORD, b)).toBe(true)
  })

  it("matches an independently computed scrypt hash in the same format", async () => {
    const salt = crypto.randomBytes(16)
    const key = crypto.scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 })
    const stored = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`
    expect(await verifyPassword(PASSWORD, stored)).toBe(true)
    expect(await verifyPassword(WRONG, stored)).toBe(false)
  })

  it("answers false for tampered or malformed hashes", async () => {
    const stored = await hashPassword(PASSWORD)
    const parts = stored.split("$")
    const flipped = Buffer.from(parts[5]!, "base64")
    flipped[0] = flipped[0]! ^ 1
    expect(await verifyPassword(PASSWORD, [...parts.slice(0, 5), flipped.toString("base64")].join("$"))).toBe(false)
    expect(await verifyPassword(PASSWORD, [parts[0], "2048", ...parts.slice(2)].join("$"))).toBe(false)
    expect(await verifyPassword(PASSWORD, [parts[0], "1000", ...parts.slice(2)].join("$"))).toBe(false)
    expect(await verifyPassword(PASSWORD, "")).toBe(false)
    expect(await verifyPassword(PASSWORD, "scrypt$1024$8$1$$")).toBe(false)
    expect(await verifyPassword(PASSWORD, "bcrypt$whatever")).toBe(false)
  })
})

describe("verifyMigratedHash", () => {
  it("bcrypt ($2a$, $2b$ and $2y$)", async () => {
    const hash = bcrypt.hashSync(PASSWORD, 4)
    await expectVerifies("bcrypt", hash)
    await expectVerifies("bcrypt", hash.replace(/^\$2[ab]\$/, "$2y$"))
    expect(await verifyMigratedHash(PASSWORD, "bcrypt", "not-a-bcrypt-hash", {})).toBe(false)
  })

  it.each([
    ["md_5", "md5", "md_5_config"],
    ["sha_1", "sha1", "sha_1_config"],
    ["sha_512", "sha512", "sha_512_config"]
  ] as const)("%s with prepend/append salts, hex or base64", async (hashType, algorithm, configKey) => {
    const config: MigrateConfig = { [configKey]: { prepend_salt: "pre$", append_salt: "$post" } }
    const digest = crypto.createHash(algorithm).update(`pre$${PASSWORD}$post`, "utf8").digest()
    await expectVerifies(hashType, digest.toString("hex"), config)
    await expectVerifies(hashType, digest.toString("hex").toUpperCase(), config)
    await expectVerifies(hashType, digest.toString("base64"), config)
    // The salts matter: the same digest without them does not verify.
    expect(await verifyMigratedHash(PASSWORD, hashType, digest.toString("hex"), {})).toBe(false)
  })

  it.each([
    ["md_5", "md5"],
    ["sha_1", "sha1"],
    ["sha_512", "sha512"]
  ] as const)("%s without a config (unsalted)", async (hashType, algorithm) => {
    await expectVerifies(hashType, crypto.createHash(algorithm).update(PASSWORD, "utf8").digest("hex"))
  })

  it("scrypt with base64 salt and hash", async () => {
    const salt = crypto.randomBytes(16)
    const hash = crypto.scryptSync(PASSWORD, salt, 64, { N: 2048, r: 8, p: 2 }).toString("base64")
    const config: MigrateConfig = {
      scrypt_config: { salt: salt.toString("base64"), n_parameter: 2048, r_parameter: 8, p_parameter: 2, key_length: 64 }
    }
    await expectVerifies("scrypt", hash, config)
    expect(
      await verifyMigratedHash(PASSWORD, "scrypt", hash, {
        scrypt_config: { ...config.scrypt_config!, n_parameter: 1024 }
      })
    ).toBe(false)
    expect(await verifyMigratedHash(PASSWORD, "scrypt", hash, {})).toBe(false)
  })

  it.each(["sha256", "sha512", "sha1"] as const)("pbkdf_2 (%s) with base64 salt", async (algorithm) => {
    const salt = crypto.randomBytes(16)
    const hash = crypto.pbkdf2Sync(PASSWORD, salt, 1000, 32, algorithm).toString("base64")
    const config: MigrateConfig = {
      pbkdf_2_config: { salt: salt.toString("base64"), iteration_amount: 1000, key_length: 32, algorithm }
    }
    await expectVerifies("pbkdf_2", hash, config)
    expect(
      await verifyMigratedHash(PASSWORD, "pbkdf_2", hash, {
        pbkdf_2_config: { ...config.pbkdf_2_config!, iteration_amount: 999 }
      })
    ).toBe(false)
  })

  it("pbkdf_2 with a salt that is not base64 falls back to its raw bytes", async () => {
    const hash = crypto.pbkdf2Sync(PASSWORD, "plain salt!", 500, 32, "sha512").toString("base64")
    await expectVerifies("pbkdf_2", hash, {
      pbkdf_2_config: { salt: "plain salt!", iteration_amount: 500, key_length: 32, algorithm: "SHA-512" }
    })
  })

  it.each([
    ["argon_2id", argon2id],
    ["argon_2i", argon2i]
  ] as const)("%s in PHC encoding", async (hashType, argon2) => {
    const encoded = await argon2({
      password: PASSWORD,
      salt: crypto.randomBytes(16),
      iterations: 2,
      parallelism: 1,
      memorySize: 1024,
      hashLength: 32,
      outputType: "encoded"
    })
    expect(encoded.startsWith(hashType === "argon_2id" ? "$argon2id$v=19$" : "$argon2i$v=19$")).toBe(true)
    await expectVerifies(hashType, encoded)
    // The declared type must match the encoded variant.
    const other: HashType = hashType === "argon_2id" ? "argon_2i" : "argon_2id"
    expect(await verifyMigratedHash(PASSWORD, other, encoded, {})).toBe(false)
  })

  it.each([
    ["argon_2id", argon2id],
    ["argon_2i", argon2i]
  ] as const)("%s as a raw digest with argon_2_config", async (hashType, argon2) => {
    const salt = "a-salt-of-16-chr"
    const raw = await argon2({
      password: PASSWORD,
      salt,
      iterations: 3,
      parallelism: 2,
      memorySize: 512,
      hashLength: 24,
      outputType: "binary"
    })
    const config: MigrateConfig = {
      argon_2_config: { salt, iteration_amount: 3, memory: 512, threads: 2, key_length: 24 }
    }
    await expectVerifies(hashType, Buffer.from(raw).toString("base64"), config)
    await expectVerifies(hashType, Buffer.from(raw).toString("hex"), config)
    expect(await verifyMigratedHash(PASSWORD, hashType, Buffer.from(raw).toString("base64"), {})).toBe(false)
  })

  it("phpass portable hashes (published test vector)", async () => {
    // From the phpass distribution's test.php: the portable hash of "test12345".
    const hash = "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"
    expect(await verifyMigratedHash("test12345", "phpass", hash, {})).toBe(true)
    expect(await verifyMigratedHash("test12346", "phpass", hash, {})).toBe(false)
    // phpBB's $H$ prefix is the same algorithm.
    expect(await verifyMigratedHash("test12345", "phpass", hash.replace("$P$", "$H$"), {})).toBe(true)
    // Changing the round count or salt changes the result.
    expect(await verifyMigratedHash("test12345", "phpass", hash.replace("$P$9", "$P$A"), {})).toBe(false)
    expect(await verifyMigratedHash("test12345", "phpass", hash.replace("IQRa", "IQRb"), {})).toBe(false)
  })

  it("phpass also accepts the bcrypt hashes phpass emits in non-portable mode", async () => {
    await expectVerifies("phpass", bcrypt.hashSync(PASSWORD, 4))
  })

  it("answers false instead of throwing for unusable input", async () => {
    const cases: ReadonlyArray<readonly [HashType, string, MigrateConfig]> = [
      ["bcrypt", "$2b$04$short", {}],
      ["md_5", "zz", {}],
      ["scrypt", "abc", {}],
      ["scrypt", "abc", { scrypt_config: { salt: "c2FsdA==", n_parameter: 2 ** 30, r_parameter: 8, p_parameter: 1, key_length: 32 } }],
      ["pbkdf_2", "abc", { pbkdf_2_config: { salt: "c2FsdA==", iteration_amount: 10, key_length: 32, algorithm: "md4" } }],
      ["argon_2id", "$argon2id$v=16$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", {}],
      ["argon_2id", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", {}],
      ["phpass", "$P$Z" + "x".repeat(30), {}],
      ["nope" as HashType, "abc", {}]
    ]
    for (const [hashType, hash, config] of cases) {
      await expect(verifyMigratedHash(PASSWORD, hashType, hash, config)).resolves.toBe(false)
    }
  })
})

describe("checkMigrateConfig", () => {
  it("requires scrypt_config for scrypt", () => {
    expect(checkMigrateConfig("scrypt", {})).toMatch(/scrypt_config is required/)
    expect(
      checkMigrateConfig("scrypt", {
        scrypt_config: { salt: "c2FsdA==", n_parameter: 16384, r_parameter: 8, p_parameter: 1, key_length: 64 }
      })
    ).toBeUndefined()
  })

  it("validates scrypt parameters", () => {
    const base = { salt: "c2FsdA==", n_parameter: 16384, r_parameter: 8, p_parameter: 1, key_length: 64 }
    expect(checkMigrateConfig("scrypt", { scrypt_config: { ...base, n_parameter: 1000 } })).toMatch(/power of two/)
    expect(checkMigrateConfig("scrypt", { scrypt_config: { ...base, n_parameter: 524288 } })).toMatch(/power of two/)
    expect(checkMigrateConfig("scrypt", { scrypt_config: { ...base, salt: "not base64!" } })).toMatch(/salt/)
    expect(checkMigrateConfig("scrypt", { scrypt_config: { ...base, key_length: 0 } })).toMatch(/key_length/)
  })

  it("requires a usable pbkdf_2_config for pbkdf_2", () => {
    const base = { salt: "c2FsdA==", iteration_amount: 1000, key_length: 32, algorithm: "sha256" }
    expect(checkMigrateConfig("pbkdf_2", {})).toMatch(/pbkdf_2_config is required/)
    expect(checkMigrateConfig("pbkdf_2", { pbkdf_2_config: base })).toBeUndefined()
    expect(checkMigrateConfig("pbkdf_2", { pbkdf_2_config: { ...base, algorithm: "md5" } })).toMatch(/algorithm/)
    expect(checkMigrateConfig("pbkdf_2", { pbkdf_2_config: { ...base, iteration_amount: 0 } })).toMatch(/iteration_amount/)
  })

  it("needs no config for self-describing or unsalted types, but checks one that is given", () => {
    for (const hashType of ["bcrypt", "phpass", "md_5", "sha_1", "sha_512", "argon_2i", "argon_2id"] as const) {
      expect(checkMigrateConfig(hashType, {})).toBeUndefined()
    }
    expect(
      checkMigrateConfig("argon_2id", {
        argon_2_config: { salt: "saltsalt", iteration_amount: 3, memory: 4, threads: 1, key_length: 32 }
      })
    ).toMatch(/memory/)
    expect(checkMigrateConfig("nope" as HashType, {})).toMatch(/Unsupported hash_type/)
  })
})

describe("strengthCheck", () => {
  const luds: StrengthPolicy = { policy: "luds", ludsMinLength: 8, ludsMinCharTypes: 3, checkBreached: true }

  it("defaults to zxcvbn with breach detection and LUDS 8 / 3", () => {
    expect(defaultPolicy).toEqual({ policy: "zxcvbn", ludsMinLength: 8, ludsMinCharTypes: 3, checkBreached: true })
  })

  it("rejects \"password\" as breached, with English feedback", () => {
    const result = strengthCheck("password", defaultPolicy)
    expect(result.valid_password).toBe(false)
    expect(result.breached_password).toBe(true)
    expect(result.breach_detection_on_create).toBe(true)
    expect(result.strength_policy).toBe("zxcvbn")
    expect(result.score).toBeLessThanOrEqual(1)
    expect(result.feedback.warning).toMatch(/password/i)
    expect(result.feedback.warning).toContain(" ") // a sentence, not a bare translation key
    expect(result.feedback.suggestions.length).toBeGreaterThan(0)
    expect(result.feedback.luds_requirements).toBeUndefined()
  })

  it("detects breached passwords case-insensitively", () => {
    expect(breachedPasswords.has("p@ssw0rd")).toBe(true)
    expect(strengthCheck("P@ssw0rd", defaultPolicy).breached_password).toBe(true)
  })

  it("accepts a long random passphrase", () => {
    const result = strengthCheck("violet-Tundra-saxophone-47-quibble", defaultPolicy)
    expect(result.valid_password).toBe(true)
    expect(result.score).toBeGreaterThanOrEqual(3)
    expect(result.breached_password).toBe(false)
    expect(result.feedback).toEqual({ suggestions: [], warning: "" })
  })

  it("penalises user inputs, and only for the call that passes them", () => {
    const withEmail = strengthCheck("jane.smithson", defaultPolicy, ["jane.smithson@example.com"])
    expect(withEmail.score).toBeLessThan(3)
    expect(withEmail.valid_password).toBe(false)
    expect(withEmail.feedback.warning).toMatch(/personal/)
    const without = strengthCheck("jane.smithson", defaultPolicy)
    expect(without.score).toBeGreaterThanOrEqual(3)
    expect(without.valid_password).toBe(true)
  })

  it("LUDS: \"abc\" is too short and too simple", () => {
    const result = strengthCheck("abc", luds)
    expect(result.valid_password).toBe(false)
    expect(result.strength_policy).toBe("luds")
    expect(result.feedback.luds_requirements).toEqual({
      has_lower_case: true,
      has_upper_case: false,
      has_digit: false,
      has_symbol: false,
      missing_complexity: 2,
      missing_characters: 5
    })
  })

  it("LUDS: \"Abcdef1!\" satisfies 8 characters and 3 types", () => {
    const result = strengthCheck("Abcdef1!", luds)
    expect(result.valid_password).toBe(true)
    expect(result.breached_password).toBe(false)
    expect(result.feedback.luds_requirements).toEqual({
      has_lower_case: true,
      has_upper_case: true,
      has_digit: true,
      has_symbol: true,
      missing_complexity: 0,
      missing_characters: 0
    })
    // The zxcvbn score is still reported, and would not pass the zxcvbn policy.
    expect(result.score).toBeLessThan(3)
    expect(strengthCheck("Abcdef1!", defaultPolicy).valid_password).toBe(false)
  })

  it("LUDS: counts characters, not UTF-16 units, and respects custom minimums", () => {
    const policy: StrengthPolicy = { policy: "luds", ludsMinLength: 4, ludsMinCharTypes: 2, checkBreached: false }
    const emoji = strengthCheck("😀😀x", policy) // 3 characters, 5 UTF-16 units
    expect(emoji.feedback.luds_requirements?.missing_characters).toBe(1)
    expect(emoji.feedback.luds_requirements?.has_symbol).toBe(true)
    expect(emoji.feedback.luds_requirements?.missing_complexity).toBe(0)
    expect(emoji.valid_password).toBe(false)
    expect(strengthCheck("😀😀xy", policy).valid_password).toBe(true)
  })

  it("LUDS: a breached password is invalid unless breach detection is off", () => {
    const breached = strengthCheck("P@ssw0rd", luds)
    expect(breached.feedback.luds_requirements?.missing_complexity).toBe(0)
    expect(breached.breached_password).toBe(true)
    expect(breached.valid_password).toBe(false)
    const unchecked = strengthCheck("P@ssw0rd", { ...luds, checkBreached: false })
    expect(unchecked.breached_password).toBe(false)
    expect(unchecked.breach_detection_on_create).toBe(false)
    expect(unchecked.valid_password).toBe(true)
  })
})
