import { readFileSync } from 'node:fs';
import { JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { connectInMemory, reply } from '@mcp-sampling/testing';
import { describe, expect, it } from 'vitest';
import { MAX_REASON_CHARS } from '../src/answer.js';
import { CONFIDENCE_THRESHOLD } from '../src/decision.js';
import { ROUTE_MAX_TOKENS, ROUTE_SYSTEM_PROMPT } from '../src/prompt.js';
import { LIMITS } from '../src/schemas.js';
import { buildServer } from '../src/server.js';
import { BILLING_REQUEST, deskCall, PHISHING_REQUEST } from './desk.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The fenced blocks of one language, in order. */
const blocks = (language: string) =>
  [...README.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\\n\`\`\``, 'g'))].map((match) => match[1]);

/** Runs one call of the worked example and returns what was sent and what came back. */
async function workedExample(request: string, answer: object) {
  const host = await connectInMemory(buildServer, { era: '2026-07-28', script: reply.text(JSON.stringify(answer)) });
  try {
    const result = await host.callTool('route', deskCall(request, { fallback: 'technical' }));
    return { sent: host.requests[0], result: result.structuredContent };
  } finally {
    await host.close();
  }
}

describe('the README', () => {
  it('quotes the prompts exactly as the code sends them', () => {
    const text = blocks('text');
    expect(text).toContain(ROUTE_SYSTEM_PROMPT);
    expect(text).toContain(JSON_REPLY_RULES);
  });

  it('states the constants the code uses', () => {
    expect(README).toContain(`\`CONFIDENCE_THRESHOLD = ${CONFIDENCE_THRESHOLD}\``);
    expect(README).toContain(`\`maxTokens\` ${ROUTE_MAX_TOKENS}`);
    expect(README).toContain(`longer than ${MAX_REASON_CHARS} characters`);
    expect(README).toContain(`1 to ${LIMITS.routes} entries`);
    expect(README).toContain(`1 to ${LIMITS.requestChars.toLocaleString('en')} characters, not blank`);
    expect(README).toContain(`1 to ${LIMITS.nameChars} characters, at least one letter or digit`);
    expect(README).toContain(`1 to ${LIMITS.descriptionChars.toLocaleString('en')} characters, not blank`);
    expect(README).toContain(`up to ${LIMITS.keywordsPerRoute} per route, each 1 to ${LIMITS.keywordChars} characters`);
  });

  it('shows the worked example’s input, exact request, reply and result', async () => {
    const answer = { route: 'billing', confidence: 0.93, reason: 'The customer was charged twice and asks for a refund.' };
    const { sent, result } = await workedExample(BILLING_REQUEST, answer);
    const json = blocks('json');
    expect(JSON.parse(json[0] as string)).toEqual(deskCall(BILLING_REQUEST, { fallback: 'technical' }));
    expect(blocks('text')).toContain(sent?.userText);
    expect(sent?.systemPrompt).toBe(`${ROUTE_SYSTEM_PROMPT}\n\n${JSON_REPLY_RULES}`);
    expect(sent?.maxTokens).toBe(ROUTE_MAX_TOKENS);
    expect(json).toContain(JSON.stringify(answer));
    expect(json).toContain(JSON.stringify(result, null, 2));
  });

  it('shows the low-confidence variant as the code decides it', async () => {
    const answer = { route: 'billing', confidence: 0.4, reason: 'It mentions an invoice, but may be a security matter.' };
    const { sent, result } = await workedExample(PHISHING_REQUEST, answer);
    expect(blocks('text')).toContain(PHISHING_REQUEST);
    expect(sent?.userText).toContain(PHISHING_REQUEST);
    expect(blocks('json')).toContain(JSON.stringify(answer));
    expect(blocks('json')).toContain(JSON.stringify(result, null, 2));
    expect(result).toMatchObject({ matchedBy: 'keywords', route: 'security' });
  });

  it('shows a repair message the code really writes', async () => {
    const host = await connectInMemory(buildServer, {
      era: '2025',
      script: reply.json({ route: 'marketing', confidence: 0.9, reason: 'r' }),
    });
    try {
      await host.callTool('route', deskCall(BILLING_REQUEST));
      const repair = host.requests[1]?.params.messages.at(-1)?.content as { text: string };
      expect(blocks('text')).toContain(repair.text);
    } finally {
      await host.close();
    }
  });
});
