// {{ name }} or {{ name | default text }}; the default cannot contain '}'.
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*(?:\|([^}]*))?\}\}/g;

export type TemplateVars = Record<string, string | undefined | null>;
export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[] };

function uniqueIgnoringCase(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

/** Variable names in order of first use, as written in the template. */
export function templateVariables(tpl: string): string[] {
  return uniqueIgnoringCase([...tpl.matchAll(PLACEHOLDER)].map((m) => m[1]));
}

/** Names match case-insensitively; an empty or blank value counts as missing unless the placeholder has a default. */
export function renderTemplate(tpl: string, vars: TemplateVars): RenderResult {
  const lookup = new Map<string, string>();
  for (const [key, value] of Object.entries(vars)) {
    if (value != null && value.trim() !== '') lookup.set(key.toLowerCase(), value);
  }
  const missing: string[] = [];
  const text = tpl.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    const value = lookup.get(name.toLowerCase());
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback.trim();
    missing.push(name);
    return whole;
  });
  return missing.length ? { ok: false, missing: uniqueIgnoringCase(missing) } : { ok: true, text };
}

/** 'First Name' -> 'first_name', 'phoneNumber' -> 'phone_number', 'Prénom' -> 'prenom'. */
export function toSnakeCase(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
