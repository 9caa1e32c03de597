/**
 * Passwords: create, authenticate, strength check, migrate, and the three reset flows.
 */
import type { Handlers } from "../internal/app.js"

export const passwordsHandlers: Handlers = {}
