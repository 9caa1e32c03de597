/**
 * Crypto wallets: sign in with a wallet. The server issues a challenge for the address, the wallet signs it, and the
 * server checks the signature (the user is created on the first sign-in).
 *
 *   CRYPTO_WALLET_ADDRESS=<address> npx tsx examples/cryptowallets.ts                    # prints the challenge
 *   CRYPTO_WALLET_ADDRESS=<address> CRYPTO_WALLET_SIGNATURE=<signature> npx tsx examples/cryptowallets.ts
 *
 * CRYPTO_WALLET_TYPE is "ethereum" (the default) or "solana".
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Config, Console, Effect, Layer, Option } from "effect"
import { CryptoWallets, HttpTransport, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const cryptoWallets = yield* CryptoWallets.CryptoWallets
  const crypto_wallet_type = yield* Config.literal("ethereum", "solana")("CRYPTO_WALLET_TYPE").pipe(
    Config.withDefault("ethereum" as const)
  )
  const crypto_wallet_address = yield* Config.string("CRYPTO_WALLET_ADDRESS")
  const signature = yield* Config.option(Config.string("CRYPTO_WALLET_SIGNATURE"))

  if (Option.isNone(signature)) {
    const started = yield* cryptoWallets.authenticateStart({ crypto_wallet_type, crypto_wallet_address })
    // The wallet signs exactly this text (personal_sign on Ethereum, an ed25519 signature on Solana).
    return { step: "challenged" as const, user_id: started.user_id, challenge: started.challenge }
  }

  const signedIn = yield* cryptoWallets.authenticate({
    crypto_wallet_type,
    crypto_wallet_address,
    signature: signature.value,
    session_duration_minutes: 60
  }).pipe(Effect.catchTag("InvalidSignature", () => Effect.fail("the signature does not match the challenge")))
  return {
    step: "signed in" as const,
    user_id: signedIn.user_id,
    wallets: signedIn.user.crypto_wallets.map((wallet) => ({
      type: wallet.crypto_wallet_type,
      verified: wallet.verified
    }))
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
