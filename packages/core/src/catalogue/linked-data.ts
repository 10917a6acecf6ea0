import { formatTimeLimit } from '../deadline/format-time-limit.js';
import type { TimeLimit } from '../deadline/time-limit.js';
import { computeFee, formatFeeRule } from './fees.js';
import type { CatalogueAgency, ChannelKind, FeeRule, Procedure } from './schema.js';

/**
 * A JSON-LD object (plain JSON, ready for `JSON.stringify` into a
 * `<script type="application/ld+json">`).
 *
 * @example
 * ```ts
 * const doc: JsonLd = { '@context': 'https://schema.org', '@type': 'GovernmentService' };
 * ```
 */
export type JsonLd = { readonly [key: string]: unknown };

const SCHEMA_CHANNEL: Readonly<Record<ChannelKind, string>> = {
  'in-person': 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến (Cổng Dịch vụ công quốc gia)',
  postal: 'Qua dịch vụ bưu chính',
};

/** ISO 8601 duration for calendar days only; working days and hours have no ISO form. */
function isoDuration(limit: TimeLimit): string | undefined {
  return limit.unit === 'days' ? `P${limit.value}D` : undefined;
}

function fullCode(procedure: Procedure): string {
  return procedure.localSuffix === undefined ? procedure.code : `${procedure.code}.${procedure.localSuffix}`;
}

function offers(fees: readonly FeeRule[] | undefined): JsonLd[] | undefined {
  if (fees === undefined) return undefined;
  if (fees.length === 0) return [{ '@type': 'Offer', price: 0, priceCurrency: 'VND' }];
  return fees.map((rule) => ({
    '@type': 'Offer',
    price: computeFee(rule),
    priceCurrency: 'VND',
    description: formatFeeRule(rule),
    ...(rule.label === undefined ? {} : { name: rule.label }),
  }));
}

/**
 * A procedure as a schema.org `GovernmentService` in JSON-LD, so that commune pages become
 * machine-readable: identifier (national code), name, field as `serviceType`, the agency as
 * `provider`, channels as `ServiceChannel`s (with an ISO `processingTime` only for calendar-day
 * limits — working days have no ISO 8601 form; the limit in words is in the description), fees as
 * `Offer`s in VND (the price of one unit), and the legal basis as `termsOfService`.
 *
 * @example
 * ```ts
 * const doc = procedureToJsonLd(procedure, catalogue.agency);
 * doc['@type']; // 'GovernmentService'
 * const script = `<script type="application/ld+json">${JSON.stringify(doc).replaceAll('<', '\\u003c')}</script>`;
 * ```
 */
export function procedureToJsonLd(procedure: Procedure, agency?: CatalogueAgency): JsonLd {
  const time = procedure.reducedTime ?? procedure.statutoryTime;
  const fees = offers(procedure.fees);
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    identifier: fullCode(procedure),
    name: procedure.name,
    serviceType: procedure.field,
    inLanguage: 'vi',
    provider: {
      '@type': 'GovernmentOrganization',
      name: agency?.name ?? procedure.agency,
      ...(agency?.website === undefined ? {} : { url: agency.website }),
      ...(agency?.address === undefined ? {} : { address: agency.address }),
      ...(agency?.phone === undefined ? {} : { telephone: agency.phone }),
      ...(agency?.email === undefined ? {} : { email: agency.email }),
    },
    ...(agency?.province === undefined ? {} : { areaServed: { '@type': 'AdministrativeArea', name: agency.province } }),
    ...(time === undefined ? {} : { description: `Thời hạn giải quyết: ${formatTimeLimit(time)}` }),
    availableChannel: procedure.channels.map((channel) => {
      const limit = channel.timeLimit ?? time;
      const duration = limit === undefined ? undefined : isoDuration(limit);
      return {
        '@type': 'ServiceChannel',
        name: SCHEMA_CHANNEL[channel.kind],
        ...(limit === undefined ? {} : { description: formatTimeLimit(limit) }),
        ...(duration === undefined ? {} : { processingTime: duration }),
        ...(channel.kind === 'online' && procedure.onlineService?.url !== undefined
          ? { serviceUrl: procedure.onlineService.url }
          : {}),
      };
    }),
    ...(fees === undefined ? {} : { offers: fees }),
    ...(procedure.legalBasis === undefined || procedure.legalBasis.length === 0
      ? {}
      : {
          termsOfService: procedure.legalBasis
            .map((b) => (b.articles === undefined ? b.instrument : `${b.instrument}, điều ${b.articles}`))
            .join('; '),
        }),
    ...(procedure.sourceUrl === undefined ? {} : { url: procedure.sourceUrl }),
  };
}

const CPSV_CHANNEL: Readonly<Record<ChannelKind, string>> = {
  'in-person': 'http://publications.europa.eu/resource/authority/channel/INPERSON',
  online: 'http://publications.europa.eu/resource/authority/channel/ONLINE',
  postal: 'http://publications.europa.eu/resource/authority/channel/POSTAL',
};

/**
 * A procedure as a CPSV-AP `PublicService` in JSON-LD (the EU Core Public Service Vocabulary
 * Application Profile): identifier, title, thematic area (field), competent authority, channels,
 * costs in VND, legal resources and, for calendar-day limits, an ISO 8601 processing time.
 *
 * @example
 * ```ts
 * procedureToCpsvAp(procedure)['@type']; // 'PublicService'
 * ```
 */
export function procedureToCpsvAp(procedure: Procedure, agency?: CatalogueAgency): JsonLd {
  const time = procedure.reducedTime ?? procedure.statutoryTime;
  const duration = time === undefined ? undefined : isoDuration(time);
  return {
    '@context': {
      cpsv: 'http://purl.org/vocab/cpsv#',
      cv: 'http://data.europa.eu/m8g/',
      dct: 'http://purl.org/dc/terms/',
      eli: 'http://data.europa.eu/eli/ontology#',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      PublicService: 'cpsv:PublicService',
      identifier: 'dct:identifier',
      title: { '@id': 'dct:title', '@language': 'vi' },
      description: { '@id': 'dct:description', '@language': 'vi' },
      thematicArea: 'cv:thematicArea',
      hasCompetentAuthority: 'cv:hasCompetentAuthority',
      hasChannel: 'cv:hasChannel',
      hasCost: 'cv:hasCost',
      hasLegalResource: 'cv:hasLegalResource',
      processingTime: 'cv:processingTime',
      value: 'cv:value',
      currency: 'cv:currency',
      prefLabel: { '@id': 'skos:prefLabel', '@language': 'vi' },
      type: { '@id': 'dct:type', '@type': '@id' },
    },
    '@type': 'PublicService',
    identifier: fullCode(procedure),
    title: procedure.name,
    ...(time === undefined ? {} : { description: `Thời hạn giải quyết: ${formatTimeLimit(time)}` }),
    thematicArea: { '@type': 'skos:Concept', prefLabel: procedure.field },
    hasCompetentAuthority: { '@type': 'cv:PublicOrganisation', prefLabel: agency?.name ?? procedure.agency },
    hasChannel: procedure.channels.map((channel) => ({ '@type': 'cv:Channel', type: CPSV_CHANNEL[channel.kind] })),
    ...(procedure.fees === undefined
      ? {}
      : {
          hasCost: procedure.fees.map((rule) => ({
            '@type': 'cv:Cost',
            value: computeFee(rule),
            currency: 'http://publications.europa.eu/resource/authority/currency/VND',
            description: formatFeeRule(rule),
          })),
        }),
    ...(procedure.legalBasis === undefined
      ? {}
      : {
          hasLegalResource: procedure.legalBasis.map((b) => ({
            '@type': 'eli:LegalResource',
            title: b.articles === undefined ? b.instrument : `${b.instrument}, điều ${b.articles}`,
            ...(b.url === undefined ? {} : { '@id': b.url }),
          })),
        }),
    ...(duration === undefined ? {} : { processingTime: duration }),
  };
}
