/**
 * The project itself: its metrics, who the credentials belong to (`debug.whoami`), and its RBAC policy.
 *
 * - `project.metrics` counts what the store holds now: `USER_COUNT` (every user, pending ones included) and
 *   `M2M_CLIENT_COUNT` (active M2M clients). The metric names are those the official packages type; which users
 *   Stytch counts (active only?) is not documented, so counting all of them is our choice.
 * - `debug.whoami` answers the project id and the emulator's project name (`settings.projectName`).
 * - `rbac.policy` answers `settings.rbacPolicy`: by default the B2C default policy, the `stytch_user` role that
 *   every user holds and no resources or scopes.
 */
import * as Effect from "effect/Effect"
import type { AreaHandlers } from "../internal/contract.js"

export const projectHandlers = {
  "project.metrics": (ctx) =>
    Effect.sync(() => {
      let activeClients = 0
      for (const client of ctx.store.m2mClients.values()) if (client.status === "active") activeClients++
      return {
        project_id: ctx.store.settings.projectId,
        metrics: [
          { metric_type: "USER_COUNT", count: ctx.store.users.size },
          { metric_type: "M2M_CLIENT_COUNT", count: activeClients }
        ]
      }
    }),
  "debug.whoami": (ctx) =>
    Effect.succeed({ project_id: ctx.store.settings.projectId, name: ctx.store.settings.projectName }),
  "rbac.policy": (ctx) => Effect.succeed({ policy: ctx.store.settings.rbacPolicy })
} satisfies AreaHandlers
