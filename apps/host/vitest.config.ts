import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Most tests here spawn the host and a server as real processes; on a loaded machine that can take
// many seconds. The limits only catch hangs: no test asserts on time.
export default mergeConfig(shared, { test: { testTimeout: 240_000, hookTimeout: 300_000 } });
