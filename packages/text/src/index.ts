export { chunkText } from './chunking.js';
export { withThousands } from './digits.js';
export { extractiveSummary } from './extractive.js';
export { jsonFromSchema } from './json-from-schema.js';
export { dataOf, OFFLINE_MODEL, type OfflineRequest, offlineAnswer } from './offline-model.js';
export { lexicalOverlap, stem, stemsOf } from './overlap.js';
export { sentencesOf } from './sentences.js';
export { hasVisibleText } from './visible.js';
export { contentWordsOf, STOP_WORDS, wordsOf } from './words.js';
