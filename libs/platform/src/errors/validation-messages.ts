import { ValidationError } from 'class-validator';
import { Localized } from '../i18n/locale';
import { FieldError } from './domain-error';

/** French and English for each class-validator constraint we use. {field} and the constraint's args fill in. */
const CONSTRAINT_MESSAGES: Record<string, Localized> = {
  whitelistValidation: { fr: "Ce champ n'est pas attendu.", en: 'This field is not expected.' },
  isDefined: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  isNotEmpty: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  isNotBlank: { fr: 'Ce champ ne peut pas être vide.', en: 'This field cannot be blank.' },
  isString: { fr: 'Ce champ doit être un texte.', en: 'This field must be text.' },
  isEmail: { fr: 'Adresse e-mail invalide.', en: 'Invalid email address.' },
  isBoolean: { fr: 'Ce champ doit valoir vrai ou faux.', en: 'This field must be true or false.' },
  isInt: { fr: 'Ce champ doit être un nombre entier.', en: 'This field must be a whole number.' },
  isNumber: { fr: 'Ce champ doit être un nombre.', en: 'This field must be a number.' },
  isPositive: { fr: 'Ce champ doit être positif.', en: 'This field must be positive.' },
  min: { fr: 'La valeur minimale est {0}.', en: 'The minimum is {0}.' },
  max: { fr: 'La valeur maximale est {0}.', en: 'The maximum is {0}.' },
  minLength: { fr: 'Au moins {0} caractères.', en: 'At least {0} characters.' },
  maxLength: { fr: 'Au plus {0} caractères.', en: 'At most {0} characters.' },
  length: { fr: 'Entre {0} et {1} caractères.', en: 'Between {0} and {1} characters.' },
  isIn: { fr: 'Valeur non reconnue. Valeurs possibles : {values}.', en: 'Unknown value. Allowed: {values}.' },
  isEnum: { fr: 'Valeur non reconnue. Valeurs possibles : {values}.', en: 'Unknown value. Allowed: {values}.' },
  equals: { fr: 'Ce champ doit valoir {0}.', en: 'This field must be {0}.' },
  isDateString: { fr: 'Date invalide (format ISO 8601 attendu, avec fuseau).', en: 'Invalid date (ISO 8601 with offset expected).' },
  isISO8601: { fr: 'Date invalide (format ISO 8601 attendu, avec fuseau).', en: 'Invalid date (ISO 8601 with offset expected).' },
  isInstant: { fr: 'Date et heure invalides (ex. 2025-06-10T09:00:00Z, avec fuseau).', en: 'Invalid date and time (e.g. 2025-06-10T09:00:00Z, with offset).' },
  isUUID: { fr: 'Identifiant invalide.', en: 'Invalid identifier.' },
  isArray: { fr: 'Ce champ doit être une liste.', en: 'This field must be a list.' },
  arrayMaxSize: { fr: 'Au plus {0} éléments.', en: 'At most {0} items.' },
  arrayMinSize: { fr: 'Au moins {0} éléments.', en: 'At least {0} items.' },
  arrayUnique: { fr: 'Les éléments doivent être distincts.', en: 'Items must be distinct.' },
  isObject: { fr: 'Ce champ doit être un objet.', en: 'This field must be an object.' },
  nestedValidation: { fr: 'Ce champ doit être un objet.', en: 'This field must be an object.' },
  isUrl: { fr: 'Adresse web invalide.', en: 'Invalid web address.' },
  isPhoneNumber: { fr: 'Numéro de téléphone invalide.', en: 'Invalid phone number.' },
  matches: { fr: 'Format invalide.', en: 'Invalid format.' },
  isTimeZone: { fr: 'Fuseau horaire inconnu (ex. Africa/Bamako).', en: 'Unknown time zone (e.g. Africa/Bamako).' },
  isHexColor: { fr: 'Couleur invalide (ex. #1d6f42).', en: 'Invalid colour (e.g. #1d6f42).' },
  isSlug: { fr: 'Lettres minuscules, chiffres et tirets seulement.', en: 'Lowercase letters, digits and dashes only.' },
  isLocalized: {
    fr: 'Texte attendu sous la forme { "fr": "…", "en": "…" }, le français obligatoire.',
    en: 'Expected { "fr": "…", "en": "…" }, French required.',
  },
};
const FALLBACK: Localized = { fr: 'Valeur invalide.', en: 'Invalid value.' };

/** The order in which one failed constraint is chosen to describe a field (the most basic first). */
const PRIORITY = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'nestedValidation', 'isObject', 'isArray', 'isString', 'isBoolean', 'isInt', 'isNumber'];

/** Flattens class-validator's tree into one error per field, with dotted paths (`people.0.role`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const names = Object.keys(error.constraints ?? {});
    if (names.length > 0) {
      const name = PRIORITY.find((p) => names.includes(p)) ?? names[0];
      const ctx = (error.contexts?.[name] ?? {}) as Record<string, unknown>;
      const args = constraintArgs(error, name);
      out.push({ field, message: CONSTRAINT_MESSAGES[name] ?? FALLBACK, params: { ...args, ...ctx } });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

function constraintArgs(error: ValidationError, name: string): Record<string, unknown> {
  // class-validator keeps the constraint's arguments only in the message; our decorators put them in `context`.
  const text = error.constraints?.[name] ?? '';
  if (name === 'isIn' || name === 'isEnum') {
    const m = /: (.*)$/.exec(text);
    return { values: m ? m[1] : '' };
  }
  const numbers = text.match(/-?\d+(\.\d+)?/g) ?? [];
  return Object.fromEntries(numbers.map((n, i) => [String(i), n]));
}
