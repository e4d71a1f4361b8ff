/** "describe the problem…" → "Describe the problem…": the server writes its messages in lower case. */
export function sentenceCase(text) {
  if (typeof text !== 'string' || !text) return text;
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
