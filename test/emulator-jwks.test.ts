/**
 * The JWKS as Stytch serves it: without credentials, each key with a real self-signed certificate (`x5c`) and its
 * SHA-256 thumbprint (`x5tS256`), so clients that pin or inspect certificates work against the emulator.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as jose from "jose"
import { createHash, generateKeyPairSync, X509Certificate } from "node:crypto"
import { vi } from "vitest"
import { selfSigned } from "../emulator/src/internal/jwt.js"
import { raw, withServer } from "./support/raw.js"

vi.setConfig({ testTimeout: 30_000 })

describe("emulator JWKS", () => {
  it.live("each key carries a self-signed certificate of that key and its thumbprint; served without credentials", () =>
    withServer(async (h) => {
      await Effect.runPromise(Effect.repeatN(h.emulator.rotateKeys, 1))
      const response = await raw(h.url, { path: `/v1/sessions/jwks/${h.emulator.projectId}` })
      assert.strictEqual(response.status, 200, response.text)
      const keys = response.json.keys as Array<Record<string, any>>
      assert.strictEqual(keys.length, 2)
      for (const key of keys) {
        assert.strictEqual(key.x5c.length, 1)
        const der = Buffer.from(key.x5c[0], "base64")
        const certificate = new X509Certificate(der)
        assert.isTrue(certificate.verify(certificate.publicKey), "self-signed")
        assert.strictEqual(certificate.subject, `CN=${key.kid}`)
        assert.isAbove(Date.parse(certificate.validTo), Date.now())
        const certJwk = certificate.publicKey.export({ format: "jwk" })
        assert.strictEqual(certJwk.n, key.n)
        assert.strictEqual(certJwk.e, key.e)
        assert.strictEqual(key.x5tS256, createHash("sha256").update(der).digest("base64url"))
        // jose accepts the key as served.
        await jose.importJWK(key as jose.JWK, "RS256")
      }
      // A session JWT verifies with the JWKS fetched anonymously.
      const user = await raw(h.url, {
        method: "POST",
        path: "/v1/users",
        headers: { authorization: h.auth, "content-type": "application/json" },
        body: JSON.stringify({ email: "jwks@example.com" })
      })
      const seeded = await Effect.runPromise(h.emulator.seedSession({ user_id: user.json.user_id }))
      const jwks = jose.createLocalJWKSet({ keys: keys as Array<jose.JWK> })
      const { payload } = await jose.jwtVerify(seeded.session_jwt, jwks)
      assert.strictEqual(payload.sub, user.json.user_id)
    }))
})

describe("the JWKS certificates", () => {
  // A random serial with a needless leading 0x00 byte is not DER, and OpenSSL refuses it: 1 certificate in ~256 was
  // unreadable, which the saved state's import then refused.
  it("every certificate is valid DER, whatever its random serial (1,000 of them from one key)", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
    for (let i = 0; i < 1000; i++) {
      const certificate = new X509Certificate(selfSigned(`jwk-test-${i}`, publicKey, privateKey))
      assert.isTrue(certificate.verify(publicKey))
    }
  })
})
