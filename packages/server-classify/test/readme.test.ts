import { readFileSync } from 'node:fs';
import { JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { connectInMemory, reply } from '@mcp-sampling/testing';
import { describe, expect, it } from 'vitest';
import { MULTI_LABEL_THRESHOLD } from '../src/answer.js';
import { EXCERPT_LIMITS, excerptOf } from '../src/excerpt.js';
import { HEURISTIC_MAX_CONFIDENCE } from '../src/heuristic.js';
import { labelSpecs } from '../src/labels.js';
import { MULTI_LABEL_SYSTEM_PROMPT, SINGLE_LABEL_SYSTEM_PROMPT, userMessage } from '../src/prompt.js';
import { buildServer } from '../src/server.js';
import { longText } from './fixtures.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The example call of the README, exactly as documented there. */
const EXAMPLE = {
  text: 'I was charged twice for my March invoice. Please refund the duplicate payment.',
  labels: [
    { name: 'Billing', description: 'Invoices, payments and charges.' },
    'Refund request',
    { name: 'Account access', description: 'Logging in, passwords, two-factor codes.' },
    'Bug report',
  ],
};
const EXAMPLE_REPLY =
  'The ticket is about billing: {"labels": [{"label": "billing", "confidence": 0.91}, {"label": "Refund request", "confidence": 0.64}, ' +
  '{"label": "Account access", "confidence": 0.22}], "rationale": "The customer was charged twice and asks for the duplicate payment back."}';

describe('README', () => {
  it('quotes both system prompts and the JSON rule line exactly', () => {
    expect(README).toContain(`\`\`\`text\n${SINGLE_LABEL_SYSTEM_PROMPT}\n\n${JSON_REPLY_RULES}\n\`\`\``);
    expect(README).toContain(`\`\`\`text\n${MULTI_LABEL_SYSTEM_PROMPT}\n\`\`\``);
  });

  it('quotes the example request and result as the mock host sees them', async () => {
    const host = await connectInMemory(buildServer, { era: '2026-07-28', script: reply.text(EXAMPLE_REPLY) });
    try {
      const result = await host.callTool('classify', EXAMPLE);
      const [request] = host.requests;
      expect(README).toContain(`\`\`\`text\n${request?.userText}\n\`\`\``);
      expect(README).toContain(`\`${EXAMPLE_REPLY}\``);
      const documented = /### Example[\s\S]*?```json\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
      expect(JSON.parse(documented)).toEqual(result.structuredContent);
      expect(README).toContain(`\`maxTokens: ${request?.maxTokens}\``);
      expect(README.replace(/\s+/g, ' ')).toContain(`Text content: \`${(result.content as Array<{ text: string }>)[0]?.text}\``);
    } finally {
      await host.close();
    }
  });

  it('states the excerpt heading, limits and thresholds the code uses', () => {
    const text = longText(200_000);
    const heading = userMessage(excerptOf(text), labelSpecs(['A', 'B']), undefined).split('\n')[0] as string;
    expect(README.replace(/\s+/g, ' ')).toContain(`*${heading}*`);
    const { threshold, head, tail, windows, window } = EXCERPT_LIMITS;
    expect(README).toContain(`up to **${threshold.toLocaleString('en')}** characters is sent whole`);
    expect(README.replace(/\s+/g, ' ')).toContain(
      `the first ${head.toLocaleString('en')} characters, the last ${tail.toLocaleString('en')}, and ${windows} passages of ${window.toLocaleString('en')} characters`,
    );
    expect(README).toContain(`confidence **≥ ${MULTI_LABEL_THRESHOLD}**`);
    expect(README.replace(/\s+/g, ' ')).toContain(
      `Confidence is ${HEURISTIC_MAX_CONFIDENCE} × that share, so it **never exceeds ${HEURISTIC_MAX_CONFIDENCE}**`,
    );
  });
});
