/** Label sets and texts shared by the tests, built deterministically. */
import { reply } from '@mcp-sampling/testing';

/** A support-desk label set: names with and without descriptions. */
export const SUPPORT_LABELS = [
  { name: 'Billing', description: 'Invoices, payments, refunds and charges.' },
  { name: 'Technical', description: 'Errors, crashes, outages and bugs.' },
  'Sales',
];

export const REFUND_TICKET = 'I was charged twice for my March invoice. Please refund the duplicate payment.';

const SENTENCES = [
  'The customer wrote again about the duplicate charge on the March invoice.',
  'Our records show two payments were taken on the same afternoon.',
  'The support team asked the bank for the transaction references.',
  'A refund was promised within five working days of the reply.',
  'The customer asked whether the annual plan could be paid monthly instead.',
];

/** A text of exactly `chars` characters made of numbered sentences. */
export function longText(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < chars; n += 1) {
    const sentence = `(${n}) ${SENTENCES[n % SENTENCES.length]} `;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('').slice(0, chars);
}

/** `count` distinct labels with short descriptions. */
export function manyLabels(count: number): Array<{ name: string; description: string }> {
  return Array.from({ length: count }, (_, i) => ({
    name: `Topic ${i + 1}`,
    description: `Messages about topic number ${i + 1}.`,
  }));
}

/**
 * A host whose first answer is prose, then valid JSON after the repair request (both bins' serving
 * tests). A function: a sequence is consumed as it answers, so each host needs its own.
 */
export function repairedBillingScript() {
  return reply.sequence(
    reply.text('Billing.'),
    reply.json({ labels: [{ label: 'billing', confidence: 0.9 }], rationale: 'A refund request.' }),
  );
}

/** What classify returns after `repairedBillingScript` in `era` (both bins' serving tests). */
export function repairedBillingResult(era: string) {
  return {
    label: 'Billing',
    labels: [{ label: 'Billing', confidence: 0.9 }],
    rationale: 'A refund request.',
    provenance: { path: 'host', models: ['mock-model'], era, rounds: 2, samples: 2 },
  };
}
