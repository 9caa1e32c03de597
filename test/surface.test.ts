/**
 * The method surface: every endpoint id of spec/api-spec.json is exactly one method at the same path of its area's
 * service, and every seed helper exists.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import {
  ConnectedApp,
  CryptoWallets,
  Debug,
  Fraud,
  IDP,
  Impersonation,
  M2M,
  MagicLinks,
  OAuth,
  OTPs,
  Passwords,
  Project,
  RBAC,
  Sessions,
  TOTPs,
  Users,
  WebAuthn
} from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"

const spec = JSON.parse(readFileSync(new URL("../spec/api-spec.json", import.meta.url), "utf8")) as {
  endpoints: Array<{ id: string; local: boolean; inSeed: boolean }>
}

const services = Effect.all({
  users: Users.Users,
  sessions: Sessions.Sessions,
  passwords: Passwords.Passwords,
  magicLinks: MagicLinks.MagicLinks,
  otps: OTPs.OTPs,
  oauth: OAuth.OAuth,
  totps: TOTPs.TOTPs,
  webauthn: WebAuthn.WebAuthn,
  cryptoWallets: CryptoWallets.CryptoWallets,
  m2m: M2M.M2M,
  fraud: Fraud.Fraud,
  project: Project.Project,
  connectedApp: ConnectedApp.ConnectedApp,
  idp: IDP.IDP,
  impersonation: Impersonation.Impersonation,
  rbac: RBAC.RBAC,
  debug: Debug.Debug
})

const at = (root: Record<string, any>, id: string): unknown =>
  id.split(".").reduce<any>((node, key) => (node === undefined ? undefined : node[key]), root)

describe("method surface", () => {
  it.effect("every HTTP endpoint id is a function at the same path", () =>
    Effect.gen(function*() {
      const root = yield* services
      const http = spec.endpoints.filter((e) => !e.local)
      assert.strictEqual(http.length, 87)
      const missing = http.filter((e) => typeof at(root, e.id) !== "function").map((e) => e.id)
      assert.deepStrictEqual(missing, [])
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("the seed's hand-written helpers and claims variants exist", () =>
    Effect.gen(function*() {
      const root = yield* services
      const helpers = [
        "users.searchAll",
        "sessions.authenticateJwt",
        "sessions.authenticateJwtLocal",
        "sessions.authenticateJwtWithClaims",
        "sessions.authenticateJwtLocalWithClaims",
        "sessions.authenticateWithClaims",
        "passwords.authenticateWithClaims",
        "magicLinks.authenticateWithClaims",
        "otps.authenticateWithClaims",
        "oauth.authenticateWithClaims",
        "totps.authenticateWithClaims",
        "webauthn.authenticateWithClaims",
        "cryptoWallets.authenticateWithClaims"
      ]
      assert.deepStrictEqual(helpers.filter((id) => typeof at(root, id) !== "function"), [])
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("every hand-written helper id of the spec (local), the IDP introspection pair included, is a function", () =>
    Effect.gen(function*() {
      const root = yield* services
      const local = spec.endpoints.filter((e) => e.local).map((e) => e.id)
      assert.includeMembers(local, ["idp.introspectTokenNetwork", "idp.introspectTokenLocal"])
      assert.deepStrictEqual(local.filter((id) => typeof at(root, id) !== "function"), [])
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))
})
