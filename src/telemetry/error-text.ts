/** An error as a log line says it: its kind and its words, never its stack (nor anything else thrown, as text). */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
