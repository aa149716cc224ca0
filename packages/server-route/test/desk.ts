/** The support desk the tests and the README's worked example route across. */

export const DESK_ROUTES = [
  {
    name: 'billing',
    description: 'Invoices, payments, refunds, subscription plans and unexpected charges.',
    keywords: ['invoice', 'refund', 'charged twice', 'payment'],
  },
  {
    name: 'technical',
    description: 'Product problems: error messages, outages, bugs, slow pages, integrations and the API.',
    keywords: ['error', 'bug', 'crash', 'api', 'outage'],
  },
  {
    name: 'sales',
    description: 'Buying more: new licences, upgrades, quotes, demos and enterprise pricing.',
    keywords: ['quote', 'demo', 'pricing', 'upgrade'],
  },
  {
    name: 'security',
    description: 'Suspected breaches, phishing, leaked credentials, vulnerability reports and account takeover.',
    keywords: ['phishing', 'hacked', 'breach', 'vulnerability', 'leaked password'],
  },
];

export const DESK_NAMES = DESK_ROUTES.map((route) => route.name);

/** A request the model routes with confidence. */
export const BILLING_REQUEST =
  'Hi, I was charged twice for my March invoice and the second payment still shows as pending. Can you refund one of them?';

/** A request that mentions an invoice but belongs to security; the keywords settle it. */
export const PHISHING_REQUEST =
  'A stranger emailed our accounts team a fake invoice with a link to a login page. Was this phishing? ' +
  "I think a colleague's account was hacked after she clicked it.";

/** A request no route's keywords occur in. */
export const VAGUE_REQUEST = 'Hello, could somebody call me back tomorrow morning?';

/** The desk's arguments for one request. */
export const deskCall = (request: string, extra: Record<string, unknown> = {}) => ({ request, routes: DESK_ROUTES, ...extra });

/** `count` routes named `route-1` … with one keyword each (`topic1` …). */
export function manyRoutes(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `route-${i + 1}`,
    description: `Requests about topic number ${i + 1}.`,
    keywords: [`topic${i + 1}`],
  }));
}
