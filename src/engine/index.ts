// The triage engine's public surface: pure functions over plain data, usable in Node and in browsers.
export { triage } from './triage.js';
export { toWeeks, validateAnswers } from './answers.js';
export { riskGroupOf } from './logic.js';
export * from './types.js';
export { regionFindings } from './region.js';
export { interview, personAnswers } from './interview.js';
export type { Interview, InterviewOptions } from './interview.js';
export { safetyNetFor } from './safety-net.js';
export { pageView } from './views.js';
