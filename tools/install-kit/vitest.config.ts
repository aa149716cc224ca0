import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

/**
 * The shared setup, with room for what these tests do: pack and npm-install the servers, build and
 * pack MCP Bundles, spawn the installed bins. Each file does its slow work once, in `beforeAll`.
 */
export default mergeConfig(shared, { test: { testTimeout: 60_000, hookTimeout: 240_000 } });
