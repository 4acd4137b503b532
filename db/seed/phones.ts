import { getExampleNumber, isValidPhoneNumber, type CountryCode } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { countries, type City, type CountryProfile } from "./data/countries";
import { createRng, fillTemplate, type Rng } from "./random";

interface CountryPhones {
  callingCode: string;
  mobile: string;
  landlineByCity: Map<string, string>;
}

/** True when every one of `samples` numbers drawn from the template is valid for the country. */
function isTemplateValid(country: CountryCode, callingCode: string, template: string, samples: number): boolean {
  const rng = createRng(1, `phone-check:${country}:${template}`);
  for (let i = 0; i < samples; i++) {
    if (!isValidPhoneNumber(`+${callingCode}${fillTemplate(rng, template)}`)) return false;
  }
  return true;
}

/**
 * Templates checked once against libphonenumber's metadata, so generating a million numbers needs no
 * per-number validation: the mobile template keeps the carrier prefix of the country's example number
 * and randomises as many trailing digits as stay valid; a city's landline template falls back to the
 * mobile one if the metadata disagrees with it.
 */
function buildPhones(country: CountryProfile): CountryPhones {
  const example = getExampleNumber(country.code, examples);
  if (!example) throw new Error(`no example phone number for ${country.code}`);
  const callingCode = String(example.countryCallingCode);
  const national = String(example.nationalNumber);
  let mobile = national;
  for (let keep = 3; keep <= national.length - 4; keep++) {
    const candidate = national.slice(0, keep) + "#".repeat(national.length - keep);
    if (isTemplateValid(country.code, callingCode, candidate, 40)) {
      mobile = candidate;
      break;
    }
  }
  const landlineByCity = new Map<string, string>();
  for (const city of country.cities) {
    landlineByCity.set(city.name, isTemplateValid(country.code, callingCode, city.landline, 25) ? city.landline : mobile);
  }
  return { callingCode, mobile, landlineByCity };
}

const cache = new Map<string, CountryPhones>();

function phonesFor(country: CountryProfile): CountryPhones {
  let phones = cache.get(country.code);
  if (!phones) {
    phones = buildPhones(country);
    cache.set(country.code, phones);
  }
  return phones;
}

/** E.164 mobile number valid for the country. */
export function mobileNumber(rng: Rng, country: CountryProfile): string {
  const phones = phonesFor(country);
  return `+${phones.callingCode}${fillTemplate(rng, phones.mobile)}`;
}

/** E.164 office number in the city's area code when libphonenumber accepts it, else a mobile number. */
export function landlineNumber(rng: Rng, country: CountryProfile, city: City): string {
  const phones = phonesFor(country);
  return `+${phones.callingCode}${fillTemplate(rng, phones.landlineByCity.get(city.name) ?? phones.mobile)}`;
}

/** For tests: which cities had to fall back to mobile numbers. */
export function landlineFallbacks(): string[] {
  const fallbacks: string[] = [];
  for (const country of countries) {
    const phones = phonesFor(country);
    for (const city of country.cities) if (phones.landlineByCity.get(city.name) !== city.landline) fallbacks.push(`${country.code}:${city.name}`);
  }
  return fallbacks;
}
