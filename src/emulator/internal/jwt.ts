/**
 * The emulator's signing keys: RS256 session JWTs and the JWKS that verifies them. Rotation adds a new current key
 * and keeps serving the old ones, as Stytch does during a key roll.
 */
import { generateKeyPair, generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from "node:crypto"

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

const makeKey = (projectId: string): Key => {
  const { privateKey, publicKey } = takeKeyPair()
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string }
  const kid = `jwk-${projectId.startsWith("project-live-") ? "live" : "test"}-${randomUUID()}`
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { kty: "RSA", use: "sig", alg: "RS256", kid, key_ops: ["verify"], n: jwk.n, e: jwk.e, x5c: [], x5tS256: "" }
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
