import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { handlers } from "../emulator/src/handlers/index.js"
import { type AreaHandlers, type Handler, notImplemented } from "../emulator/src/internal/contract.js"
import * as Endpoints from "../src/schemas/Endpoints.js"

// Compile-time checks of the contract (`tsc` fails if any of these stops being an error).
// @ts-expect-error a typo in an endpoint id
export const typo: AreaHandlers = { "users.craete": notImplemented("users.create") }
// @ts-expect-error a missing response field: users.get answers the user's fields
export const missingField: Handler<"users.get"> = () => Effect.succeed({ user_id: "u" })
// @ts-expect-error a request field the endpoint does not have
export const wrongRequest: Handler<"users.get"> = (_, req) => Effect.succeed(req.no_such_field)

describe("emulator handler contract", () => {
  it("every endpoint id is its dotted path in the endpoint table (the contract's types rely on it)", () => {
    for (const endpoint of Endpoints.all) {
      const found = endpoint.id.split(".").reduce<any>((node, key) => node?.[key], Endpoints)
      assert.strictEqual(found, endpoint, endpoint.id)
    }
  })

  it("the handler map has a handler for every endpoint", () => {
    for (const endpoint of Endpoints.all) assert.strictEqual(typeof handlers[endpoint.id as keyof typeof handlers], "function")
  })
})
