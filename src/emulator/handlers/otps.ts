/**
 * otps: emulator handlers (see issue #3).
 */
import type { Handlers } from "../internal/app.js"

export const otpsHandlers: Handlers = {}
