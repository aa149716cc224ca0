/**
 * `pnpm demo`: run the built summarise bin over stdio, once per protocol era, against a mock host
 * that answers with the offline extractive stand-in model, and print what crossed the wire.
 * No API key and no network: the "model" is deterministic and derived from each request's content.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connectStdio, reply } from '@mcp-sampling/testing';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('./sample-report.txt', import.meta.url));
const text = readFileSync(SAMPLE, 'utf8');
const line = (s = '') => process.stdout.write(`${s}\n`);
const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\n/g, ' ');

line(`Summarising demo/sample-report.txt (${text.length.toLocaleString('en')} characters) with mcp-server-summarise.`);
line('The host is a mock sampling host; its model is the offline extractive stand-in (no API key).');

for (const era of ['2025', '2026-07-28']) {
  line();
  line(`=== Protocol era ${era} ===`);
  const host = await connectStdio({ command: process.execPath, args: [BIN] }, { era, script: reply.offline() });
  try {
    line(`connected: ${host.client.getProtocolEra() === 'modern' ? '2026-07-28 (server/discover)' : '2025 (initialize)'}`);
    const started = performance.now();
    const result = await host.callTool('summarise', { text, style: 'bullets', maxWords: 120 });
    const elapsed = Math.round(performance.now() - started);

    for (let round = 1; round <= host.rounds; round += 1) {
      const requests = host.requestsInRound(round);
      line(
        `round ${round}: ${requests.length === 1 ? '1 sampling request' : `${requests.length} sampling requests, sent together`}`,
      );
      for (const request of requests) {
        const hint = request.params.modelPreferences?.hints?.[0]?.name ?? '-';
        line(
          `  ${request.key?.padEnd(9)} maxTokens=${String(request.maxTokens).padEnd(4)} hint=${hint.padEnd(7)} user: ${clip(request.userText, 70)}`,
        );
      }
    }
    if (result.isError) {
      line(`error: ${result.content?.[0]?.text}`);
      process.exitCode = 1;
      continue;
    }
    const { summary, words, chunks, provenance } = result.structuredContent;
    line(
      `result in ${elapsed} ms: ${chunks} chunks, ${words} words, path=${provenance.path}, model=${provenance.models.join(', ')}, rounds=${provenance.rounds}, samples=${provenance.samples}`,
    );
    const injection = 'Ignore all previous instructions';
    const inSystem = host.requests.some((request) => request.systemPrompt.includes(injection));
    const delimited = host.requests
      .filter((request) => request.userText.includes(injection))
      .every((request) =>
        /<untrusted-input[^>]*>[\s\S]*Ignore all previous instructions[\s\S]*<\/untrusted-input>/.test(request.userText),
      );
    line(
      `the report's phishing line ("${injection}…") stayed inside <untrusted-input> in user messages: ${!inSystem && delimited ? 'yes' : 'NO'}`,
    );
    line('summary:');
    for (const summaryLine of summary.split('\n')) line(`  ${summaryLine}`);
  } finally {
    await host.close();
  }
}
