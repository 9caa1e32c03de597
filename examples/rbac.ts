/**
 * RBAC: read the project's role-based access policy and answer "may this role do that to this resource?" locally.
 *
 *   RBAC_ROLE=editor RBAC_RESOURCE=documents RBAC_ACTION=write npx tsx examples/rbac.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Config, Console, Effect, Layer } from "effect"
import { HttpTransport, RBAC, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const rbac = yield* RBAC.RBAC
  const { policy } = yield* rbac.policy()
  const roles = policy?.roles ?? []

  const question = yield* Config.all({
    role: Config.string("RBAC_ROLE").pipe(Config.withDefault("stytch_user")),
    resource: Config.string("RBAC_RESOURCE").pipe(Config.withDefault("documents")),
    action: Config.string("RBAC_ACTION").pipe(Config.withDefault("read"))
  })

  // Fetch the policy once (at start-up, or cached) and check permissions in memory on each request.
  const allowed = roles.some((role) =>
    role.role_id === question.role &&
    role.permissions.some((permission) =>
      permission.resource_id === question.resource &&
      (permission.actions.includes(question.action) || permission.actions.includes("*"))
    )
  )

  return {
    roles: roles.map((role) => role.role_id),
    resources: (policy?.resources ?? []).map((resource) => resource.resource_id),
    question,
    allowed
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
