/** A form field's text, trimmed; files and missing fields read as ''. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A form field as a number, or null when empty (commas accepted as decimal separators). */
export function formNumber(form: FormData, name: string): number | null {
  const text = formText(form, name);
  return text === '' ? null : Number(text.replace(',', '.'));
}
