import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, templateVariables, toSnakeCase } from 'src/shared/sms/template';

describe('renderTemplate', () => {
  it('replaces variables, with or without spaces inside the braces', () => {
    expect(renderTemplate('Hi {{first_name}}, your code is {{  code }}.', { first_name: 'Ana', code: '42' })).toEqual({
      ok: true,
      text: 'Hi Ana, your code is 42.',
    });
  });

  it('looks variables up regardless of case', () => {
    expect(renderTemplate('Hi {{ First_Name }}', { first_name: 'Ana' })).toEqual({ ok: true, text: 'Hi Ana' });
    expect(renderTemplate('Hi {{ first_name }}', { FIRST_NAME: 'Ana' })).toEqual({ ok: true, text: 'Hi Ana' });
  });

  it('accepts dots and hyphens in names', () => {
    expect(renderTemplate('{{ lead.city }}/{{ zip-code }}', { 'lead.city': 'Oslo', 'zip-code': '0150' })).toEqual({
      ok: true,
      text: 'Oslo/0150',
    });
  });

  it('uses the default when the value is missing, null, empty or blank', () => {
    for (const first_name of [undefined, null, '', '  ']) {
      expect(renderTemplate('Hi {{ first_name | there }}!', { first_name })).toEqual({ ok: true, text: 'Hi there!' });
    }
  });

  it('prefers the value over the default', () => {
    expect(renderTemplate('Hi {{ first_name | there }}', { first_name: 'Ana' })).toEqual({ ok: true, text: 'Hi Ana' });
  });

  it('allows an empty default', () => {
    expect(renderTemplate('Hi{{ title | }} Ana', {})).toEqual({ ok: true, text: 'Hi Ana' });
  });

  it('lists every missing variable without a default once', () => {
    expect(renderTemplate('{{a}} {{ b }} {{A}} {{c|x}} {{ d }}', { d: '' })).toEqual({
      ok: false,
      missing: ['a', 'b', 'd'],
    });
  });

  it('leaves text that is not a placeholder alone', () => {
    expect(renderTemplate('{ a } {{ not valid }} {{}}', {})).toEqual({ ok: true, text: '{ a } {{ not valid }} {{}}' });
  });

  it('does not expand placeholders inside values', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'x' })).toEqual({ ok: true, text: '{{b}}' });
  });
});

describe('templateVariables', () => {
  it('lists names once, in order of first use', () => {
    expect(templateVariables('{{ b }} {{a | x}} {{B}} {{c.d}}')).toEqual(['b', 'a', 'c.d']);
  });

  it('is empty for plain text', () => {
    expect(templateVariables('no variables')).toEqual([]);
  });
});

describe('toSnakeCase', () => {
  it.each([
    ['First Name', 'first_name'],
    ['phoneNumber', 'phone_number'],
    ['  Phone Number (mobile) ', 'phone_number_mobile'],
    ['e-mail', 'e_mail'],
    ['HTTPServer', 'http_server'],
    ['address2Line', 'address2_line'],
    ['Prénom', 'prenom'],
    ['already_snake', 'already_snake'],
  ])('turns %j into %j', (input, output) => {
    expect(toSnakeCase(input)).toBe(output);
  });
});

describe('compileTemplate', () => {
  it('lets the row override base values, whatever their case', () => {
    const render = compileTemplate('{{phone}} {{ Name | friend }}');
    expect(render({ Phone: '555' }, { phone: '+1415' })).toEqual({ ok: true, text: '555 friend' });
    expect(render({ phone: ' ' }, { phone: '+1415' })).toEqual({ ok: true, text: '+1415 friend' });
    expect(render({ name: 'Ana' })).toEqual({ ok: false, missing: ['phone'] });
  });
});
