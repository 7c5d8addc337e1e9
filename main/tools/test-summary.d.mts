export function summarizeVitestReport(text: string | undefined): { line: string; ok: boolean };
