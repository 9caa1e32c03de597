/**
 * TOTP (RFC 6238) primitives for the emulator's `/v1/totps/*` endpoints.
 *
 * Everything here is a pure function over `node:crypto`; time is always passed
 * in explicitly (unix milliseconds) so callers can drive it from Effect's
 * `Clock` / `TestClock` rather than the wall clock.
 *
 * Fixed parameters, matching what Stytch issues and what authenticator apps
 * assume by default: HMAC-SHA1, 30 second step, 6 digits, T0 = 0.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto"

const STEP_SECONDS = 30
const DIGITS = 6
const SECRET_BYTES = 20 // 160 bits, the RFC 4226 recommendation for SHA1
const SIX_DIGITS = /^[0-9]{6}$/

// ---------------------------------------------------------------------------
// Base32 (RFC 4648 §6)
// ---------------------------------------------------------------------------

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

/** Base32-encode bytes: upper-case, no `=` padding (the otpauth convention). */
const base32Encode = (bytes: Uint8Array): string => {
  let out = ""
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += BASE32_ALPHABET[(buffer >>> bits) & 31]
    }
    // Only the low `bits` bits are still pending; drop the rest so the
    // accumulator never grows past 12 bits.
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

/**
 * Decode base32, tolerating what users paste: lower case, spaces and
 * trailing `=` padding. Throws on any other character.
 */
const base32Decode = (input: string): Buffer => {
  const clean = input.replace(/[\s=]/g, "").toUpperCase()
  const out: Array<number> = []
  let buffer = 0
  let bits = 0
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char)
    if (value === -1) throw new TypeError(`Invalid base32 character: ${JSON.stringify(char)}`)
    buffer = (buffer << 5) | value
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out.push((buffer >>> bits) & 0xff)
      buffer &= (1 << bits) - 1
    }
  }
  // Leftover (< 8) bits are the zero padding of the final quantum; ignore.
  return Buffer.from(out)
}

// ---------------------------------------------------------------------------
// HOTP / TOTP
// ---------------------------------------------------------------------------

/** RFC 4226 HOTP value for a decoded key and counter. */
const hotp = (key: Buffer, counter: number): string => {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac("sha1", key).update(message).digest()
  // Dynamic truncation (RFC 4226 §5.3).
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return (binary % 10 ** DIGITS).toString().padStart(DIGITS, "0")
}

/** Time step counter for a unix time in milliseconds. */
const counterAt = (unixMillis: number): number => {
  if (!Number.isFinite(unixMillis) || unixMillis < 0) {
    throw new RangeError(`unixMillis must be a non-negative finite number, got ${unixMillis}`)
  }
  return Math.floor(unixMillis / 1000 / STEP_SECONDS)
}

/** 20 random bytes, base32 (RFC 4648, no padding, upper-case). */
export const generateSecret = (): string => base32Encode(randomBytes(SECRET_BYTES))

/**
 * RFC 6238 TOTP, HMAC-SHA1, 30 s step, 6 digits, for the given unix time in
 * milliseconds. Throws `TypeError` on a malformed base32 secret and
 * `RangeError` on a negative / non-finite time.
 */
export const totpAt = (secretBase32: string, unixMillis: number): string =>
  hotp(base32Decode(secretBase32), counterAt(unixMillis))

/**
 * `true` iff `code` matches the step of `unixMillis` or one step before/after
 * (a +/- 1 step window, i.e. tolerates ~30 s of clock skew either way).
 * Codes that are not exactly 6 ASCII digits are `false`.
 *
 * The comparison is constant-time per candidate and all three candidates are
 * always compared, so timing does not reveal which step (if any) matched.
 * Throws like `totpAt` on a malformed secret (secrets are server-generated,
 * so that is a programming error rather than bad user input).
 */
export const verifyTotp = (secretBase32: string, code: string, unixMillis: number): boolean => {
  const key = base32Decode(secretBase32)
  const counter = counterAt(unixMillis)
  if (!SIX_DIGITS.test(code)) return false
  const given = Buffer.from(code, "ascii")
  let matched = false
  for (const delta of [-1, 0, 1]) {
    const c = counter + delta
    if (c < 0) continue // no step before the epoch
    const expected = Buffer.from(hotp(key, c), "ascii")
    // Both are exactly 6 bytes, as timingSafeEqual requires. It is evaluated
    // before `|| matched`, so every candidate is compared even after a match.
    matched = timingSafeEqual(expected, given) || matched
  }
  return matched
}

/**
 * `otpauth://totp/{issuer}:{account}?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30`
 * per the Google Authenticator key URI format. Label parts and query values
 * are percent-encoded with `encodeURIComponent` (spaces become `%20`, not `+`,
 * which several authenticator apps would otherwise display literally).
 *
 * Note: the key URI format forbids `:` inside issuer/account; it is encoded as
 * `%3A` here, but some parsers still split the label on it.
 */
export const otpauthUrl = (options: { secret: string; issuer: string; account: string }): string => {
  const label = `${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.account)}`
  const params: ReadonlyArray<readonly [string, string]> = [
    ["secret", options.secret],
    ["issuer", options.issuer],
    ["algorithm", "SHA1"],
    ["digits", String(DIGITS)],
    ["period", String(STEP_SECONDS)]
  ]
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")
  return `otpauth://totp/${label}?${query}`
}

// ---------------------------------------------------------------------------
// Recovery codes
// ---------------------------------------------------------------------------

const RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

/** One "xxxx-xxxx-xxxx" code; `randomInt` is uniform (no modulo bias). */
const recoveryCode = (): string => {
  const group = (): string => {
    let s = ""
    for (let i = 0; i < 4; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]
    return s
  }
  return `${group()}-${group()}-${group()}`
}

/**
 * `n` distinct recovery codes in Stytch's format "xxxx-xxxx-xxxx"
 * (lower-case alphanumeric, random). Default 10.
 */
export const generateRecoveryCodes = (n: number = 10): ReadonlyArray<string> => {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${n}`)
  }
  // 36^12 ≈ 4.7e18 possibilities, so a collision is astronomically unlikely,
  // but a Set makes uniqueness a guarantee rather than a probability.
  const codes = new Set<string>()
  while (codes.size < n) codes.add(recoveryCode())
  return Array.from(codes)
}
