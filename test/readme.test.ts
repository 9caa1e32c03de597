/**
 * The README's "emulator in your own tests" example, as written there (imports adapted to the source tree).
 */
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { Passwords } from "../src/index.js"
import { StytchEmulator } from "effect-stytch/testing"

layer(StytchEmulator.layerStytch())("sign-up", (it) => {
  it.effect("resets a password through the outbox", () =>
    Effect.gen(function*() {
      const passwords = yield* Passwords.Passwords
      const emulator = yield* StytchEmulator.StytchEmulator
      yield* passwords.create({ email: "ada@example.com", password: "correct horse battery staple 42" })
      yield* passwords.email.resetStart({ email: "ada@example.com" })
      const mail = yield* emulator.latestMessage({ to: "ada@example.com", kind: "password_reset" })
      const reset = yield* passwords.email.reset({ token: mail!.token!, password: "another strong passphrase 9" })
      assert.strictEqual(reset.user_id, mail!.user_id)
    }))
})
