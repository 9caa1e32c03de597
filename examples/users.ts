/**
 * Users: create a user, read it back, update it, find it by search, and delete it.
 *
 *   npx tsx examples/users.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Chunk, Clock, Console, Effect, Layer, Stream } from "effect"
import { HttpTransport, Stytch, Users } from "effect-stytch"

export const program = Effect.gen(function*() {
  const users = yield* Users.Users
  const email = `ada.${yield* Clock.currentTimeMillis}@example.com`

  const { user_id } = yield* users.create({ email, name: { first_name: "Ada" }, trusted_metadata: { plan: "free" } })
  yield* users.update({ user_id, name: { first_name: "Ada", last_name: "Lovelace" } })
  const user = yield* users.get({ user_id })

  // A second sign-up with the same address is a typed failure, caught by its tag.
  const duplicate = yield* users.create({ email }).pipe(
    Effect.as("created twice"),
    Effect.catchTag("DuplicateEmail", (error) => Effect.succeed(error.error_type))
  )

  // Every match of a query as a Stream that follows the cursor (limit is the page size).
  const found = yield* users.searchAll({
    limit: 100,
    query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
  }).pipe(Stream.map((match) => match.user_id), Stream.runCollect)

  yield* users.delete({ user_id })
  return {
    user_id,
    name: `${user.name?.first_name} ${user.name?.last_name}`,
    emails: user.emails.map((entry) => entry.email),
    duplicate,
    found: Chunk.toReadonlyArray(found)
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
