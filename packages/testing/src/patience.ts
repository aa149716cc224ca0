/**
 * How long a test polls for something to happen (`vi.waitFor(check, PATIENT_WAIT)`). vitest's
 * default is one second, which a loaded machine can overrun; this limit only catches a hang.
 */
export const PATIENT_WAIT = { timeout: 30_000, interval: 10 } as const;
