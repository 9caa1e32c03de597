/**
 * Imported password hashes: verification never stalls the event loop (argon2, bcrypt and phpass run in a worker), and
 * cost parameters beyond the emulator's documented caps are refused at `passwords.migrate` with a 400.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import bcrypt from "bcryptjs"
import { argon2id } from "hash-wasm"
import { performance } from "node:perf_hooks"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { verifyMigratedHash } from "../emulator/src/crypto/passwords.js"
import { basicAuth } from "./support/raw.js"

vi.setConfig({ testTimeout: 60_000 })

/**
 * How busy the main thread's event loop was while `work` ran (Node's event-loop utilization: the share of the time
 * the loop spent running code rather than waiting). A hash computed on the loop keeps it near 1; one computed in a
 * worker leaves it near 0. This is a ratio of the loop's own time, so a loaded machine does not move it much, where
 * a timed threshold would.
 */
const loopUtilization = async <A>(work: () => Promise<A>) => {
  const before = performance.eventLoopUtilization()
  const started = performance.now()
  const result = await work()
  const took = performance.now() - started
  return { utilization: performance.eventLoopUtilization(before).utilization, result, took }
}

const PASSWORD = "imported-password-Quasar-42!"

describe("imported hashes off the event loop", () => {
  it.live("an argon2id (m=65536, t=3) verification leaves the event loop free", () =>
    Effect.promise(async () => {
      const hash = await argon2id({
        password: PASSWORD,
        salt: new Uint8Array(16).fill(7),
        iterations: 3,
        memorySize: 65536,
        parallelism: 1,
        hashLength: 32,
        outputType: "encoded"
      })
      const { result, took, utilization } = await loopUtilization(() =>
        verifyMigratedHash(PASSWORD, "argon_2id", hash, {})
      )
      assert.isTrue(result)
      assert.isAbove(took, 50, "the verification should be slow enough to measure")
      assert.isBelow(utilization, 0.5, `the event loop was busy ${Math.round(utilization * 100)}% of ${took} ms`)
      assert.isFalse(await verifyMigratedHash("wrong", "argon_2id", hash, {}))
    }))

  it.live("a bcrypt (cost 12) verification leaves the event loop free", () =>
    Effect.promise(async () => {
      const hash = bcrypt.hashSync(PASSWORD, 12)
      const { result, took, utilization } = await loopUtilization(() => verifyMigratedHash(PASSWORD, "bcrypt", hash, {}))
      assert.isTrue(result)
      assert.isBelow(utilization, 0.5, `the event loop was busy ${Math.round(utilization * 100)}% of ${took} ms`)
    }))
})

describe("cost caps at passwords.migrate", () => {
  const migrate = (emulator: StytchEmulator.Service, body: Record<string, unknown>) =>
    Effect.map(
      emulator.handle({
        method: "POST",
        url: "/v1/passwords/migrate",
        headers: {
          authorization: basicAuth(emulator.projectId, Redacted.value(emulator.secret)),
          "content-type": "application/json"
        },
        body: JSON.stringify(body)
      }),
      (response) => ({ status: response.status, body: JSON.parse(response.body) })
    )

  it.effect("bcrypt cost 31, argon2 m=1 GiB or t=100 are refused; nothing is stored", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.make()
      const b64 = Buffer.alloc(32, 1).toString("base64").replace(/=+$/, "")
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ hash_type: "bcrypt", hash: `$2b$31$${"a".repeat(53)}` }, "invalid_bcrypt_cost"],
        [{ hash_type: "bcrypt", hash: `$2b$16$${"a".repeat(53)}` }, "invalid_bcrypt_cost"],
        [{ hash_type: "argon_2id", hash: `$argon2id$v=19$m=1048576,t=3,p=1$c2FsdHNhbHQ$${b64}` }, "invalid_argon_2_memory"],
        [{ hash_type: "argon_2id", hash: `$argon2id$v=19$m=65536,t=100,p=1$c2FsdHNhbHQ$${b64}` }, "invalid_argon_2_iteration_amount"],
        [{
          hash_type: "argon_2id",
          hash: Buffer.alloc(32, 1).toString("hex"),
          argon_2_config: { salt: "saltsaltsalt", iteration_amount: 3, memory: 1 << 20, threads: 1, key_length: 32 }
        }, "invalid_argon_2_memory"]
      ]
      for (const [fields, error_type] of cases) {
        const response = yield* migrate(emulator, { email: "capped@example.com", ...fields })
        assert.strictEqual(response.status, 400, JSON.stringify(response.body))
        assert.strictEqual(response.body.error_type, error_type, JSON.stringify(fields))
      }
      // Within the caps, the same request shapes are accepted.
      const ok = yield* migrate(emulator, { email: "capped@example.com", hash_type: "bcrypt", hash: bcrypt.hashSync(PASSWORD, 4) })
      assert.strictEqual(ok.status, 200, JSON.stringify(ok.body))
    }))
})
