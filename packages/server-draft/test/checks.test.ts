import { describe, expect, it } from 'vitest';
import { completeOutline, outlineText } from '../src/answer.js';
import { assessDraft, bestDraftIndex, judgeLength, pointIncluded } from '../src/checks.js';
import { formatDraft, parseDraft } from '../src/draft-format.js';

describe('pointIncluded', () => {
  it.each([
    ['the exact phrase', 'Parking is free', 'Good news: parking is free all weekend.'],
    ['the phrase with other case and punctuation', 'Doors open at 9:30', 'DOORS OPEN AT 9.30, sharp.'],
    ['the phrase without accents', 'Café reopens', 'The cafe reopens on Monday.'],
    ['numbers with or without separators', 'Budget of 9,000 pounds', 'We have a budget of 9000 pounds.'],
    [
      'most content words, in another order',
      'Volunteers meet at the harbour gate on Saturday',
      'On Saturday, volunteers will meet by the gate.',
    ],
    ['inflected forms', 'The board approved the budgets', 'The budget was approved by the board.'],
  ])('finds %s', (_name, point, draft) => {
    expect(pointIncluded(point, draft)).toBe(true);
  });

  it.each([
    ['an absent point', 'Parking is free', 'Bring gloves and a flask.'],
    ['a different number', 'Repairs cost 9,000 pounds', 'Repairs cost 8,000 pounds.'],
    ['a number split by a separator the point lacks', 'Room 1000', 'Room 1, 000 is free.'],
    ['only a third of the content words', 'Volunteers meet at the harbour gate on Saturday', 'The harbour is lovely.'],
    ['a point of function words only, not as a phrase', 'to be or not to be', 'Not to be missed.'],
    ['a word that is only a prefix', 'Bring a pen', 'Bring a penguin.'],
  ])('rejects %s', (_name, point, draft) => {
    expect(pointIncluded(point, draft)).toBe(false);
  });

  it('needs ⌈⅔⌉ of the content words: 2 of 3, 3 of 4', () => {
    expect(pointIncluded('harbour gate Saturday', 'The harbour gate.')).toBe(true);
    expect(pointIncluded('harbour gate Saturday', 'The harbour.')).toBe(false);
    expect(pointIncluded('harbour gate Saturday morning', 'The harbour gate on Saturday.')).toBe(true);
    expect(pointIncluded('harbour gate Saturday morning', 'The harbour gate.')).toBe(false);
  });
});

describe('judgeLength', () => {
  it('passes 1 to maxWords words, fails none and one over', () => {
    expect(judgeLength(0, 50)).toBe('empty');
    expect(judgeLength(1, 50)).toBe('ok');
    expect(judgeLength(50, 50)).toBe('ok');
    expect(judgeLength(51, 50)).toBe('too-long');
  });
});

describe('assessDraft', () => {
  const rules = { kind: 'email' as const, maxWords: 20, mustInclude: ['Parking is free', 'Doors open at 9'] };

  it('counts one failure per check and per missing point', () => {
    expect(assessDraft({ body: 'Parking is free.' }, rules)).toEqual({
      words: 3,
      length: 'ok',
      hasSubject: false,
      coverage: [
        { point: 'Parking is free', included: true },
        { point: 'Doors open at 9', included: false },
      ],
      failed: 2,
    });
  });

  it('looks for points in the subject too, and counts only the body', () => {
    const assessment = assessDraft({ subject: 'Doors open at 9', body: 'Parking is free.' }, rules);
    expect(assessment).toMatchObject({ words: 3, hasSubject: true, failed: 0 });
  });

  it('does not ask other kinds for a subject', () => {
    expect(assessDraft({ body: 'Hello.' }, { kind: 'note', maxWords: 20, mustInclude: [] })).toMatchObject({
      hasSubject: true,
      failed: 0,
    });
  });

  it('fails an email with an empty body', () => {
    expect(assessDraft({ subject: 'Hi', body: '' }, { ...rules, mustInclude: [] })).toMatchObject({ length: 'empty', failed: 1 });
  });
});

describe('bestDraftIndex', () => {
  it('picks the fewest failed checks, and the latest of equals', () => {
    expect(bestDraftIndex([{ failed: 1 }, { failed: 2 }, { failed: 2 }])).toBe(0);
    expect(bestDraftIndex([{ failed: 1 }, { failed: 1 }, { failed: 3 }])).toBe(1);
    expect(bestDraftIndex([{ failed: 2 }, { failed: 1 }, { failed: 0 }])).toBe(2);
    expect(bestDraftIndex([{ failed: 0 }])).toBe(0);
  });
});

describe('parseDraft and formatDraft', () => {
  it.each([
    ['Subject: Harbour news\n\nDear all,\nIt reopens.', 'Harbour news'],
    ['**Subject:** Harbour news\nDear all,\nIt reopens.', 'Harbour news'],
    ['# Subject: Harbour news  \n\nDear all,\nIt reopens.', 'Harbour news'],
    ['subject:Harbour news\n\nDear all,\nIt reopens.', 'Harbour news'],
  ])('reads the subject line of %j', (text, subject) => {
    expect(parseDraft(text, 'email')).toEqual({ subject, body: 'Dear all,\nIt reopens.' });
  });

  it('finds no subject when the first line is not one, or is empty', () => {
    expect(parseDraft('Dear all,\nSubject: later', 'email')).toEqual({ body: 'Dear all,\nSubject: later' });
    expect(parseDraft('Subject:\n\nDear all.', 'email')).toEqual({ body: 'Dear all.' });
  });

  it('leaves other kinds whole, Subject line included', () => {
    expect(parseDraft('  Subject: x\n\nBody.  ', 'note')).toEqual({ body: 'Subject: x\n\nBody.' });
  });

  it('writes the subject line back for emails only', () => {
    expect(formatDraft({ subject: 'Hi', body: 'Body.' })).toBe('Subject: Hi\n\nBody.');
    expect(formatDraft({ body: 'Body.' })).toBe('Body.');
    const email = 'Subject: Harbour news\n\nDear all.';
    expect(formatDraft(parseDraft(email, 'email'))).toBe(email);
  });
});

describe('completeOutline', () => {
  it('appends the required points the plan does not make, in order', () => {
    const outline = { subject: 'News', points: ['Parking is free this weekend.', 'Thank the volunteers.'] };
    expect(completeOutline(outline, ['Parking is free', 'Doors open at 9', 'Bring gloves'])).toEqual({
      subject: 'News',
      points: ['Parking is free this weekend.', 'Thank the volunteers.', 'Doors open at 9', 'Bring gloves'],
    });
  });

  it('numbers the plan for the draft step, subject first', () => {
    expect(outlineText({ subject: 'News', points: ['One.', 'Two.'] })).toBe('Subject: News\n1. One.\n2. Two.');
    expect(outlineText({ points: ['One.'] })).toBe('1. One.');
  });
});
