/** Splitting text into whole sentences, for the extractive summary. */
import { wordsOf } from './words.js';

/**
 * The whole sentences of `text`: list markers are stripped; headings and fragments without end
 * punctuation, and sentences under three words, are dropped.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/^\s*(?:\[\d+\]|[-*•])\s*/, '').split(/(?<=[.!?]["')\]]?)\s+(?=["'([]?[\p{Lu}\p{N}])/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[.!?]["')\]]?$/.test(sentence) && wordsOf(sentence).length >= 3);
}
