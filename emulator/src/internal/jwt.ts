/**
 * The emulator's signing keys: RS256 session JWTs and the JWKS that verifies them. Rotation adds a new current key
 * and keeps serving the old ones, as Stytch does during a key roll.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
  verify,
  X509Certificate
} from "node:crypto"

interface Key {
  readonly kid: string
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
  readonly jwk: {
    readonly kty: "RSA"
    readonly use: "sig"
    readonly alg: "RS256"
    readonly kid: string
    readonly key_ops: ReadonlyArray<string>
    readonly n: string
    readonly e: string
    readonly x5c: ReadonlyArray<string>
    readonly x5tS256: string
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key pairs, generated ahead in the background
//
// A 2048-bit RSA key pair takes 80-500 ms of CPU to generate on this class of machine, and a test suite that builds
// an emulator per test needs one each. Every emulator still gets a fresh pair of its own, but pairs are generated
// ahead, asynchronously on libuv's thread pool: creating an emulator starts the refill, and its first JWT or JWKS
// request (when the key is first needed) takes a ready pair, or generates one on the spot when none is ready yet.

type KeyPair = { readonly privateKey: KeyObject; readonly publicKey: KeyObject }

const AHEAD = 2
const ready: Array<KeyPair> = []
let generating = 0

/** Starts generating pairs in the background until `AHEAD` are ready or under way. */
export const generateKeysAhead = (): void => {
  while (ready.length + generating < AHEAD) {
    generating++
    generateKeyPair("rsa", { modulusLength: 2048 }, (error, publicKey, privateKey) => {
      generating--
      if (error === null) ready.push({ privateKey, publicKey })
    })
  }
}

const takeKeyPair = (): KeyPair => {
  const pair = ready.shift() ?? generateKeyPairSync("rsa", { modulusLength: 2048 })
  generateKeysAhead()
  return pair
}

// ---------------------------------------------------------------------------------------------------------------
// A self-signed certificate per key, for the JWKS's `x5c` and `x5tS256` (as Stytch's JWKS carries them). DER is
// written by hand: a handful of types suffice, and it keeps key creation synchronous and dependency-free.

const der = (tag: number, content: Buffer): Buffer => {
  const n = content.length
  const length = n < 0x80
    ? Buffer.from([n])
    : n < 0x100
    ? Buffer.from([0x81, n])
    : Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.concat([Buffer.from([tag]), length, content])
}
const sequence = (...items: Array<Buffer>) => der(0x30, Buffer.concat(items))
const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split(".").map(Number)
  const bytes = [a! * 40 + b!]
  for (const n of rest) {
    const chunk = [n & 0x7f]
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return der(0x06, Buffer.from(bytes))
}
/** UTCTime, `YYMMDDHHMMSSZ` (valid until 2049). */
const utcTime = (date: Date) => der(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z"))
const SHA256_WITH_RSA = sequence(oid("1.2.840.113549.1.1.11"), Buffer.from([0x05, 0x00]))
const name = (cn: string) => sequence(der(0x31, sequence(oid("2.5.4.3"), der(0x0c, Buffer.from(cn, "utf8")))))

/** A self-signed X.509 v3 certificate (DER) for the key pair, valid for ten years from now. */
export const selfSigned = (cn: string, publicKey: KeyObject, privateKey: KeyObject): Buffer => {
  const serial = randomBytes(16)
  // Positive, and a non-zero first byte: DER wants the shortest encoding, and OpenSSL refuses a needless 0x00.
  serial[0] = (serial[0]! & 0x7f) | 0x40
  const now = new Date()
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // version: v3
    der(0x02, serial),
    SHA256_WITH_RSA,
    name(cn),
    sequence(utcTime(now), utcTime(new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000))),
    name(cn),
    publicKey.export({ type: "spki", format: "der" })
  )
  const signature = sign("sha256", tbs, privateKey)
  return sequence(tbs, SHA256_WITH_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature])))
}

/** The public JWK the JWKS serves for a key (RS256, with its certificate chain and thumbprint). */
const publicJwk = (
  kid: string,
  n: string,
  e: string,
  x5c: ReadonlyArray<string>,
  x5tS256: string
): Key["jwk"] => ({
  kty: "RSA",
  use: "sig",
  alg: "RS256",
  kid,
  key_ops: ["verify"],
  n,
  e,
  x5c,
  x5tS256
})

const makeKey = (projectId: string): Key => {
  const { privateKey, publicKey } = takeKeyPair()
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string }
  const kid = `jwk-${projectId.startsWith("project-live-") ? "live" : "test"}-${randomUUID()}`
  const certificate = selfSigned(kid, publicKey, privateKey)
  return {
    kid,
    privateKey,
    publicKey,
    jwk: publicJwk(
      kid,
      jwk.n,
      jwk.e,
      [certificate.toString("base64")],
      createHash("sha256").update(certificate).digest("base64url")
    )
  }
}

/** A signing key as a saved state holds it: the private JWK and the certificate the JWKS serves with it. */
export interface ExportedKey {
  readonly kid: string
  /** The RSA private key as a JWK (`kty`, `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi`). */
  readonly private_jwk: Readonly<Record<string, string>>
  readonly x5c: ReadonlyArray<string>
  readonly x5tS256: string
}

const PRIVATE_JWK_FIELDS = ["kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"] as const

const exportKey = (key: Key): ExportedKey => {
  const jwk = key.privateKey.export({ format: "jwk" }) as Record<string, string>
  return {
    kid: key.kid,
    private_jwk: Object.fromEntries(PRIVATE_JWK_FIELDS.map((f) => [f, jwk[f]!])),
    x5c: key.jwk.x5c,
    x5tS256: key.jwk.x5tS256
  }
}

/** The key a saved state describes, or why it is unusable (the caller names where). */
const importKey = (saved: ExportedKey): Key | string => {
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey({ key: { ...saved.private_jwk }, format: "jwk" })
  } catch (error) {
    return `not a usable private JWK (${error instanceof Error ? error.message : String(error)})`
  }
  if (privateKey.asymmetricKeyType !== "rsa") return "not an RSA key"
  const publicKey = createPublicKey(privateKey)
  const { n, e } = publicKey.export({ format: "jwk" }) as { n: string; e: string }
  const probe = Buffer.from("effect-stytch-emulator")
  if (!verify("sha256", probe, publicKey, sign("sha256", probe, privateKey))) return "the private JWK is inconsistent"
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(Buffer.from(saved.x5c[0] ?? "", "base64"))
  } catch {
    return "x5c holds no certificate"
  }
  if (!certificate.publicKey.equals(publicKey)) return "the x5c certificate is not of this key"
  if (createHash("sha256").update(certificate.raw).digest("base64url") !== saved.x5tS256) {
    return "x5tS256 is not the certificate's thumbprint"
  }
  return {
    kid: saved.kid,
    privateKey,
    publicKey,
    jwk: publicJwk(saved.kid, n, e, saved.x5c, saved.x5tS256)
  }
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

export type VerifyResult =
  | { readonly ok: true; readonly payload: Record<string, unknown> }
  | { readonly ok: false; readonly reason: "malformed" | "signature" }

export class SigningKeys {
  private keys: Array<Key> = []

  constructor(private readonly projectId: string) {
    generateKeysAhead()
  }

  private get current(): Key {
    if (this.keys.length === 0) this.keys.push(makeKey(this.projectId))
    return this.keys[this.keys.length - 1]!
  }

  /** Every key still served (newest last). */
  jwks(): ReadonlyArray<Key["jwk"]> {
    void this.current
    return this.keys.map((k) => k.jwk)
  }

  /** A new current key; old keys stay in the JWKS (up to `keep` keys in all). Returns the new kid. */
  rotate(keep = 2): string {
    this.keys.push(makeKey(this.projectId))
    if (this.keys.length > keep) this.keys = this.keys.slice(-keep)
    return this.current.kid
  }

  signJwt(payload: Record<string, unknown>): string {
    const key = this.current
    const input = `${b64url({ alg: "RS256", kid: key.kid, typ: "JWT" })}.${b64url(payload)}`
    return `${input}.${sign("sha256", Buffer.from(input), key.privateKey).toString("base64url")}`
  }

  /** Every key (newest last) with its private part, for a saved state. */
  exportKeys(): ReadonlyArray<ExportedKey> {
    void this.current
    return this.keys.map(exportKey)
  }

  /**
   * Signing keys rebuilt from a saved state (newest last: the current key), or the problem as `[index, reason]`.
   * Nothing is generated: JWTs signed before the export still verify.
   */
  static fromExported(projectId: string, saved: ReadonlyArray<ExportedKey>): SigningKeys | readonly [number, string] {
    const keys: Array<Key> = []
    for (const [i, k] of saved.entries()) {
      if (saved.findIndex((other) => other.kid === k.kid) !== i) return [i, "the kid is not unique"]
      const key = importKey(k)
      if (typeof key === "string") return [i, key]
      keys.push(key)
    }
    const signing = new SigningKeys(projectId)
    signing.keys = keys
    return signing
  }

  /** Checks the signature against every served key; expiry is the caller's business (Stytch refreshes expired JWTs). */
  verifyJwt(token: string): VerifyResult {
    const parts = token.split(".")
    if (parts.length !== 3) return { ok: false, reason: "malformed" }
    let header: { alg?: unknown; kid?: unknown }
    let payload: Record<string, unknown>
    try {
      header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8"))
      payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"))
    } catch {
      return { ok: false, reason: "malformed" }
    }
    if (header.alg !== "RS256" || typeof payload !== "object" || payload === null) return { ok: false, reason: "malformed" }
    const key = this.keys.find((k) => k.kid === header.kid)
    if (key === undefined) return { ok: false, reason: "signature" }
    const valid = verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, Buffer.from(parts[2]!, "base64url"))
    return valid ? { ok: true, payload } : { ok: false, reason: "signature" }
  }
}
