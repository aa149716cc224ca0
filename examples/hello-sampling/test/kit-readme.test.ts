/**
 * The kit README's "A tool" example is this package's source file, character for character, so the
 * example the kit documents is compiled, typechecked and tested here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCE = readFileSync(new URL('../src/hello-sampling.ts', import.meta.url), 'utf8');
const KIT_README = readFileSync(new URL('../../../packages/kit/README.md', import.meta.url), 'utf8');

describe("the kit README's example", () => {
  it('is src/hello-sampling.ts, whole', () => {
    const example = /\n## A tool\n[\s\S]*?```ts\n([\s\S]*?)```\n/.exec(KIT_README)?.[1];
    expect(example).toBe(SOURCE);
  });
});
