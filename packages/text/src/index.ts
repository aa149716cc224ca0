export { isRecord, recentlyUsed } from './answers.js';
export { chunkText } from './chunking.js';
export { withThousands } from './digits.js';
export { extractiveSummary } from './extractive.js';
export { OFFLINE_MODEL, type OfflineRequest, offlineAnswer } from './offline-model.js';
export { hasVisibleText } from './visible.js';
export { countWords, foldedWordsOf } from './words.js';
