import { describe, it } from 'node:test';
import { expect } from 'chai';
import { catalogueOf, loadSampleCatalogue, procedure } from './fixtures.test.js';
import { catalogueJsonSchema } from './json-schema.js';
import { procedureToCpsvAp, procedureToJsonLd } from './linked-data.js';
import { assertCatalogue } from './parse-catalogue.js';
import type { Catalogue, Procedure } from './schema.js';

async function sampleProcedure(code: string): Promise<{ catalogue: Catalogue; procedure: Procedure }> {
  const catalogue = assertCatalogue(await loadSampleCatalogue());
  const found = catalogue.procedures.find((p) => p.code === code);
  if (found === undefined) throw new Error(code);
  return { catalogue, procedure: found };
}

describe('procedures as linked data', () => {
  it('exports chứng thực bản sao as a schema.org GovernmentService with its fee', async () => {
    const { catalogue, procedure: p } = await sampleProcedure('2.000815');
    const doc = procedureToJsonLd(p, catalogue.agency);
    expect(doc).to.deep.include({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      identifier: '2.000815.000.00.00.H61',
      name: 'Chứng thực bản sao từ bản chính',
      serviceType: 'Chứng thực',
      areaServed: { '@type': 'AdministrativeArea', name: 'Vĩnh Long' },
    });
    expect(doc.provider).to.deep.equal({ '@type': 'GovernmentOrganization', name: catalogue.agency.name });
    expect(doc.offers).to.deep.equal([
      {
        '@type': 'Offer',
        price: 2000,
        priceCurrency: 'VND',
        description: '2.000 đ/trang; từ trang thứ 3: 1.000 đ/trang; tối đa 200.000 đ/bản',
        name: 'Phí chứng thực bản sao từ bản chính',
      },
    ]);
    expect(doc.availableChannel).to.deep.equal([
      {
        '@type': 'ServiceChannel',
        name: 'Trực tiếp tại Bộ phận Một cửa',
        description: 'Trong ngày (tiếp nhận sau 15h00: tính từ ngày làm việc tiếp theo)',
      },
    ]);
    expect(JSON.parse(JSON.stringify(doc))).to.deep.equal(doc);
  });

  it('gives an ISO processing time only for calendar days, and free services a zero price', () => {
    const p = procedure('1.000001', 'Thủ tục thử', {
      statutoryTime: { value: 30, unit: 'days' },
      fees: [],
      channels: [{ kind: 'online' }, { kind: 'postal', timeLimit: { value: 5, unit: 'working-days' } }],
      onlineService: { level: 'full', url: 'https://dichvucong.gov.vn/p/1' },
    });
    const doc = procedureToJsonLd(p);
    expect(doc.offers).to.deep.equal([{ '@type': 'Offer', price: 0, priceCurrency: 'VND' }]);
    expect(doc.availableChannel).to.deep.equal([
      {
        '@type': 'ServiceChannel',
        name: 'Trực tuyến (Cổng Dịch vụ công quốc gia)',
        description: '30 ngày',
        processingTime: 'P30D',
        serviceUrl: 'https://dichvucong.gov.vn/p/1',
      },
      { '@type': 'ServiceChannel', name: 'Qua dịch vụ bưu chính', description: '5 ngày làm việc' },
    ]);
  });

  it('exports a CPSV-AP PublicService with channels, costs and legal resources', async () => {
    const { procedure: p } = await sampleProcedure('2.001035');
    const doc = procedureToCpsvAp(p);
    expect(doc['@type']).to.equal('PublicService');
    expect(doc.identifier).to.equal('2.001035');
    expect(doc.hasChannel).to.deep.equal([
      { '@type': 'cv:Channel', type: 'http://publications.europa.eu/resource/authority/channel/INPERSON' },
    ]);
    expect(doc.hasCost).to.deep.equal([
      {
        '@type': 'cv:Cost',
        value: 50000,
        currency: 'http://publications.europa.eu/resource/authority/currency/VND',
        description: '50.000 đ/giao dịch',
      },
    ]);
    expect((doc.hasLegalResource as unknown[]).length).to.equal(2);
    expect(doc).to.not.have.property('processingTime');
    const context = doc['@context'] as Record<string, unknown>;
    for (const key of Object.keys(doc).filter((k) => !k.startsWith('@'))) expect(context, key).to.have.property(key);
  });
});

describe('JSON Schema of the catalogue', () => {
  it('carries the types, patterns and closed objects of the zod schema', () => {
    const schema = catalogueJsonSchema() as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      properties: { procedures: { items: { required: string[]; properties: Record<string, { pattern?: string }> } } };
    };
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).to.have.members(['formatVersion', 'version', 'agency', 'procedures']);
    expect(schema.additionalProperties).to.equal(false);
    const item = schema.properties.procedures.items;
    expect(item.required).to.have.members(['code', 'name', 'field', 'levels', 'agency', 'channels']);
    expect(new RegExp(item.properties.code?.pattern ?? '').test('1.001193')).to.equal(true);
    expect(new RegExp(item.properties.validFrom?.pattern ?? '').test('2025-07-01')).to.equal(true);
    expect(JSON.parse(JSON.stringify(catalogueOf([])))).to.be.an('object');
  });
});
