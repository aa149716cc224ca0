export { extractiveSummary } from './extractive.js';
export { lexicalOverlap, stem, stemsOf } from './overlap.js';
export { sentencesOf } from './sentences.js';
export { contentWordsOf, STOP_WORDS, wordsOf } from './words.js';
