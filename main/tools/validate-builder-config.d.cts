export const REQUIRED_FUSES: Record<string, boolean>;
export function policyProblems(config: Record<string, unknown>, baseDir: string): string[];
export function validateBuilderConfig(file: string, projectDir?: string): Promise<{ ok: boolean; problems: string[] }>;
