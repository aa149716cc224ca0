/** The example call shown in the README, and the scripted host replies behind it. */
import { reply, type Script } from '@mcp-sampling/testing';

export const EXAMPLE_ARGS = {
  brief: 'Tell the volunteers the harbour clean-up moves to Saturday 14 June because of the storm forecast.',
  kind: 'email',
  audience: 'harbour volunteers',
  tone: 'friendly, brief',
  maxWords: 120,
  mustInclude: ['Meet at the harbour gate at 9 am', 'Gloves and bags are provided'],
};

const OPENING =
  'Subject: Harbour clean-up moves to Saturday 14 June\n\nHi all,\n\n' +
  'With a storm forecast for this weekend, we are moving the harbour clean-up to Saturday 14 June. ' +
  'Meet at the harbour gate at 9 am.';
const CLOSING = '\n\nThank you for giving your time to the harbour.\n\nBest wishes,\nMaya';

/** The outline misses one required point (the server adds it); the first draft misses it too. */
export const EXAMPLE_SCRIPT: Script = {
  rules: [
    {
      match: 'outline',
      reply: reply.json(
        {
          subject: 'Harbour clean-up moves to Saturday 14 June',
          points: [
            'The clean-up moves to Saturday 14 June because of the storm forecast.',
            'Meet at the harbour gate at 9 am.',
            'Thank the volunteers.',
          ],
        },
        'claude-haiku-4-5',
      ),
    },
    { match: 'draft', reply: reply.text(`${OPENING}${CLOSING}`, 'claude-sonnet-4-5') },
    { match: 'revise', reply: reply.text(`${OPENING} Gloves and bags are provided.${CLOSING}`, 'claude-sonnet-4-5') },
  ],
};
