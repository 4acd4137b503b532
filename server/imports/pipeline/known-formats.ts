/**
 * Column names of the contact exports people bring most often, with where each column belongs.
 * `null` means the column is known and deliberately ignored (labels of multi-value cells, phonetic
 * names, fax numbers…). Columns not listed fall through to the generic synonyms, then to a new custom field.
 */
export interface KnownFormat {
  id: string;
  label: string;
  /** Sets of normalised headers; the format is recognised when every header of one set is present. */
  signatures: string[][];
  columns: Record<string, string | null>;
  /** Normalised-header patterns to ignore (numbered repeats of a column group). */
  ignore?: RegExp[];
  /** Prefix every column carries ("person " in Pipedrive), stripped before lookup. */
  prefix?: string;
}

export const knownFormats: KnownFormat[] = [
  {
    id: "google",
    label: "Google Contacts",
    signatures: [["e mail 1 value"]],
    columns: {
      "first name": "firstName", "given name": "firstName", "middle name": "customFields.middleName", "additional name": "customFields.middleName",
      "last name": "lastName", "family name": "lastName", "name": null, "phonetic first name": null, "phonetic middle name": null,
      "phonetic last name": null, "name prefix": "customFields.namePrefix", "name suffix": "customFields.nameSuffix",
      nickname: "customFields.nickname", "file as": null, "organization name": "company", "organization 1 name": "company",
      "organization title": "title", "organization 1 title": "title", "organization department": "department",
      "organization 1 department": "department", birthday: "customFields.birthday", notes: "customFields.notes", photo: null,
      labels: "tags", "group membership": "tags", "e mail 1 value": "email", "e mail 2 value": "customFields.secondaryEmail",
      "phone 1 value": "phone", "phone 2 value": "mobile", "address 1 formatted": null, "address 1 street": "addressLine1",
      "address 1 city": "city", "address 1 po box": null, "address 1 region": "state", "address 1 postal code": "postalCode",
      "address 1 country": "country", "address 1 extended address": "addressLine2", "website 1 value": "website",
    },
    ignore: [/ (label|type)$/, /^e mail [3-9] /, /^phone [3-9] /, /^address [2-9] /, /^website [2-9] /, /^(relation|event|custom field|im|organization [2-9]) /],
  },
  {
    id: "outlook",
    label: "Outlook",
    signatures: [["e mail address", "business phone"]],
    columns: {
      "first name": "firstName", "middle name": "customFields.middleName", "last name": "lastName", title: "customFields.salutation",
      suffix: "customFields.nameSuffix", nickname: "customFields.nickname", "given yomi": null, "surname yomi": null,
      "e mail address": "email", "e mail 2 address": "customFields.secondaryEmail", "e mail 3 address": null,
      "e mail type": null, "e mail display name": null, "e mail 2 type": null, "e mail 2 display name": null,
      "e mail 3 type": null, "e mail 3 display name": null, "home phone": null, "home phone 2": null,
      "business phone": "phone", "business phone 2": null, "mobile phone": "mobile", "car phone": null, "other phone": null,
      "primary phone": null, pager: null, "business fax": null, "home fax": null, "other fax": null, "company main phone": null,
      callback: null, "radio phone": null, telex: null, "tty tdd phone": null, imaddress: null, "job title": "title",
      department: "department", company: "company", "office location": null, "manager s name": null, "assistant s name": null,
      "assistant s phone": null, "company yomi": null, "business street": "addressLine1", "business street 2": "addressLine2",
      "business street 3": null, "business city": "city", "business state": "state", "business postal code": "postalCode",
      "business country region": "country", "business country": "country", "home street": null, "home street 2": null,
      "home street 3": null, "home city": null, "home state": null, "home postal code": null, "home country region": null,
      "other street": null, "other street 2": null, "other street 3": null, "other city": null, "other state": null,
      "other postal code": null, "other country region": null, "personal web page": null, spouse: null, schools: null,
      hobby: null, location: null, "web page": "website", birthday: "customFields.birthday", anniversary: null,
      notes: "customFields.notes", categories: "tags", "business address po box": null, "home address po box": null,
      "other address po box": null, "account": null, "billing information": null, children: null, gender: null,
      initials: null, "internet free busy": null, keywords: null, language: null, mileage: null, priority: null,
      private: null, profession: null, "referred by": null, sensitivity: null, user1: null, user2: null, user3: null, user4: null,
    },
  },
  {
    id: "linkedin",
    label: "LinkedIn connections",
    signatures: [["email address", "connected on"]],
    columns: {
      "first name": "firstName", "last name": "lastName", url: "linkedinUrl", "email address": "email", company: "company",
      position: "title", "connected on": "customFields.connectedOn",
    },
  },
  {
    id: "hubspot",
    label: "HubSpot",
    signatures: [["hubspot score"], ["record id", "contact owner", "lifecycle stage"]],
    columns: {
      "record id": "customFields.hubspotRecordId", "contact id": "customFields.hubspotRecordId", "first name": "firstName",
      "last name": "lastName", "annual revenue": "customFields.annualRevenue", city: "city", "company name": "company",
      "contact owner": "customFields.owner", "country region": "country", "create date": "customFields.createdAt", email: "email",
      "hubspot score": "customFields.score", "job title": "title", "last activity date": "customFields.lastActivityDate",
      "lead status": "customFields.leadStatus", "lifecycle stage": "customFields.lifecycleStage", "mobile phone number": "mobile",
      "phone number": "phone", "postal code": "postalCode", "state region": "state", "street address": "addressLine1",
      "twitter username": "twitterHandle", "website url": "website", "associated company": null, "associated company ids": null,
      "associated company id": null, "linkedin url": "linkedinUrl", "facebook url": "facebookUrl",
    },
  },
  {
    id: "salesforce",
    label: "Salesforce report",
    signatures: [["lead owner"], ["company account", "lead source"]],
    columns: {
      "lead owner": "customFields.owner", "contact owner": "customFields.owner", salutation: "customFields.salutation",
      "first name": "firstName", "last name": "lastName", title: "title", "company account": "company", company: "company",
      "account name": "company", email: "email", phone: "phone", mobile: "mobile", street: "addressLine1", city: "city",
      "state province": "state", "zip postal code": "postalCode", country: "country", "lead source": "customFields.leadSource",
      "lead status": "customFields.leadStatus", rating: "customFields.rating", "annual revenue": "customFields.annualRevenue",
      "create date": "customFields.createdAt", "created date": "customFields.createdAt", fax: null, "lead id": "customFields.salesforceId",
      "contact id": "customFields.salesforceId", description: "customFields.notes", industry: "customFields.industry", website: "website",
    },
  },
  {
    id: "pipedrive",
    label: "Pipedrive",
    signatures: [["person name"], ["person email"], ["person email work"]],
    prefix: "person ",
    columns: {
      id: "customFields.pipedriveId", name: null, "first name": "firstName", "last name": "lastName", label: "tags",
      labels: "tags", organization: "company", "job title": "title", "email work": "email", email: "email",
      "email home": "customFields.secondaryEmail", "email other": null, "phone work": "phone", phone: "phone", "phone home": null,
      "phone mobile": "mobile", "phone other": null, "postal address": null,
      "city town village locality of postal address": "city", "state county of postal address": "state",
      "zip postal code of postal address": "postalCode", "country of postal address": "country", owner: "customFields.owner",
      "open deals": "customFields.openDeals", "closed deals": "customFields.closedDeals", "lead score": "customFields.score",
      budget: "customFields.budget", "person created": "customFields.createdAt", "marketing status": "customFields.marketingStatus",
      "update time": null, "next activity date": null, "last activity date": null, "visible to": null, "won deals": null, "lost deals": null,
    },
    ignore: [/^(house number|street|subpremise|district|region|full combined address|formatted address) .*of postal address$/],
  },
  {
    id: "zoho",
    label: "Zoho CRM",
    signatures: [["mailing street", "account name"]],
    columns: {
      "record id": "customFields.zohoRecordId", "contact owner": "customFields.owner", salutation: "customFields.salutation",
      "first name": "firstName", "last name": "lastName", email: "email", "secondary email": "customFields.secondaryEmail",
      phone: "phone", mobile: "mobile", "other phone": null, "home phone": null, fax: null, "assistant": null, "asst phone": null,
      title: "title", department: "department", "account name": "company", "vendor name": null, "mailing street": "addressLine1",
      "mailing city": "city", "mailing state": "state", "mailing zip": "postalCode", "mailing country": "country",
      "other street": null, "other city": null, "other state": null, "other zip": null, "other country": null,
      "lead source": "customFields.leadSource", description: "customFields.notes", "date of birth": "customFields.birthday",
      twitter: "twitterHandle", "skype id": null, "email opt out": "customFields.emailOptOut", "created time": "customFields.createdAt",
      "modified time": null, "created by": null, "modified by": null, "last activity time": "customFields.lastActivityDate", tag: "tags",
      "reporting to": null,
    },
  },
  {
    id: "mailchimp",
    label: "Mailchimp audience",
    signatures: [["email address", "member rating"]],
    columns: {
      "email address": "email", "first name": "firstName", "last name": "lastName", address: "addressLine1", "phone number": "phone",
      birthday: "customFields.birthday", company: "company", "member rating": "customFields.memberRating",
      "optin time": "customFields.optinTime", "optin ip": null, "confirm time": null, "confirm ip": null, latitude: null,
      longitude: null, gmtoff: null, dstoff: null, timezone: null, cc: null, region: null, "last changed": null, leid: null,
      euid: "customFields.mailchimpId", notes: "customFields.notes", tags: "tags", "unsub time": null, "unsub campaign title": null,
      "unsub campaign id": null, "unsub reason": null, "unsub reason other": null, "clean time": null, "clean campaign title": null,
      "clean campaign id": null,
    },
  },
];

/** Header synonyms for files from anywhere else (normalised header → target). */
export const genericSynonyms: Record<string, string> = {
  email: "email", "e mail": "email", "email address": "email", "e mail address": "email", mail: "email", "work email": "email",
  "primary email": "email", "email 1": "email", emailaddress: "email", "business email": "email", "email id": "email",
  "first name": "firstName", firstname: "firstName", "given name": "firstName", first: "firstName", forename: "firstName",
  vorname: "firstName", prenom: "firstName", "prénom": "firstName", nombre: "firstName",
  "last name": "lastName", lastname: "lastName", surname: "lastName", "family name": "lastName", last: "lastName",
  nachname: "lastName", nom: "lastName", apellido: "lastName", apellidos: "lastName",
  name: "fullName", "full name": "fullName", "contact name": "fullName", contact: "fullName", "display name": "fullName", fullname: "fullName",
  phone: "phone", "phone number": "phone", telephone: "phone", tel: "phone", "work phone": "phone", "business phone": "phone",
  "office phone": "phone", "direct phone": "phone", telefon: "phone", "phone 1": "phone", "primary phone": "phone",
  mobile: "mobile", "mobile phone": "mobile", "mobile phone number": "mobile", "mobile number": "mobile", cell: "mobile",
  "cell phone": "mobile", cellphone: "mobile", handy: "mobile", "phone 2": "mobile",
  company: "company", "company name": "company", organization: "company", organisation: "company", "organization name": "company",
  "account name": "company", account: "company", employer: "company", firma: "company", unternehmen: "company", "company account": "company",
  "job title": "title", title: "title", position: "title", role: "title", designation: "title", "job position": "title", jobtitle: "title",
  department: "department", dept: "department", abteilung: "department",
  address: "addressLine1", street: "addressLine1", "street address": "addressLine1", "address line 1": "addressLine1",
  "address 1": "addressLine1", address1: "addressLine1", "mailing street": "addressLine1", strasse: "addressLine1", "straße": "addressLine1",
  "address line 2": "addressLine2", "address 2": "addressLine2", address2: "addressLine2", "street 2": "addressLine2",
  city: "city", town: "city", locality: "city", "mailing city": "city", ort: "city", stadt: "city", ciudad: "city", ville: "city",
  state: "state", region: "state", province: "state", "state province": "state", "state region": "state", county: "state",
  "mailing state": "state", bundesland: "state",
  zip: "postalCode", "zip code": "postalCode", zipcode: "postalCode", "postal code": "postalCode", postcode: "postalCode",
  "zip postal code": "postalCode", postal: "postalCode", plz: "postalCode", "mailing zip": "postalCode", "post code": "postalCode",
  country: "country", "country region": "country", "country code": "country", "mailing country": "country", land: "country", pays: "country",
  website: "website", "web site": "website", "website url": "website", url: "website", "web page": "website", web: "website",
  homepage: "website", "company website": "website", domain: "website",
  linkedin: "linkedinUrl", "linkedin url": "linkedinUrl", "linkedin profile": "linkedinUrl", "linkedin profile url": "linkedinUrl",
  twitter: "twitterHandle", "twitter username": "twitterHandle", "twitter handle": "twitterHandle", "x handle": "twitterHandle",
  facebook: "facebookUrl", "facebook url": "facebookUrl", "facebook profile": "facebookUrl",
  "lifecycle stage": "lifecycleStage", lifecyclestage: "lifecycleStage", score: "score",
  tags: "tags", tag: "tags", labels: "tags", label: "tags", categories: "tags", groups: "tags", "group membership": "tags",
  "last activity": "lastActivityAt", "last activity date": "lastActivityAt", "last activity at": "lastActivityAt",
  "last contacted": "lastContactedAt", "last contacted date": "lastContactedAt", "last contacted at": "lastContactedAt",
};
