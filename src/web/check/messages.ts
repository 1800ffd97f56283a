// Error messages for question pages (GOV.UK style: say what to do), with clearer words for some questions.
import type { QuestionView } from '../../engine/types.js';

export type InputProblem = 'choose' | 'exclusive' | 'empty' | 'not_number' | 'whole' | 'range' | 'unit';

/** Messages for particular questions, by question id; anything not here uses the general message. */
const BY_QUESTION: Readonly<Record<string, Partial<Record<InputProblem, string>>>> = {
  age: {
    empty: 'Enter your age',
    not_number: 'Enter your age in whole years, like 45',
    whole: 'Enter your age in whole years, like 45',
    range: 'Enter an age from 0 to 120',
  },
  duration: {
    empty: "Enter how long you have had this problem, or tick “I'm not sure”",
    not_number: 'Enter how long you have had this problem as a number, like 3',
    range: 'Enter a length of time up to 100 years',
    unit: 'Select days, weeks or months',
  },
  'pain-score': {
    empty: "Enter a number from 0 to 10, or tick “I'm not sure”",
    not_number: 'Enter a number from 0 to 10',
    whole: 'Enter a whole number from 0 to 10',
    range: 'Enter a number from 0 to 10',
  },
  region: { choose: 'Select where the noise or pain is' },
};

function general(question: QuestionView, problem: InputProblem): string {
  switch (problem) {
    case 'choose':
      switch (question.kind) {
        case 'boolean':
          return question.unknownAllowed ? "Select yes, no or I'm not sure" : 'Select yes or no';
        case 'multi':
          return question.unknownAllowed ? "Select all that apply, or select None of these, or I'm not sure" : 'Select all that apply, or select None of these';
        case 'choice':
        case 'number':
          return question.unknownAllowed ? "Select one answer, or I'm not sure" : 'Select one answer';
      }
      break;
    case 'exclusive':
      return "Select the ones that apply, or select None of these or I'm not sure on its own";
    case 'empty':
      return question.unknownAllowed ? "Enter a number, or tick “I'm not sure”" : 'Enter a number';
    case 'not_number':
      return 'Enter a number, like 5';
    case 'whole':
      return 'Enter a whole number, like 5';
    case 'range':
      return `Enter a number from ${String(question.min ?? 0)} to ${String(question.max ?? '')}`.trim();
    case 'unit':
      return 'Select days, weeks or months';
  }
}

/** The message for a problem with what was entered on a question page. */
export function errorMessage(question: QuestionView, problem: InputProblem): string {
  return BY_QUESTION[question.id]?.[problem] ?? general(question, problem);
}
