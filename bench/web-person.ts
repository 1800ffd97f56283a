// The made-up people the web benchmark answers as (shared with the page examples).
export { answerUntil, formFieldsFor as answerFieldsFor, PEOPLE } from '../src/web/examples.js';
