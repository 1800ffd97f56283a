export function runLint(): number { return 0; }
