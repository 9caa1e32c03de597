/**
 * Password cryptography for the emulator: storage hashes, verification of hashes imported
 * through `/v1/passwords/migrate`, and Stytch's strength check (zxcvbn / LUDS + breach detection).
 *
 * Everything is pure JS / WebAssembly (node:crypto, bcryptjs, hash-wasm, @zxcvbn-ts) so it runs
 * on Node 20 without native addons. Passwords never appear in logs or error messages: the
 * verification functions swallow every failure and answer `false`.
 *
 * No verification runs on the event loop: scrypt and PBKDF2 run on libuv's thread pool
 * (node:crypto's async forms), and bcrypt, argon2 and phpass (whose JS / WebAssembly
 * implementations are synchronous underneath) in one worker thread, so a slow imported hash
 * never stalls other clients. Their cost parameters are capped (see Limits), at `passwords.migrate`
 * ({@link checkHashCost}) and again at verification.
 */
import * as crypto from "node:crypto"
import { createRequire } from "node:module"
import { Worker } from "node:worker_threads"
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core"
import * as zxcvbnCommonPackage from "@zxcvbn-ts/language-common"
import { breachedPasswords } from "./breached-passwords.js"

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type HashType =
  | "bcrypt"
  | "md_5"
  | "argon_2i"
  | "argon_2id"
  | "sha_1"
  | "sha_512"
  | "scrypt"
  | "phpass"
  | "pbkdf_2"

/** The hash configs of a `/v1/passwords/migrate` request. */
export interface MigrateConfig {
  readonly md_5_config?: { readonly prepend_salt?: string; readonly append_salt?: string }
  readonly argon_2_config?: {
    readonly salt: string
    readonly iteration_amount: number
    readonly memory: number
    readonly threads: number
    readonly key_length: number
  }
  readonly sha_1_config?: { readonly prepend_salt?: string; readonly append_salt?: string }
  readonly sha_512_config?: { readonly prepend_salt?: string; readonly append_salt?: string }
  readonly scrypt_config?: {
    readonly salt: string
    readonly n_parameter: number
    readonly r_parameter: number
    readonly p_parameter: number
    readonly key_length: number
  }
  readonly pbkdf_2_config?: {
    readonly salt: string
    readonly iteration_amount: number
    readonly key_length: number
    readonly algorithm: string
  }
}

// ---------------------------------------------------------------------------------------------
// Limits. Imported hashes come from API callers, so their cost parameters are bounded to keep a
// single request from pinning the CPU or exhausting memory. The bounds are generous enough for
// every real-world default (bcrypt 10-14, WordPress phpass 2^13, OWASP argon2/scrypt settings).
// ---------------------------------------------------------------------------------------------

/** Stytch documents n_parameter as "a power of two greater than 1 and less than 262,145". */
const SCRYPT_MAX_N = 262_144
const SCRYPT_MAX_R = 32
const SCRYPT_MAX_P = 16
const MAX_KEY_LENGTH = 1024
const PBKDF2_MAX_ITERATIONS = 10_000_000
/** Caps of this emulator (Stytch documents none): libsodium's "moderate" argon2 is t=3, m=256 MiB. */
export const ARGON2_MAX_ITERATIONS = 10
export const ARGON2_MAX_MEMORY_KIB = 1 << 18 // 256 MiB
const ARGON2_MAX_THREADS = 255
/** bcrypt allows costs 4..31; past 15 one bcryptjs verification takes several seconds (real hashes use 10-14). */
export const BCRYPT_MAX_COST = 15
/** phpass allows 2^7..2^30 rounds; beyond 2^20 one verification would take seconds. */
const PHPASS_MAX_LOG2_ROUNDS = 20

// ---------------------------------------------------------------------------------------------
// Byte helpers
// ---------------------------------------------------------------------------------------------

const HEX_RE = /^[0-9a-f]+$/i
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/
const BASE64URL_RE = /^[A-Za-z0-9_-]*={0,2}$/

/** Decodes standard or URL-safe base64, padded or not; undefined when `s` is not base64 at all. */
const decodeBase64 = (s: string): Buffer | undefined => {
  if (s.length === 0) return undefined
  if (BASE64_RE.test(s)) return Buffer.from(s, "base64")
  if (BASE64URL_RE.test(s)) return Buffer.from(s, "base64url")
  return undefined
}

/**
 * Decodes a stored digest that may be hex or base64. The expected length disambiguates the two
 * (a hex string of 2n characters never decodes to n bytes as base64).
 */
const decodeDigest = (encoded: string, expectedLength: number): Buffer | undefined => {
  const s = encoded.trim()
  if (s.length === expectedLength * 2 && HEX_RE.test(s)) return Buffer.from(s, "hex")
  const bytes = decodeBase64(s)
  return bytes !== undefined && bytes.length === expectedLength ? bytes : undefined
}

/** Constant-time comparison; lengths are not secret, so a mismatch answers early. */
const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.length > 0 && crypto.timingSafeEqual(a, b)

/**
 * Salt bytes to try, in order. Stytch documents scrypt/pbkdf2 salts as base64 but argon2 salts
 * only as "the salt value", and exporters disagree, so when a salt is ambiguous the other
 * reading is tried too. Each candidate still needs the password to match.
 */
const saltCandidates = (salt: string, prefer: "base64" | "utf8"): ReadonlyArray<Buffer> => {
  const raw = Buffer.from(salt, "utf8")
  const b64 = decodeBase64(salt)
  const ordered = prefer === "base64" ? [b64, raw] : [raw, b64]
  const out: Array<Buffer> = []
  for (const candidate of ordered) {
    if (candidate !== undefined && candidate.length > 0 && !out.some((c) => c.equals(candidate))) {
      out.push(candidate)
    }
  }
  return out
}

const isIntInRange = (n: unknown, min: number, max: number): n is number =>
  typeof n === "number" && Number.isInteger(n) && n >= min && n <= max

const isPowerOfTwo = (n: number): boolean => n > 1 && (n & (n - 1)) === 0

const scryptAsync = (password: string, salt: Uint8Array, keyLength: number, N: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => {
    // Node refuses to run when 128 * N * r exceeds maxmem (default 32 MiB); size it to the request.
    const maxmem = 128 * N * r * 2 + 1024 * 1024
    crypto.scrypt(password, salt, keyLength, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)))
  })

const pbkdf2Async = (password: string, salt: Uint8Array, iterations: number, keyLength: number, digest: string) =>
  new Promise<Buffer>((resolve, reject) => {
    crypto.pbkdf2(password, salt, iterations, keyLength, digest, (err, key) => (err ? reject(err) : resolve(key)))
  })

// ---------------------------------------------------------------------------------------------
// The hashing worker: bcrypt, argon2 and phpass off the event loop
// ---------------------------------------------------------------------------------------------

// Plain CommonJS evaluated in the worker (a worker cannot load this TypeScript module under tsx or
// vitest, nor a separate file from the bundle); it requires the libraries by absolute path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads")
const crypto = require("node:crypto")
const bcrypt = require(workerData.bcryptjs)
const hashWasm = require(workerData.hashWasm)
const ops = {
  bcrypt: ({ password, hash }) => bcrypt.compare(password, hash),
  argon2: ({ variant, ...params }) =>
    (variant === "argon_2id" ? hashWasm.argon2id : hashWasm.argon2i)({ ...params, outputType: "binary" }),
  phpass: ({ password, salt, rounds }) => {
    const pw = Buffer.from(password, "utf8")
    let hash = crypto.createHash("md5").update(salt, "latin1").update(pw).digest()
    for (let i = rounds; i > 0; i--) hash = crypto.createHash("md5").update(hash).update(pw).digest()
    return hash
  }
}
parentPort.on("message", async ({ id, op, args }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await ops[op](args) })
  } catch {
    parentPort.postMessage({ id, ok: false })
  }
})
`

type WorkerOp = "bcrypt" | "argon2" | "phpass"

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()

const startWorker = (): Worker => {
  const require = createRequire(import.meta.url)
  const w = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bcryptjs: require.resolve("bcryptjs"), hashWasm: require.resolve("hash-wasm") }
  })
  const failAll = () => {
    if (worker === w) worker = undefined
    for (const { reject } of pending.values()) reject(new Error("hash worker stopped"))
    pending.clear()
  }
  w.on("message", ({ id, ok, result }: { id: number; ok: boolean; result?: unknown }) => {
    const entry = pending.get(id)
    if (entry === undefined) return
    pending.delete(id)
    if (pending.size === 0) w.unref()
    ok ? entry.resolve(result) : entry.reject(new Error("hash worker operation failed"))
  })
  w.on("error", failAll)
  w.on("exit", failAll)
  w.unref()
  return w
}

/** Runs one hashing operation in the worker (started on first use; it never keeps the process alive when idle). */
const inWorker = <A>(op: WorkerOp, args: Record<string, unknown>): Promise<A> =>
  new Promise<A>((resolve, reject) => {
    const w = worker ??= startWorker()
    const id = nextId++
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
    w.ref()
    w.postMessage({ id, op, args })
  })

// ---------------------------------------------------------------------------------------------
// The emulator's own storage format
// ---------------------------------------------------------------------------------------------

// Deliberately cheap scrypt parameters: this is a local emulator and tests hash many passwords.
const STORAGE_N = 1024
const STORAGE_R = 8
const STORAGE_P = 1
const STORAGE_SALT_BYTES = 16
const STORAGE_KEY_BYTES = 32

/** Hashes a password for storage as `scrypt$N$r$p$<salt base64>$<hash base64>`. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = crypto.randomBytes(STORAGE_SALT_BYTES)
  const hash = await scryptAsync(password, salt, STORAGE_KEY_BYTES, STORAGE_N, STORAGE_R, STORAGE_P)
  return ["scrypt", STORAGE_N, STORAGE_R, STORAGE_P, salt.toString("base64"), hash.toString("base64")].join("$")
}

const DECIMAL_RE = /^[1-9][0-9]{0,9}$/

/** Verifies a password against a hash made by {@link hashPassword}; malformed hashes never match. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  try {
    const parts = stored.split("$")
    if (parts.length !== 6 || parts[0] !== "scrypt") return false
    const [, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string]
    if (!DECIMAL_RE.test(nText) || !DECIMAL_RE.test(rText) || !DECIMAL_RE.test(pText)) return false
    const N = Number(nText)
    const r = Number(rText)
    const p = Number(pText)
    if (!isPowerOfTwo(N) || N > SCRYPT_MAX_N || r > SCRYPT_MAX_R || p > SCRYPT_MAX_P) return false
    const salt = decodeBase64(saltText)
    const expected = decodeBase64(hashText)
    if (salt === undefined || expected === undefined || expected.length === 0 || expected.length > MAX_KEY_LENGTH) {
      return false
    }
    const actual = await scryptAsync(password, salt, expected.length, N, r, p)
    return equalBytes(actual, expected)
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------
// Migrated hashes
// ---------------------------------------------------------------------------------------------

type SaltConfig = { readonly prepend_salt?: string; readonly append_salt?: string } | undefined

/** md5 / sha1 / sha512 of `prepend_salt + password + append_salt`, stored as hex or base64. */
const verifySaltedDigest = (password: string, algorithm: "md5" | "sha1" | "sha512", hash: string, config: SaltConfig) => {
  const prepend = config?.prepend_salt ?? ""
  const append = config?.append_salt ?? ""
  const actual = crypto.createHash(algorithm).update(prepend + password + append, "utf8").digest()
  const expected = decodeDigest(hash, actual.length)
  return expected !== undefined && equalBytes(actual, expected)
}

const BCRYPT_RE = /^\$2[aby]?\$(\d{2})\$[./A-Za-z0-9]{53}$/

const verifyBcrypt = async (password: string, hash: string): Promise<boolean> => {
  // bcryptjs throws on anything that is not a $2a$/$2b$/$2y$ hash; those are simply not a match.
  const m = BCRYPT_RE.exec(hash)
  if (m === null || Number(m[1]) > BCRYPT_MAX_COST) return false
  return (await inWorker<boolean>("bcrypt", { password, hash })) === true
}

const verifyScrypt = async (password: string, hash: string, config: MigrateConfig["scrypt_config"]) => {
  if (config === undefined || checkScryptConfig(config) !== undefined) return false
  const salt = decodeBase64(config.salt)
  const expected = decodeDigest(hash, config.key_length)
  if (salt === undefined || expected === undefined) return false
  const actual = await scryptAsync(password, salt, config.key_length, config.n_parameter, config.r_parameter, config.p_parameter)
  return equalBytes(actual, expected)
}

/** Maps "sha256", "SHA-256", "hmac-sha256", "" (Stytch's default) ... to a node:crypto digest name. */
const pbkdf2Digest = (algorithm: string): "sha1" | "sha256" | "sha512" | undefined => {
  const normalized = algorithm.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^hmac/, "")
  if (normalized === "") return "sha256"
  return normalized === "sha1" || normalized === "sha256" || normalized === "sha512" ? normalized : undefined
}

const verifyPbkdf2 = async (password: string, hash: string, config: MigrateConfig["pbkdf_2_config"]) => {
  if (config === undefined || checkPbkdf2Config(config) !== undefined) return false
  const digest = pbkdf2Digest(config.algorithm)
  const expected = decodeDigest(hash, config.key_length)
  if (digest === undefined || expected === undefined) return false
  for (const salt of saltCandidates(config.salt, "base64")) {
    const actual = await pbkdf2Async(password, salt, config.iteration_amount, config.key_length, digest)
    if (equalBytes(actual, expected)) return true
  }
  return false
}

interface Argon2Params {
  readonly salt: Uint8Array
  readonly iterations: number
  readonly memoryKiB: number
  readonly parallelism: number
}

const argon2Raw = async (
  variant: "argon_2i" | "argon_2id",
  password: string,
  params: Argon2Params,
  hashLength: number
) =>
  new Uint8Array(
    await inWorker<Uint8Array>("argon2", {
      variant,
      password,
      salt: params.salt,
      iterations: params.iterations,
      memorySize: params.memoryKiB,
      parallelism: params.parallelism,
      hashLength
    })
  )

const argon2ParamsInRange = (iterations: number, memoryKiB: number, parallelism: number, hashLength: number) =>
  isIntInRange(iterations, 1, ARGON2_MAX_ITERATIONS) &&
  isIntInRange(parallelism, 1, ARGON2_MAX_THREADS) &&
  isIntInRange(memoryKiB, 8 * parallelism, ARGON2_MAX_MEMORY_KIB) &&
  isIntInRange(hashLength, 4, MAX_KEY_LENGTH)

/** `$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>` (PHC string format, unpadded base64). */
const PHC_ARGON2_RE = /^\$(argon2id|argon2i)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/

/**
 * Argon2: a PHC-encoded hash carries its own parameters; anything else is a raw digest (hex or
 * base64) that needs argon_2_config. PHC strings are parsed here rather than handed to hash-wasm's
 * argon2Verify so that the cost parameters can be bounded and the final comparison is constant-time.
 */
const verifyArgon2 = async (
  password: string,
  variant: "argon_2i" | "argon_2id",
  hash: string,
  config: MigrateConfig["argon_2_config"]
): Promise<boolean> => {
  const phc = PHC_ARGON2_RE.exec(hash.trim())
  if (phc !== null) {
    const [, type, version, m, t, p, saltText, hashText] = phc as unknown as [string, string, string, string, string, string, string, string]
    // The declared hash_type must match the encoded variant; hash-wasm only implements v1.3 (19).
    if (type.replace("argon2", "argon_2") !== variant || version !== "19") return false
    const salt = Buffer.from(saltText, "base64")
    const expected = Buffer.from(hashText, "base64")
    const params: Argon2Params = { salt, iterations: Number(t), memoryKiB: Number(m), parallelism: Number(p) }
    if (salt.length < 8 || !argon2ParamsInRange(params.iterations, params.memoryKiB, params.parallelism, expected.length)) {
      return false
    }
    return equalBytes(await argon2Raw(variant, password, params, expected.length), expected)
  }
  if (config === undefined || checkArgon2Config(config) !== undefined) return false
  const expected = decodeDigest(hash, config.key_length)
  if (expected === undefined) return false
  for (const salt of saltCandidates(config.salt, "utf8")) {
    if (salt.length < 8) continue // argon2's minimum salt length
    const params: Argon2Params = {
      salt,
      iterations: config.iteration_amount,
      memoryKiB: config.memory,
      parallelism: config.threads
    }
    if (equalBytes(await argon2Raw(variant, password, params, config.key_length), expected)) return true
  }
  return false
}

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** phpass's own little-endian base64 variant (`encode64` in PasswordHash.php). */
const phpassEncode64 = (input: Uint8Array, count: number): string => {
  let output = ""
  let i = 0
  do {
    let value = input[i++]!
    output += ITOA64[value & 0x3f]
    if (i < count) value |= input[i]! << 8
    output += ITOA64[(value >> 6) & 0x3f]
    if (i++ >= count) break
    if (i < count) value |= input[i]! << 16
    output += ITOA64[(value >> 12) & 0x3f]
    if (i++ >= count) break
    output += ITOA64[(value >> 18) & 0x3f]
  } while (i < count)
  return output
}

/**
 * Portable phpass (`$P$` WordPress / `$H$` phpBB): md5(salt . password), then 2^n rounds of
 * md5(hash . password); the setting is `$P$` + rounds char + 8 salt chars, then 22 hash chars.
 */
const phpassPortableHash = async (password: string, setting: string): Promise<string | undefined> => {
  const id = setting.slice(0, 3)
  if (id !== "$P$" && id !== "$H$") return undefined
  const log2Rounds = ITOA64.indexOf(setting.charAt(3))
  if (log2Rounds < 7 || log2Rounds > PHPASS_MAX_LOG2_ROUNDS) return undefined
  const salt = setting.slice(4, 12)
  if (salt.length !== 8) return undefined
  const hash = new Uint8Array(await inWorker<Uint8Array>("phpass", { password, salt, rounds: 1 << log2Rounds }))
  return setting.slice(0, 12) + phpassEncode64(hash, 16)
}

const verifyPhpass = async (password: string, hash: string): Promise<boolean> => {
  // phpass falls back to bcrypt ("CRYPT_BLOWFISH") when configured for non-portable hashes.
  if (hash.startsWith("$2")) return verifyBcrypt(password, hash)
  if (hash.length !== 34) return false
  const computed = await phpassPortableHash(password, hash)
  return computed !== undefined && equalBytes(Buffer.from(computed, "latin1"), Buffer.from(hash, "latin1"))
}

/**
 * Verifies a password against a hash imported through `/v1/passwords/migrate`. Unknown hash
 * types, missing or invalid configs and malformed hashes all answer `false`; this never throws.
 */
export const verifyMigratedHash = async (
  password: string,
  hashType: HashType,
  hash: string,
  config: MigrateConfig
): Promise<boolean> => {
  try {
    if (typeof password !== "string" || typeof hash !== "string") return false
    switch (hashType) {
      case "bcrypt":
        return await verifyBcrypt(password, hash)
      case "md_5":
        return verifySaltedDigest(password, "md5", hash, config.md_5_config)
      case "sha_1":
        return verifySaltedDigest(password, "sha1", hash, config.sha_1_config)
      case "sha_512":
        return verifySaltedDigest(password, "sha512", hash, config.sha_512_config)
      case "scrypt":
        return await verifyScrypt(password, hash, config.scrypt_config)
      case "pbkdf_2":
        return await verifyPbkdf2(password, hash, config.pbkdf_2_config)
      case "argon_2i":
      case "argon_2id":
        return await verifyArgon2(password, hashType, hash, config.argon_2_config)
      case "phpass":
        return await verifyPhpass(password, hash)
      default:
        return false
    }
  } catch {
    // Never rethrow: library errors may echo their inputs.
    return false
  }
}

// ---------------------------------------------------------------------------------------------
// Migrate request validation
// ---------------------------------------------------------------------------------------------

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const checkSaltStrings = (name: string, config: unknown): string | undefined => {
  if (config === undefined) return undefined
  if (!isObject(config)) return `${name} must be an object.`
  for (const field of ["prepend_salt", "append_salt"]) {
    if (config[field] !== undefined && typeof config[field] !== "string") return `${name}.${field} must be a string.`
  }
  return undefined
}

const checkKeyLength = (name: string, keyLength: unknown): string | undefined =>
  isIntInRange(keyLength, 1, MAX_KEY_LENGTH) ? undefined : `${name}.key_length must be an integer between 1 and ${MAX_KEY_LENGTH}.`

function checkScryptConfig(config: unknown): string | undefined {
  if (!isObject(config)) return "scrypt_config is required when hash_type is scrypt."
  if (typeof config.salt !== "string" || decodeBase64(config.salt) === undefined) {
    return "scrypt_config.salt must be a non-empty base64 string."
  }
  const n = config.n_parameter
  if (typeof n !== "number" || !Number.isInteger(n) || !isPowerOfTwo(n) || n > SCRYPT_MAX_N) {
    return `scrypt_config.n_parameter must be a power of two greater than 1 and at most ${SCRYPT_MAX_N}.`
  }
  if (!isIntInRange(config.r_parameter, 1, SCRYPT_MAX_R)) {
    return `scrypt_config.r_parameter must be an integer between 1 and ${SCRYPT_MAX_R}.`
  }
  if (!isIntInRange(config.p_parameter, 1, SCRYPT_MAX_P)) {
    return `scrypt_config.p_parameter must be an integer between 1 and ${SCRYPT_MAX_P}.`
  }
  return checkKeyLength("scrypt_config", config.key_length)
}

function checkPbkdf2Config(config: unknown): string | undefined {
  if (!isObject(config)) return "pbkdf_2_config is required when hash_type is pbkdf_2."
  if (typeof config.salt !== "string" || config.salt.length === 0) return "pbkdf_2_config.salt must be a non-empty string."
  if (!isIntInRange(config.iteration_amount, 1, PBKDF2_MAX_ITERATIONS)) {
    return `pbkdf_2_config.iteration_amount must be an integer between 1 and ${PBKDF2_MAX_ITERATIONS}.`
  }
  if (typeof config.algorithm !== "string" || pbkdf2Digest(config.algorithm) === undefined) {
    return "pbkdf_2_config.algorithm must be one of sha256, sha512 or sha1."
  }
  return checkKeyLength("pbkdf_2_config", config.key_length)
}

function checkArgon2Config(config: unknown): string | undefined {
  if (!isObject(config)) return "argon_2_config must be an object."
  if (typeof config.salt !== "string" || config.salt.length === 0) return "argon_2_config.salt must be a non-empty string."
  if (!isIntInRange(config.iteration_amount, 1, ARGON2_MAX_ITERATIONS)) {
    return `argon_2_config.iteration_amount must be an integer between 1 and ${ARGON2_MAX_ITERATIONS}.`
  }
  if (!isIntInRange(config.threads, 1, ARGON2_MAX_THREADS)) {
    return `argon_2_config.threads must be an integer between 1 and ${ARGON2_MAX_THREADS}.`
  }
  if (!isIntInRange(config.memory, 8 * config.threads, ARGON2_MAX_MEMORY_KIB)) {
    return `argon_2_config.memory must be an integer number of KiB between 8 * threads and ${ARGON2_MAX_MEMORY_KIB}.`
  }
  if (!isIntInRange(config.key_length, 4, MAX_KEY_LENGTH)) {
    return `argon_2_config.key_length must be an integer between 4 and ${MAX_KEY_LENGTH}.`
  }
  return undefined
}

/**
 * Checks that a migrate request carries the config its hash type needs (and that any config it
 * does carry is usable). Returns an error message, or undefined when the request is fine.
 *
 * argon2 configs stay optional because PHC-encoded hashes carry their own parameters; a raw
 * argon2 digest without a config is caught by verification (it never matches).
 */
export const checkMigrateConfig = (hashType: HashType, config: MigrateConfig): string | undefined => {
  switch (hashType) {
    case "bcrypt":
    case "phpass":
      return undefined
    case "md_5":
      return checkSaltStrings("md_5_config", config.md_5_config)
    case "sha_1":
      return checkSaltStrings("sha_1_config", config.sha_1_config)
    case "sha_512":
      return checkSaltStrings("sha_512_config", config.sha_512_config)
    case "scrypt":
      return checkScryptConfig(config.scrypt_config)
    case "pbkdf_2":
      return checkPbkdf2Config(config.pbkdf_2_config)
    case "argon_2i":
    case "argon_2id":
      return config.argon_2_config === undefined ? undefined : checkArgon2Config(config.argon_2_config)
    default:
      return `Unsupported hash_type: ${String(hashType)}.`
  }
}

/**
 * Checks the cost an imported hash encodes itself (bcrypt's cost, a PHC argon2 string's m and t,
 * phpass's rounds) against this emulator's caps. Returns `[error_type, message]`, or undefined.
 * Hashes that are malformed otherwise are left to the shape checks.
 */
export const checkHashCost = (hashType: HashType, hash: string): readonly [string, string] | undefined => {
  const bcryptCost = BCRYPT_RE.exec(hash)?.[1]
  const bcryptLike = hashType === "bcrypt" || hashType === "phpass"
  if (bcryptLike && bcryptCost !== undefined && Number(bcryptCost) > BCRYPT_MAX_COST) {
    return ["invalid_bcrypt_cost", `The emulator accepts bcrypt costs up to ${BCRYPT_MAX_COST}.`]
  }
  if (hashType === "argon_2i" || hashType === "argon_2id") {
    const phc = PHC_ARGON2_RE.exec(hash.trim())
    if (phc !== null && Number(phc[3]) > ARGON2_MAX_MEMORY_KIB) {
      return ["invalid_argon_2_memory", `The emulator accepts argon2 memory up to ${ARGON2_MAX_MEMORY_KIB} KiB (m=).`]
    }
    if (phc !== null && Number(phc[4]) > ARGON2_MAX_ITERATIONS) {
      const message = `The emulator accepts argon2 iterations up to ${ARGON2_MAX_ITERATIONS} (t=).`
      return ["invalid_argon_2_iteration_amount", message]
    }
  }
  if (hashType === "phpass" && (hash.startsWith("$P$") || hash.startsWith("$H$"))) {
    if (ITOA64.indexOf(hash.charAt(3)) > PHPASS_MAX_LOG2_ROUNDS) {
      const message = `The emulator accepts phpass hashes of up to 2^${PHPASS_MAX_LOG2_ROUNDS} rounds.`
      return ["invalid_phpass_hash_format", message]
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Strength check
// ---------------------------------------------------------------------------------------------

export interface StrengthPolicy {
  readonly policy: "zxcvbn" | "luds"
  readonly ludsMinLength: number
  readonly ludsMinCharTypes: number
  readonly checkBreached: boolean
}

/** Stytch's default: zxcvbn with breach detection (LUDS settings only apply once selected). */
export const defaultPolicy: StrengthPolicy = {
  policy: "zxcvbn",
  ludsMinLength: 8,
  ludsMinCharTypes: 3,
  checkBreached: true
}

export interface StrengthResult {
  readonly valid_password: boolean
  readonly score: number
  readonly breached_password: boolean
  readonly strength_policy: "zxcvbn" | "luds"
  readonly breach_detection_on_create: boolean
  readonly feedback: {
    readonly suggestions: ReadonlyArray<string>
    readonly warning: string
    readonly luds_requirements?: {
      readonly has_lower_case: boolean
      readonly has_upper_case: boolean
      readonly has_digit: boolean
      readonly has_symbol: boolean
      readonly missing_complexity: number
      readonly missing_characters: number
    }
  }
}

/**
 * English feedback. @zxcvbn-ts/core only ships translation *keys* (language packs are separate
 * packages); these are the strings of @zxcvbn-ts/language-en, which is what Stytch's feedback reads like.
 */
const englishTranslations = {
  warnings: {
    straightRow: "Straight rows of keys on your keyboard are easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: "Repeated characters like \"aaa\" are easy to guess.",
    extendedRepeat: "Repeated character patterns like \"abcabcabc\" are easy to guess.",
    sequences: "Common character sequences like \"abc\" are easy to guess.",
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is a heavily used password.",
    topHundred: "This is a frequently used password.",
    common: "This is a commonly used password.",
    similarToCommon: "This is similar to a commonly used password.",
    wordByItself: "Single words are easy to guess.",
    namesByThemselves: "Single names or surnames are easy to guess.",
    commonNames: "Common names and surnames are easy to guess.",
    userInputs: "There should not be any personal or page related data.",
    pwned: "Your password was exposed by a data breach on the Internet."
  },
  suggestions: {
    l33t: "Avoid predictable letter substitutions like '@' for 'a'.",
    reverseWords: "Avoid reversed spellings of common words.",
    allUppercase: "Capitalize some, but not all letters.",
    capitalization: "Capitalize more than the first letter.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid common character sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change typing direction multiple times.",
    anotherWord: "Add more words that are less common.",
    useWords: "Use multiple words, but avoid common phrases.",
    noNeed: "You can create strong passwords without using symbols, numbers, or uppercase letters.",
    pwned: "If you use this password elsewhere, you should change it."
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries"
  }
}

let zxcvbnConfigured = false

/** zxcvbn's options are a process-wide singleton; building its ranked dictionaries is costly, so do it once, on first use. */
const ensureZxcvbn = (): void => {
  if (zxcvbnConfigured) return
  zxcvbnOptions.setOptions({
    dictionary: { ...zxcvbnCommonPackage.dictionary },
    graphs: zxcvbnCommonPackage.adjacencyGraphs,
    translations: englishTranslations
  })
  zxcvbnConfigured = true
}

/**
 * User inputs as zxcvbn dictionary words: each input whole plus its alphanumeric pieces, so an
 * email like "jane.doe@acme.io" also penalises "jane", "doe" and "acme" inside the password.
 */
const userInputWords = (inputs: ReadonlyArray<string>): Array<string> => {
  const words = new Set<string>()
  for (const input of inputs) {
    const lower = input.trim().toLowerCase()
    if (lower === "") continue
    words.add(lower)
    for (const piece of lower.split(/[^\p{L}\p{N}]+/u)) {
      if (piece.length >= 3) words.add(piece)
    }
  }
  return [...words]
}

const isBreached = (password: string): boolean =>
  breachedPasswords.has(password) || breachedPasswords.has(password.toLowerCase())

/**
 * Stytch's strength check. The zxcvbn score is always computed; validity follows the policy:
 * zxcvbn needs score >= 3, LUDS needs the minimum length (in characters, not UTF-16 units) and
 * the minimum number of character classes. A breached password is invalid under both policies
 * when breach detection is on; with it off nothing is checked and breached_password is false.
 */
export const strengthCheck = (
  password: string,
  policy: StrengthPolicy,
  userInputs: ReadonlyArray<string> = []
): StrengthResult => {
  ensureZxcvbn()
  // Always pass an array: zxcvbn keeps the previous call's user inputs when given undefined.
  // Like zxcvbnAsync, only the first maxLength characters are scored (matching is super-linear).
  const result = zxcvbn(password.slice(0, zxcvbnOptions.maxLength), userInputWords(userInputs))
  const breached = policy.checkBreached && isBreached(password)

  let warning = result.feedback.warning ?? ""
  const suggestions = [...result.feedback.suggestions]
  if (breached) {
    // What @zxcvbn-ts/matcher-pwned reports for a pwned password.
    if (warning === "") warning = englishTranslations.warnings.pwned
    suggestions.push(englishTranslations.suggestions.pwned)
  }

  if (policy.policy === "zxcvbn") {
    return {
      valid_password: result.score >= 3 && !breached,
      score: result.score,
      breached_password: breached,
      strength_policy: "zxcvbn",
      breach_detection_on_create: policy.checkBreached,
      feedback: { suggestions, warning }
    }
  }

  const has_lower_case = /\p{Ll}/u.test(password)
  const has_upper_case = /\p{Lu}/u.test(password)
  const has_digit = /\p{Nd}/u.test(password)
  // Anything that is neither a letter nor a number counts as a symbol (spaces, emoji, punctuation).
  const has_symbol = /[^\p{L}\p{N}]/u.test(password)
  const charTypes = [has_lower_case, has_upper_case, has_digit, has_symbol].filter(Boolean).length
  const missing_complexity = Math.max(0, policy.ludsMinCharTypes - charTypes)
  const missing_characters = Math.max(0, policy.ludsMinLength - [...password].length)
  return {
    valid_password: missing_complexity === 0 && missing_characters === 0 && !breached,
    score: result.score,
    breached_password: breached,
    strength_policy: "luds",
    breach_detection_on_create: policy.checkBreached,
    feedback: {
      suggestions,
      warning,
      luds_requirements: { has_lower_case, has_upper_case, has_digit, has_symbol, missing_complexity, missing_characters }
    }
  }
}
