/**
 * The emulator's signing keys: RS256 session JWTs and the JWKS that verifies them. Rotation adds a new current key
 * and keeps serving the old ones, as Stytch does during a key roll.
 */
import { generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from "node:crypto"

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

const makeKey = (projectId: string): Key => {
  // 2048-bit keys take ~50-150 ms to generate; the emulator makes one lazily, on the first JWT or JWKS request.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
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

  constructor(private readonly projectId: string) {}

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
