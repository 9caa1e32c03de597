/**
 * The JWS half of local JWT verification, without Effect (shared by both Effect lines): the RS256 allow-list, `crit`,
 * the token's shape, and the signature, checked synchronously with Node's crypto where the runtime has it and by
 * jose's `compactVerify` on WebCrypto elsewhere; and the import of a JWKS's keys. Failures are plain `JwtFailure`s
 * (see `jwtRules.ts`); nothing here throws or rejects, except that a key resolver's `NoKnownKey` is returned as such.
 */
import * as jose from "jose"
import { isObject, type JwtFailure, jwtFailure } from "./jwtRules.js"

// ---------------------------------------------------------------------------------------------------------------
// Signature backends

/**
 * The synchronous RS256 check of Node's crypto (also in Deno and Bun), when the runtime has it: OpenSSL verifies
 * an RS256 signature in ~40 µs on the calling thread, while WebCrypto's `subtle.verify` (what jose uses) hands the
 * same work to a thread pool and resumes through a promise, about twice the cost per token in our benchmarks.
 * Elsewhere (browsers, workers without `node:crypto`) verification is jose's `compactVerify` on WebCrypto.
 *
 * Loaded with `process.getBuiltinModule` (no import statement), so bundles for other runtimes are unaffected.
 */
export interface NodeCrypto {
  readonly verify: (algorithm: string, data: Uint8Array, key: object, signature: Uint8Array) => boolean
  readonly KeyObject: { readonly from: (key: jose.CryptoKey) => object }
}
export interface NodeBuffer {
  readonly from: (input: string, encoding: "base64url" | "latin1") => Uint8Array & { toString(encoding: "utf8"): string }
}
export interface NodeModules {
  readonly crypto: NodeCrypto
  readonly Buffer: NodeBuffer
}

export const loadNode = (): NodeModules | undefined => {
  try {
    const load = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule
    if (typeof load !== "function") return undefined
    const crypto = load("node:crypto") as NodeCrypto | undefined
    const buffer = load("node:buffer") as { Buffer: NodeBuffer } | undefined
    return crypto && buffer ? { crypto, Buffer: buffer.Buffer } : undefined
  } catch {
    return undefined
  }
}

/**
 * The backend in use: `"node"` (the default: used when the runtime has `node:crypto`) or `"webcrypto"`. Exposed
 * (internally) so the test suites run every attack case against both.
 */
export const backend: { current: "node" | "webcrypto" } = { current: "node" }

// Loaded at the first verification, not at import: `node:crypto` is not loaded by Node at startup, and importing
// the SDK should not pay for it.
let node: NodeModules | undefined | null = null
/** Node's modules when the `"node"` backend is asked for and available, else `undefined` (WebCrypto). */
export const nodeBackend = (): NodeModules | undefined => {
  if (backend.current !== "node") return undefined
  if (node === null) node = loadNode()
  return node
}
/** The backend verifications really use now (`"webcrypto"` when `"node"` is asked for but unavailable). */
export const activeBackend = (): "node" | "webcrypto" => (nodeBackend() === undefined ? "webcrypto" : "node")

/** Thrown by a key resolver when the key set has no key for the token's `kid` (yet); returned by the verifiers. */
export class NoKnownKey {
  constructor(readonly kid: string) {}
}

/** A key resolver: the verification key for a token's (already checked) protected header. */
export type KeyFor = (header: jose.JWSHeaderParameters) => jose.CryptoKey

/** The `kid` a header names, `"(none)"` when it has none. */
export const kidOf = (header: jose.JWSHeaderParameters): string =>
  typeof header.kid === "string" ? header.kid : "(none)"

/** A token whose signature verified: its protected header and its (parsed, not yet checked) claims set. */
export interface Verified {
  readonly header: jose.CompactJWSHeaderParameters
  readonly payload: unknown
}

/** What one signature check says. */
export type SignatureResult = Verified | JwtFailure | NoKnownKey

export const isFailure = (result: SignatureResult): result is JwtFailure => "kind" in result

/** Maps a jose failure (of `compactVerify`, or of `jwtVerify` in users' code) to its failure description. */
export const joseFailure = (error: unknown): JwtFailure => {
  if (error instanceof jose.errors.JWTExpired) return jwtFailure("Expired", error.message)
  if (error instanceof jose.errors.JWTClaimValidationFailed) {
    const detail = error.message
    switch (error.claim) {
      case "nbf":
        return jwtFailure("NotYetValid", detail)
      case "iss":
        return jwtFailure("InvalidIssuer", detail)
      case "aud":
        return jwtFailure("InvalidAudience", detail)
      default:
        return jwtFailure("Malformed", detail)
    }
  }
  if (error instanceof jose.errors.JOSEAlgNotAllowed) return jwtFailure("UnsupportedAlgorithm", "only RS256 is accepted")
  if (error instanceof jose.errors.JWSSignatureVerificationFailed) {
    return jwtFailure("InvalidSignature", "the signature does not verify")
  }
  return jwtFailure("Malformed", error instanceof Error ? error.message : "not a JWT")
}

/** Node KeyObjects of the JWKS's CryptoKeys, made once per key. */
const keyObjects = new WeakMap<jose.CryptoKey, object>()
const keyObjectOf = (crypto: NodeCrypto, key: jose.CryptoKey): object => {
  let keyObject = keyObjects.get(key)
  if (keyObject === undefined) {
    keyObject = crypto.KeyObject.from(key)
    keyObjects.set(key, keyObject)
  }
  return keyObject
}

const BASE64URL = /^[A-Za-z0-9_-]+$/

const parseJson = (buffer: NodeBuffer, segment: string): unknown => {
  try {
    return JSON.parse(buffer.from(segment, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

/**
 * The JWS checks of `jose.compactVerify`, for RS256 compact tokens only: three base64url segments, a JSON object
 * header with `alg` exactly `RS256` and no `crit` (Stytch sets none; jose would reject any extension it does not
 * know too), then the signature over `header.payload` with the key of the header's `kid`. The payload is parsed
 * only once the signature verified. `keyFor` may throw (`NoKnownKey`): the throw is not caught here.
 */
export const nodeVerify = (node: NodeModules, token: string, keyFor: KeyFor): Verified | JwtFailure => {
  const first = token.indexOf(".")
  const second = token.indexOf(".", first + 1)
  if (first < 0 || second < 0 || token.indexOf(".", second + 1) >= 0) {
    return jwtFailure("Malformed", "Invalid Compact JWS")
  }
  const headerPart = token.slice(0, first)
  const payloadPart = token.slice(first + 1, second)
  const signaturePart = token.slice(second + 1)
  const header = BASE64URL.test(headerPart) ? parseJson(node.Buffer, headerPart) : undefined
  if (!isObject(header)) return jwtFailure("Malformed", "the JWS protected header is not a JSON object")
  if (typeof header.alg !== "string") return jwtFailure("Malformed", "no \"alg\" header parameter")
  if (header.alg !== "RS256") return jwtFailure("UnsupportedAlgorithm", "only RS256 is accepted")
  if (header.crit !== undefined) return jwtFailure("Malformed", "\"crit\" header parameters are not supported")
  if (!BASE64URL.test(payloadPart) || !BASE64URL.test(signaturePart)) {
    return jwtFailure("Malformed", "a segment is not base64url")
  }
  const key = keyFor(header as jose.JWSHeaderParameters) // may throw NoKnownKey
  const valid = node.crypto.verify(
    "sha256",
    node.Buffer.from(token.slice(0, second), "latin1"),
    keyObjectOf(node.crypto, key),
    node.Buffer.from(signaturePart, "base64url")
  )
  if (!valid) return jwtFailure("InvalidSignature", "the signature does not verify")
  const payload = parseJson(node.Buffer, payloadPart)
  if (payload === undefined) return jwtFailure("Malformed", "the claims set is not JSON")
  return { header: header as jose.CompactJWSHeaderParameters, payload }
}

const RS256_ONLY = { algorithms: ["RS256"] }
const utf8 = new TextDecoder()

/** The same checks by jose's `compactVerify` on WebCrypto. Never rejects. */
export const webVerify = (token: string, keyFor: KeyFor): Promise<SignatureResult> =>
  jose.compactVerify(token, keyFor, RS256_ONLY).then(
    ({ payload: bytes, protectedHeader }): SignatureResult => {
      try {
        return { header: protectedHeader, payload: JSON.parse(utf8.decode(bytes)) }
      } catch {
        return jwtFailure("Malformed", "the claims set is not JSON")
      }
    },
    (error): SignatureResult => (error instanceof NoKnownKey ? error : joseFailure(error))
  )

/**
 * One signature check on the active backend: synchronous with Node's crypto, a promise (that never rejects) with
 * WebCrypto. A `NoKnownKey` thrown by `keyFor` comes back as the result.
 */
export const verifySignature = (token: string, keyFor: KeyFor): SignatureResult | Promise<SignatureResult> => {
  const node = nodeBackend()
  if (node === undefined) return webVerify(token, keyFor)
  try {
    return nodeVerify(node, token, keyFor)
  } catch (error) {
    return error instanceof NoKnownKey ? error : joseFailure(error)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

/** What a JWKS entry must have to be considered. */
export interface RsaJwk {
  readonly kty: string
  readonly kid: string
  readonly alg?: string | undefined
  readonly n: string
  readonly e: string
}

/**
 * The verification keys of a JWKS by `kid`: RSA keys meant for RS256 (or for no algorithm in particular), imported
 * from their modulus and exponent only (nothing else of the JWK is trusted). Keys that fail to import and keys under
 * 2048 bits are left out (jose refuses the latter at verification; refusing them here does it for both backends).
 * Never rejects.
 */
export const importVerificationKeys = async (
  keys: ReadonlyArray<RsaJwk>
): Promise<Map<string, jose.CryptoKey>> => {
  const imported = new Map<string, jose.CryptoKey>()
  for (const jwk of keys) {
    if (jwk.kty !== "RSA" || (jwk.alg !== undefined && jwk.alg !== "RS256")) continue
    let key: jose.CryptoKey | Uint8Array
    try {
      key = await jose.importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, "RS256")
    } catch {
      continue
    }
    if (!(key instanceof Uint8Array) && (key.algorithm as { modulusLength?: number }).modulusLength! >= 2048) {
      imported.set(jwk.kid, key)
    }
  }
  return imported
}
