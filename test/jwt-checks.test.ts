/**
 * The plain (Effect-free) JWT checks of src/internal/jwt.ts, unit by unit: claim checks (`checkClaims`,
 * `checkTimes`, `checkAge`), the RS256 compact-JWS check (`nodeVerify`) and `customClaims`.
 */
import { assert, describe, it } from "@effect/vitest"
import * as jose from "jose"
import { KeyObject, sign } from "node:crypto"
import {
  checkAge,
  checkClaims,
  checkTimes,
  customClaims,
  type Expected,
  loadNode,
  nodeVerify
} from "../src/internal/jwt.js"

const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: true })
const NOW_S = 1_767_225_600
const NOW = NOW_S * 1000
const expected: Expected = { issuers: ["stytch.com/project-test-x"], audience: "project-test-x", typ: "JWT" }
const header = { alg: "RS256", typ: "JWT" } as jose.CompactJWSHeaderParameters
const claims = { iss: "stytch.com/project-test-x", aud: ["project-test-x"], iat: NOW_S, nbf: NOW_S, exp: NOW_S + 60 }
const tagOf = (failure: { _tag: string } | undefined) => failure?._tag

describe("checkClaims", () => {
  it("accepts a well-formed claims set, and a plain-string aud", () => {
    assert.isUndefined(checkClaims(header, claims, expected, NOW, 0))
    assert.isUndefined(checkClaims(header, { ...claims, aud: "project-test-x" }, expected, NOW, 0))
    assert.isUndefined(checkClaims({ ...header, typ: "application/jwt" }, claims, expected, NOW, 0))
  })

  it("each broken claim is its typed failure", () => {
    const cases: Array<[unknown, string, jose.CompactJWSHeaderParameters?]> = [
      [[claims], "StytchJwtMalformed"],
      [null, "StytchJwtMalformed"],
      [{ ...claims, exp: String(NOW_S + 60) }, "StytchJwtMalformed"],
      [{ ...claims, iss: "stytch.com/other" }, "StytchJwtInvalidIssuer"],
      [{ ...claims, iss: undefined }, "StytchJwtInvalidIssuer"],
      [{ ...claims, aud: ["other"] }, "StytchJwtInvalidAudience"],
      [{ ...claims, nbf: NOW_S + 10 }, "StytchJwtNotYetValid"],
      [{ ...claims, exp: NOW_S }, "StytchJwtExpired"],
      [claims, "StytchJwtMalformed", { alg: "RS256", typ: "at+jwt" }],
      [claims, "StytchJwtMalformed", { alg: "RS256" }]
    ]
    for (const [payload, tag, h] of cases) {
      assert.strictEqual(tagOf(checkClaims(h ?? header, payload, expected, NOW, 0)), tag, JSON.stringify(payload))
    }
    const required = { ...expected, required: ["sub"] }
    assert.strictEqual(tagOf(checkClaims(header, claims, required, NOW, 0)), "StytchJwtMalformed")
  })
})

describe("checkTimes and checkAge", () => {
  it("exp and nbf with a tolerance, jose's comparisons", () => {
    assert.strictEqual(tagOf(checkTimes({ exp: NOW_S }, NOW)), "StytchJwtExpired")
    assert.isUndefined(checkTimes({ exp: NOW_S + 1 }, NOW))
    assert.isUndefined(checkTimes({ exp: NOW_S - 5 }, NOW, 10))
    assert.strictEqual(tagOf(checkTimes({ nbf: NOW_S + 1 }, NOW)), "StytchJwtNotYetValid")
    assert.isUndefined(checkTimes({ nbf: NOW_S + 1 }, NOW, 1))
  })

  it("max age against iat: >=, so 0 makes every token too old; no iat is malformed", () => {
    assert.isUndefined(checkAge({ iat: NOW_S }, NOW, undefined))
    assert.strictEqual(tagOf(checkAge({ iat: NOW_S }, NOW, 0)), "StytchJwtTooOld")
    assert.isUndefined(checkAge({ iat: NOW_S - 59 }, NOW, 60))
    assert.strictEqual(tagOf(checkAge({ iat: NOW_S - 60 }, NOW, 60)), "StytchJwtTooOld")
    assert.strictEqual(tagOf(checkAge({}, NOW, 60)), "StytchJwtMalformed")
  })
})

describe("nodeVerify (the synchronous RS256 check)", () => {
  const node = loadNode()!
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
  const signed = (h: unknown, payload: string) => {
    const input = `${b64(h)}.${Buffer.from(payload).toString("base64url")}`
    return `${input}.${sign("sha256", Buffer.from(input), KeyObject.from(privateKey)).toString("base64url")}`
  }
  const verify = (token: string) => nodeVerify(node, token, () => publicKey)

  it("returns the header and payload of a valid token", () => {
    const result = verify(signed({ alg: "RS256", kid: "k" }, JSON.stringify({ a: 1 })))
    assert.isFalse("_tag" in result)
    if (!("_tag" in result)) assert.deepStrictEqual(result.payload, { a: 1 })
  })

  it("refuses other algorithms, crit, bad segments and bad signatures, each with its tag", () => {
    const good = signed({ alg: "RS256" }, "{}")
    const [h, p, sig] = good.split(".") as [string, string, string]
    const cases: Array<[string, string]> = [
      [signed({ alg: "HS256" }, "{}"), "StytchJwtUnsupportedAlgorithm"],
      [signed({ alg: "none" }, "{}"), "StytchJwtUnsupportedAlgorithm"],
      [signed({ alg: "RS256", crit: ["x"] }, "{}"), "StytchJwtMalformed"],
      [signed({ typ: "JWT" }, "{}"), "StytchJwtMalformed"],
      [`${h}.${p}`, "StytchJwtMalformed"],
      [`${good}.`, "StytchJwtMalformed"],
      [`${h}.${p}%.${sig}`, "StytchJwtMalformed"],
      [`${b64("RS256")}.${p}.${sig}`, "StytchJwtMalformed"],
      [`${h}.${b64({ a: 2 })}.${sig}`, "StytchJwtInvalidSignature"],
      [signed({ alg: "RS256" }, "not json"), "StytchJwtMalformed"]
    ]
    for (const [token, tag] of cases) assert.strictEqual(tagOf(verify(token) as { _tag: string }), tag, token)
  })
})

describe("customClaims", () => {
  it("copies own claims except the excluded ones, never setting a prototype", () => {
    const all = JSON.parse(`{"sub":"x","tenant":"acme","__proto__":{"role":"admin"}}`)
    const custom = customClaims(all, new Set(["sub"]))
    assert.deepStrictEqual(Object.keys(custom), ["tenant", "__proto__"])
    assert.strictEqual(Object.getPrototypeOf(custom), Object.prototype)
    assert.isUndefined((custom as { role?: unknown }).role)
  })
})
