/**
 * A software WebAuthn authenticator and browser, for tests: it answers the options of `webauthn.registerStart` /
 * `authenticateStart` the way `navigator.credentials.create()` / `get()` and the webauthn-json library would, with
 * real P-256 keys (ES256), a `"none"` attestation, and real signatures over real authenticator data.
 *
 * Every part a relying party checks can be bent per call (`Bend`): origin, RP ID, challenge, client data type,
 * user verification, the signature counter, the signature itself, and the encoding of the binary fields. `clone()`
 * copies the keys and counters, as an attacker who extracted a key would: the copies' counters then diverge.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto"

// ---------------------------------------------------------------------------------------------------------------
// A minimal CBOR encoder (RFC 8949): unsigned and negative integers, byte and text strings, arrays and maps are all
// an attestation object and a COSE key need.

type Cbor = number | string | Uint8Array | ReadonlyArray<Cbor> | ReadonlyMap<Cbor, Cbor>

const head = (major: number, n: number): Array<number> => {
  const m = major << 5
  if (n < 24) return [m | n]
  if (n < 0x100) return [m | 24, n]
  if (n < 0x10000) return [m | 25, n >> 8, n & 0xff]
  return [m | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
}

export const encodeCbor = (value: Cbor): Buffer => {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("this encoder only writes integers")
    return Buffer.from(value >= 0 ? head(0, value) : head(1, -1 - value))
  }
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8")
    return Buffer.concat([Buffer.from(head(3, bytes.length)), bytes])
  }
  if (value instanceof Uint8Array) return Buffer.concat([Buffer.from(head(2, value.length)), value])
  if (Array.isArray(value)) {
    return Buffer.concat([Buffer.from(head(4, value.length)), ...value.map((v: Cbor) => encodeCbor(v))])
  }
  const map = value as ReadonlyMap<Cbor, Cbor>
  const parts: Array<Buffer> = [Buffer.from(head(5, map.size))]
  for (const [k, v] of map) parts.push(encodeCbor(k), encodeCbor(v))
  return Buffer.concat(parts)
}

// ---------------------------------------------------------------------------------------------------------------
// The authenticator

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest()

/** Reads a binary field of the options, whichever base64 alphabet it uses. */
const fromBase64 = (s: string) => Buffer.from(s, "base64")

const FLAG_UP = 0x01
const FLAG_UV = 0x04
const FLAG_AT = 0x40

export interface StoredCredential {
  readonly id: Buffer
  readonly privateKey: KeyObject
  /** The COSE_Key of the public key. */
  readonly cosePublicKey: Buffer
  readonly rpId: string
  readonly userHandle: Buffer
  counter: number
}

export interface AuthenticatorOptions {
  /** Whether the authenticator verifies the user (the UV flag). Default true. */
  readonly userVerification?: boolean
  /** How much the signature counter grows per assertion; 0 is an authenticator that keeps no counter. Default 1. */
  readonly counterStep?: number
  /** Reported as the attestation's `transports` and `authenticatorAttachment`. Default `["internal"]`, platform. */
  readonly transports?: ReadonlyArray<string>
  readonly attachment?: "platform" | "cross-platform"
}

/** Per-call deviations from what an honest browser and authenticator would send. */
export interface Bend {
  /** The RP ID whose hash goes into the authenticator data (default: the options' RP ID). */
  readonly rpId?: string
  /** The challenge written into the client data (default: the options' challenge). */
  readonly challenge?: string
  /** The client data type (default `webauthn.create` / `webauthn.get`). */
  readonly type?: string
  /** The UV flag (default: the authenticator's `userVerification`). */
  readonly userVerified?: boolean
  /** The signature counter to report (default: the stored counter plus `counterStep`). */
  readonly counter?: number
  /** Sign something else than authenticatorData || hash(clientDataJSON): a well-formed signature that fails. */
  readonly tamperSignature?: boolean
  /** How the binary fields of the answer are written (default base64url). */
  readonly encoding?: "base64url" | "base64"
  /** Assertion: use this credential (base64url id), even if the options do not allow it. Registration: attest
   * this existing credential again instead of creating a new one. */
  readonly credentialId?: string
  /** Assertion: omit the user handle. */
  readonly omitUserHandle?: boolean
}

export class SoftwareAuthenticator {
  private readonly credentials: Map<string, StoredCredential>
  readonly aaguid: Buffer

  constructor(readonly options: AuthenticatorOptions = {}, credentials?: Map<string, StoredCredential>) {
    this.credentials = credentials ?? new Map()
    this.aaguid = Buffer.alloc(16)
  }

  /** A second authenticator holding the same keys and counters, as a cloned device would. */
  clone(): SoftwareAuthenticator {
    const copy = new Map<string, StoredCredential>()
    for (const [k, c] of this.credentials) copy.set(k, { ...c })
    return new SoftwareAuthenticator(this.options, copy)
  }

  /** The credential ids (base64url) this authenticator holds. */
  credentialIds(): Array<string> {
    return [...this.credentials.keys()]
  }

  counterOf(credentialId: string): number {
    const c = this.credentials.get(credentialId)
    if (c === undefined) throw new Error(`no credential ${credentialId}`)
    return c.counter
  }

  /**
   * `navigator.credentials.create()`: answers `public_key_credential_creation_options` (a JSON string) from
   * `origin`, and returns `public_key_credential` for `webauthn.register` plus the new credential's id.
   */
  register(
    creationOptions: string,
    origin: string,
    bend: Bend = {}
  ): { readonly public_key_credential: string; readonly credentialId: string } {
    const options = JSON.parse(creationOptions)
    const rpId: string = options.rp.id
    let credential: StoredCredential
    if (bend.credentialId !== undefined) {
      const existing = this.credentials.get(bend.credentialId)
      if (existing === undefined) throw new Error(`no credential ${bend.credentialId}`)
      credential = existing
    } else {
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })
      const jwk = publicKey.export({ format: "jwk" })
      const cosePublicKey = encodeCbor(
        new Map<Cbor, Cbor>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x!, "base64url")],
          [-3, Buffer.from(jwk.y!, "base64url")]
        ])
      )
      credential = {
        id: randomBytes(32),
        privateKey,
        cosePublicKey,
        rpId,
        userHandle: fromBase64(options.user.id),
        counter: 0
      }
      this.credentials.set(credential.id.toString("base64url"), credential)
    }

    const clientDataJSON = this.clientData(bend.type ?? "webauthn.create", bend.challenge ?? options.challenge, origin)
    const flags = FLAG_AT | FLAG_UP | ((bend.userVerified ?? this.userVerifies) ? FLAG_UV : 0)
    const idLength = Buffer.alloc(2)
    idLength.writeUInt16BE(credential.id.length)
    const authData = Buffer.concat([
      this.authDataHead(bend.rpId ?? rpId, flags, bend.counter ?? credential.counter),
      this.aaguid,
      idLength,
      credential.id,
      credential.cosePublicKey
    ])
    const attestationObject = encodeCbor(
      new Map<Cbor, Cbor>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]])
    )
    const enc = this.encoder(bend)
    return {
      credentialId: credential.id.toString("base64url"),
      public_key_credential: JSON.stringify({
        type: "public-key",
        id: enc(credential.id),
        rawId: enc(credential.id),
        authenticatorAttachment: this.options.attachment ?? "platform",
        response: {
          clientDataJSON: enc(clientDataJSON),
          attestationObject: enc(attestationObject),
          transports: [...(this.options.transports ?? ["internal"])]
        },
        clientExtensionResults: {}
      })
    }
  }

  /**
   * `navigator.credentials.get()`: answers `public_key_credential_request_options` (a JSON string) from `origin`
   * with the first allowed credential it holds, or (no allowCredentials: a passkey flow) its newest credential for
   * the RP ID. Returns `public_key_credential` for `webauthn.authenticate`.
   */
  authenticate(requestOptions: string, origin: string, bend: Bend = {}): string {
    const options = JSON.parse(requestOptions)
    const rpId: string = options.rpId
    const allowed: Array<string> = (options.allowCredentials ?? []).map((c: { id: string }) =>
      fromBase64(c.id).toString("base64url")
    )
    const credential = bend.credentialId !== undefined
      ? this.credentials.get(bend.credentialId)
      : allowed.length > 0
      ? allowed.map((id) => this.credentials.get(id)).find((c) => c !== undefined && c.rpId === rpId)
      : [...this.credentials.values()].filter((c) => c.rpId === rpId).at(-1)
    if (credential === undefined) throw new Error(`the authenticator holds no usable credential for ${rpId}`)

    const counter = bend.counter ?? credential.counter + (this.options.counterStep ?? 1)
    credential.counter = counter
    const clientDataJSON = this.clientData(bend.type ?? "webauthn.get", bend.challenge ?? options.challenge, origin)
    const flags = FLAG_UP | ((bend.userVerified ?? this.userVerifies) ? FLAG_UV : 0)
    const authData = this.authDataHead(bend.rpId ?? rpId, flags, counter)
    const signedClientData = bend.tamperSignature ? Buffer.concat([clientDataJSON, Buffer.from("!")]) : clientDataJSON
    const signed = Buffer.concat([authData, sha256(signedClientData)])
    // ECDSA with SHA-256; node writes the DER form WebAuthn uses.
    const signature = sign("sha256", signed, credential.privateKey)
    const enc = this.encoder(bend)
    return JSON.stringify({
      type: "public-key",
      id: enc(credential.id),
      rawId: enc(credential.id),
      authenticatorAttachment: this.options.attachment ?? "platform",
      response: {
        clientDataJSON: enc(clientDataJSON),
        authenticatorData: enc(authData),
        signature: enc(signature),
        ...(bend.omitUserHandle ? {} : { userHandle: enc(credential.userHandle) })
      },
      clientExtensionResults: {}
    })
  }

  private get userVerifies() {
    return this.options.userVerification ?? true
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    // The browser echoes the challenge bytes, base64url-encoded, whatever alphabet the options used.
    const echoed = fromBase64(challenge).toString("base64url")
    return Buffer.from(JSON.stringify({ type, challenge: echoed, origin, crossOrigin: false }))
  }

  private authDataHead(rpId: string, flags: number, counter: number): Buffer {
    const head = Buffer.alloc(37)
    sha256(rpId).copy(head, 0)
    head.writeUInt8(flags, 32)
    head.writeUInt32BE(counter, 33)
    return head
  }

  private encoder(bend: Bend) {
    const encoding = bend.encoding ?? "base64url"
    return (bytes: Buffer) => bytes.toString(encoding)
  }
}
