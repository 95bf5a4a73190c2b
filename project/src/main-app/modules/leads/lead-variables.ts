import type { leads } from 'src/core/database/schema';

/** The variables a lead offers a template: {{name}}, {{first_name}}, {{last_name}}, {{email}}, {{company}}, {{phone}}, {{status}}. */
export function leadVariables(
  lead: Pick<typeof leads.$inferSelect, 'name' | 'email' | 'company' | 'phone' | 'status'>,
): Record<string, string> {
  const [first = '', ...rest] = lead.name.trim().split(/\s+/);
  return {
    name: lead.name,
    first_name: first,
    last_name: rest.join(' '),
    email: lead.email ?? '',
    company: lead.company ?? '',
    phone: lead.phone ?? '',
    status: lead.status,
  };
}
