import { assert, describe, it } from "@effect/vitest"
import { handlers } from "../src/emulator/handlers/index.js"
import * as Endpoints from "../src/schemas/Endpoints.js"

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
