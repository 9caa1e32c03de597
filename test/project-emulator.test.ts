/**
 * The project-level endpoints in the emulator: `project.metrics` (counts that follow the store), `debug.whoami` and
 * `rbac.policy` (from the project settings, changed through the service and over REST), through the SDK.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { Debug, M2M, Project, RBAC, Users } from "../src/index.js"
import { uniqueEmail } from "./support.js"

// The loopback test generates a 2048-bit RSA key for its emulator: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const metric = (metrics: ReadonlyArray<{ readonly metric_type: string; readonly count: number }>, type: string) =>
  metrics.find((m) => m.metric_type === type)?.count

describe("project, debug and RBAC in the emulator", () => {
  it.effect("project.metrics counts users and active M2M clients as they come and go", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const project = yield* Project.Project
      const users = yield* Users.Users
      const m2m = yield* M2M.M2M
      const empty = yield* project.metrics()
      assert.strictEqual(empty.project_id, emulator.projectId)
      assert.deepStrictEqual(empty.metrics.map((m) => m.metric_type).sort(), ["M2M_CLIENT_COUNT", "USER_COUNT"])
      assert.strictEqual(metric(empty.metrics, "USER_COUNT"), 0)
      assert.strictEqual(metric(empty.metrics, "M2M_CLIENT_COUNT"), 0)

      const a = yield* users.create({ email: uniqueEmail("metrics") })
      yield* users.create({ email: uniqueEmail("metrics") })
      const client = yield* m2m.clients.create({ scopes: ["read:users"] })
      const grown = yield* project.metrics()
      assert.strictEqual(metric(grown.metrics, "USER_COUNT"), 2)
      assert.strictEqual(metric(grown.metrics, "M2M_CLIENT_COUNT"), 1)

      yield* users.delete({ user_id: a.user_id })
      yield* m2m.clients.update({ client_id: client.m2m_client.client_id, status: "inactive" })
      const shrunk = yield* project.metrics()
      assert.strictEqual(metric(shrunk.metrics, "USER_COUNT"), 1)
      assert.strictEqual(metric(shrunk.metrics, "M2M_CLIENT_COUNT"), 0)
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.effect("debug.whoami names the project; rbac.policy answers the default consumer policy, then the configured one", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const whoami = yield* (yield* Debug.Debug).whoami()
      assert.strictEqual(whoami.project_id, emulator.projectId)
      assert.strictEqual(whoami.name, "Emulated project")

      const rbac = yield* RBAC.RBAC
      const initial = yield* rbac.policy()
      assert.deepStrictEqual(initial.policy?.roles.map((r) => r.role_id), ["stytch_user"])
      assert.deepStrictEqual(initial.policy?.resources, [])

      const policy = {
        roles: [
          { role_id: "stytch_user", description: "Everyone", permissions: [] },
          { role_id: "editor", description: "Edits documents", permissions: [{ resource_id: "documents", actions: ["read", "write"] }] }
        ],
        resources: [{ resource_id: "documents", description: "Documents", actions: ["read", "write", "delete"] }],
        scopes: [{ scope: "write:documents", description: "Write", permissions: [{ resource_id: "documents", actions: ["write"] }] }]
      }
      yield* emulator.updateSettings({ rbacPolicy: policy, projectName: "Acme" })
      assert.deepStrictEqual((yield* rbac.policy()).policy, policy)
      assert.strictEqual((yield* (yield* Debug.Debug).whoami()).name, "Acme")
    }).pipe(Effect.provide(StytchEmulator.layerStytch())))

  it.live("over REST: PATCH /emulator/v1/settings sets the policy; a malformed one is refused and changes nothing", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const rbac = yield* RBAC.RBAC
      const patch = (body: unknown) =>
        Effect.promise(async () => {
          const response = await fetch(`${server.url}/emulator/v1/settings`, {
            method: "PATCH",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body)
          })
          return { status: response.status, body: await response.json() as Record<string, unknown> }
        })
      const policy = {
        roles: [{ role_id: "stytch_user", description: "Everyone", permissions: [{ resource_id: "docs", actions: ["read"] }] }],
        resources: [{ resource_id: "docs", description: "Docs", actions: ["read"] }],
        scopes: []
      }
      const ok = yield* patch({ rbacPolicy: policy })
      assert.strictEqual(ok.status, 200)
      assert.isUndefined(ok.body.secret)
      assert.deepStrictEqual((yield* rbac.policy()).policy, policy)

      for (const bad of [{ roles: "admin" }, { ...policy, scopes: [{ scope: 1 }] }, []]) {
        const refused = yield* patch({ rbacPolicy: bad, projectName: "changed" })
        assert.strictEqual(refused.status, 400, JSON.stringify(bad))
      }
      assert.deepStrictEqual((yield* rbac.policy()).policy, policy)
      assert.strictEqual((yield* (yield* Debug.Debug).whoami()).name, "Emulated project")
    }).pipe(Effect.provide(StytchEmulator.layerStytchServer())))
})
