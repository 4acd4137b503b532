import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { Metadata } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/min/metadata";

/** libphonenumber's own answer: E.164 when the number is valid for its country, otherwise as typed. */
function normalizeWithLibphonenumber(raw: string, defaultCountry: CountryCode): string {
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isValid() ? parsed.format("E.164") : raw;
}

/**
 * E.164 when the number is valid for its country, otherwise as typed: exactly what
 * `parsePhoneNumberFromString(raw, defaultCountry)` then `isValid() ? format("E.164") : raw` returns.
 * Plain numbers take a fast path (see fastNormalizePhone); everything else goes to libphonenumber.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = "US"): string {
  return fastNormalizePhone(raw, defaultCountry) ?? normalizeWithLibphonenumber(raw, defaultCountry);
}

// libphonenumber-js 1.13 constants (es6/constants.js, es6/parse.js).
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_INPUT_STRING_LENGTH = 250;

/**
 * Only ASCII digits, a leading "+" and the separators " ().-/". For such a string libphonenumber's parse
 * reduces to its digits with the "+": every separator here is in its VALID_PUNCTUATION, so with three or
 * more digits the number is viable; no extension pattern can match without a letter, "#", "~", "," or
 * ";"; there is no RFC 3966 "tel:"/";phone-context="; and a "+" anywhere else (which stops the digit
 * scan) or a longer input (which it rejects) is excluded here.
 */
const plainNumber = /^\+?[\d ()./-]+$/;

/**
 * The answer of normalizePhone for a plain number, or undefined when libphonenumber must be asked.
 * libphonenumber spends 6–20 µs per number, most of it building a Metadata object and a RegExp per
 * pattern test (and testing the number-type patterns twice for calling codes shared by several
 * countries: once to find the country, once in isValid). This follows the same steps as its parse
 * (helpers extractCountryCallingCode, extractNationalNumber, getCountryByCallingCode) and isValid on
 * the same metadata with each pattern compiled once, and hands the rare branches it does not
 * reproduce (IDD prefixes, national-prefix transform rules and carrier codes, non-geographic calling
 * codes) back to libphonenumber. phone.test.ts compares it with libphonenumber on fixtures and
 * generated numbers for every country.
 */
export function fastNormalizePhone(raw: string, defaultCountry: string): string | undefined {
  if (raw.length > MAX_INPUT_STRING_LENGTH || !plainNumber.test(raw) || !hasOwn(metadata.countries, defaultCountry)) return undefined;
  const digits = raw.replace(/\D/g, "");
  if (digits.length < 3) return undefined;
  const e164 = raw[0] === "+" ? international(digits) : national(digits, defaultCountry);
  return e164 === null ? raw : e164;
}

/** E.164 if valid, null if not (the raw string is kept), undefined if libphonenumber must decide. */
type Decision = string | null | undefined;

/** "+<digits>": the calling code is the shortest prefix of up to three digits that is one. */
function international(digits: string): Decision {
  if (digits[0] === "0") return null;
  for (let length = 1; length <= 3; length++) {
    const callingCode = digits.slice(0, length);
    if (!library.hasCallingCode(callingCode)) continue;
    if (!countriesByCallingCode(callingCode)) return undefined;
    return decide(callingCode, undefined, digits.slice(length));
  }
  return null;
}

/** No "+": national format in the default country, unless it is dialled with an IDD or the calling code. */
function national(digits: string, defaultCountry: string): Decision {
  const plan = planOf(defaultCountry);
  const callingCode = plan.callingCode;
  if (digits.search(plan.iddPrefix) === 0 || !countriesByCallingCode(callingCode)) return undefined;
  if (digits.startsWith(callingCode)) {
    // extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: "1 415 555 0123" in the US.
    const shorter = digits.slice(callingCode.length);
    const shorterNational = nationalNumberOf(shorter, plan);
    const wholeNational = nationalNumberOf(digits, plan);
    if (shorterNational === undefined || wholeNational === undefined) return undefined;
    if (
      (!plan.nationalPattern.test(wholeNational) && plan.nationalPattern.test(shorterNational)) ||
      lengthCheck(wholeNational, plan.possibleLengths) === "TOO_LONG"
    ) {
      return decide(callingCode, undefined, shorter);
    }
  }
  return decide(callingCode, defaultCountry, digits);
}

/** parse's parsePhoneNumber from the extracted calling code on, then isValid and format("E.164"). */
function decide(callingCode: string, country: string | undefined, number: string): Decision {
  if (!number) return null;
  const nationalNumber = nationalNumberOf(number, planOf(country ?? mainCountry(callingCode)));
  if (nationalNumber === undefined) return undefined;
  country = countryOf(callingCode, nationalNumber) ?? country;
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return null;
  const plan = planOf(country ?? mainCountry(callingCode));
  const valid = plan.types ? hasType(nationalNumber, plan) : plan.nationalPattern.test(nationalNumber);
  return valid ? `+${callingCode}${nationalNumber}` : null;
}

/** extractNationalNumber: strips a national prefix ("0" in "020 7946 0958") when the rest still fits. */
function nationalNumberOf(number: string, plan: Plan): string | undefined {
  const match = number ? plan.nationalPrefixForParsing?.exec(number) : null;
  if (!match) return number;
  const groups = match.length - 1;
  if (groups > 0 && match[groups]) return undefined; // a transform rule or carrier code: libphonenumber's
  const nationalNumber = number.slice(match[0].length);
  if (nationalNumber === number) return number;
  if (plan.nationalPattern.test(number) && !plan.nationalPattern.test(nationalNumber)) return number;
  if (plan.possibleLengths) {
    const country = countryOf(plan.callingCode, nationalNumber);
    const check = lengthCheck(nationalNumber, country ? planOf(country).possibleLengths : plan.possibleLengths);
    if (check === "TOO_SHORT" || check === "INVALID_LENGTH") return number;
  }
  return nationalNumber;
}

/** getCountryByCallingCode: the first country sharing the calling code whose leading digits or types match. */
function countryOf(callingCode: string, nationalNumber: string): string | undefined {
  const countries = countriesByCallingCode(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  return countries.find((country) => {
    const plan = planOf(country);
    if (plan.leadingDigits) return nationalNumber !== "" && nationalNumber.search(plan.leadingDigits) === 0;
    return plan.types !== undefined && hasType(nationalNumber, plan);
  });
}

/** getNumberType(...) !== undefined. */
function hasType(nationalNumber: string, plan: Plan): boolean {
  if (!plan.nationalPattern.test(nationalNumber)) return false;
  return plan.types!.some(
    (type) => (!type.possibleLengths || type.possibleLengths.includes(nationalNumber.length)) && type.pattern.test(nationalNumber),
  );
}

/** checkNumberLength without a type. */
function lengthCheck(nationalNumber: string, possibleLengths: number[] | undefined) {
  if (!possibleLengths) return "IS_POSSIBLE";
  const length = nationalNumber.length;
  if (possibleLengths[0] === length) return "IS_POSSIBLE";
  if (possibleLengths[0]! > length) return "TOO_SHORT";
  if (possibleLengths[possibleLengths.length - 1]! < length) return "TOO_LONG";
  return possibleLengths.indexOf(length, 1) >= 0 ? "IS_POSSIBLE" : "INVALID_LENGTH";
}

/** A country's numbering plan as libphonenumber reads it from the metadata, with its patterns compiled once. */
interface Plan {
  callingCode: string;
  iddPrefix: RegExp;
  nationalPattern: RegExp;
  possibleLengths: number[] | undefined;
  nationalPrefixForParsing: RegExp | undefined;
  leadingDigits: RegExp | undefined;
  /** Undefined when the metadata has no number types for the country (isValid then uses nationalPattern). */
  types: { pattern: RegExp; possibleLengths: number[] | undefined }[] | undefined;
}

/** The parts of libphonenumber's Metadata and NumberingPlan (es6/metadata.js) this reads. */
interface LibraryMetadata {
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  selectNumberingPlan(country: string): void;
  numberingPlan: {
    callingCode(): string;
    IDDPrefix(): string;
    nationalNumberPattern(): string;
    possibleLengths(): number[] | undefined;
    nationalPrefixForParsing(): string | undefined;
    leadingDigits(): string | undefined;
    hasTypes(): boolean;
    type(type: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

const library = new Metadata(metadata) as unknown as LibraryMetadata;
const TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];
const plans = new Map<string, Plan>();
const callingCodeCountries = new Map<string, string[] | undefined>();

function hasOwn(object: object, key: string) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function countriesByCallingCode(callingCode: string): string[] | undefined {
  if (!callingCodeCountries.has(callingCode)) callingCodeCountries.set(callingCode, library.getCountryCodesForCallingCode(callingCode));
  return callingCodeCountries.get(callingCode);
}

/** The plan libphonenumber selects for a calling code (callers have checked it has countries). */
function mainCountry(callingCode: string): string {
  return countriesByCallingCode(callingCode)![0]!;
}

/** Patterns as libphonenumber uses them: matchesEntirely wraps in ^(?:…)$, national prefixes in ^(?:…). */
function planOf(country: string): Plan {
  let plan = plans.get(country);
  if (plan) return plan;
  library.selectNumberingPlan(country);
  const numberingPlan = library.numberingPlan;
  const prefix = numberingPlan.nationalPrefixForParsing();
  const leadingDigits = numberingPlan.leadingDigits();
  plan = {
    callingCode: numberingPlan.callingCode(),
    iddPrefix: new RegExp(numberingPlan.IDDPrefix()),
    nationalPattern: new RegExp(`^(?:${numberingPlan.nationalNumberPattern()})$`),
    possibleLengths: numberingPlan.possibleLengths() || undefined,
    nationalPrefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
    leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
    types: numberingPlan.hasTypes()
      ? TYPES.flatMap((name) => {
          const type = numberingPlan.type(name);
          if (!type || !type.pattern()) return [];
          return [{ pattern: new RegExp(`^(?:${type.pattern()})$`), possibleLengths: type.possibleLengths() || undefined }];
        })
      : undefined,
  };
  plans.set(country, plan);
  return plan;
}
