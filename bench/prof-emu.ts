import * as Effect from "effect/Effect"
import { Users } from "/work/main/src/index.js"
import { StytchEmulator } from "/work/main/src/emulator/index.js"
let n = 0
const prog = Effect.gen(function*() {
  const users = yield* Users.Users
  const pair = Effect.flatMap(Effect.suspend(() => users.create({ email: `load-${n++}@example.com` })), (c) => users.get({ user_id: c.user_id }))
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    yield* Effect.all(Array.from({ length: 1000 }, () => pair), { concurrency: 16 })
    console.log("2000 requests in", (performance.now() - t).toFixed(0), "ms")
  }
}).pipe(Effect.provide(StytchEmulator.layerStytch()))
Effect.runPromise(prog)
