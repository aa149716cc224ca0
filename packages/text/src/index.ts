/** The text helpers the servers share: chunking, word counts, the extractive summary, the offline model. */
export { isRecord, recentlyUsed } from './answers.js';
export { chunkText } from './chunking.js';
export { withThousands } from './digits.js';
export { extractiveSummary } from './extractive.js';
export { OFFLINE_MODEL, type OfflineRequest, offlineAnswer } from './offline-model.js';
export { hasVisibleText } from './visible.js';
export { countWords, foldedWordsOf } from './words.js';
