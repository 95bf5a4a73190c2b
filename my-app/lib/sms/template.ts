/** The fields a message to a lead may use, as the API fills them in (leads/lead-variables.ts). */
export const LEAD_VARIABLES = ['first_name', 'last_name', 'name', 'company', 'email', 'phone', 'status'];

/** `{{variable}}` and `{{variable|default}}`, as the API renders them. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*(?:\|([^}]*))?\}\}/g;

export interface Placeholder {
  name: string;
  fallback: string | undefined;
}

export function placeholders(body: string): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!seen.has(name)) seen.set(name, { name, fallback: match[2] });
  }
  return [...seen.values()];
}

/** Fills a template from one row; unknown names without a default stay visible as `{{name}}`. */
export function renderTemplate(body: string, vars: Record<string, string | undefined>): string {
  return body.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    const value = vars[name];
    if (value !== undefined && value !== '') return value;
    return fallback ?? whole;
  });
}

/** `First Name` → `first_name`, the second name the API gives every CSV column. */
export function snakeCase(header: string): string {
  return header
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
