import { expect } from '@open-wc/testing';
import { CONFIG_CHANGE_EVENT, getConfig } from './config.js';
import { configure, resetConfig } from './configure.js';
import { format, toLanguage } from './i18n.js';

describe('page configuration', () => {
  afterEach(() => {
    for (const meta of document.head.querySelectorAll('meta[name^="motcua:"]')) meta.remove();
    resetConfig();
  });

  it('defaults to Vietnamese and the root of the page site', () => {
    expect(getConfig().lang).to.equal('vi');
    expect(getConfig().apiBase, 'the site root, not the page folder').to.equal('/');
  });

  it('reads CSP-safe <meta> tags for the API on another origin and the language', () => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<meta name="motcua:api-base" content="https://motcua.example.gov.vn/"><meta name="motcua:lang" content="en-GB">',
    );
    resetConfig();
    expect(getConfig().apiBase).to.equal('https://motcua.example.gov.vn/');
    expect(getConfig().lang).to.equal('en');
  });

  it('merges string overrides and tells the elements', () => {
    let changes = 0;
    const count = () => changes++;
    globalThis.addEventListener(CONFIG_CHANGE_EVENT, count);
    configure({ strings: { 'motcua-x': { vi: { a: '1' } } } });
    configure({ strings: { 'motcua-x': { vi: { b: '2' }, en: { a: 'one' } } }, apiBase: 'https://a.example/' });
    globalThis.removeEventListener(CONFIG_CHANGE_EVENT, count);
    expect(getConfig().strings['motcua-x']).to.deep.equal({ vi: { a: '1', b: '2' }, en: { a: 'one' } });
    expect(getConfig().apiBase).to.equal('https://a.example/');
    expect(changes).to.equal(2);
  });

  it('is shared by every copy of the bundle on the page', () => {
    configure({ apiBase: 'https://shared.example/' });
    const holder = globalThis as unknown as Record<symbol, { apiBase: string }>;
    expect(holder[Symbol.for('motcua.config')]?.apiBase).to.equal('https://shared.example/');
  });
});

describe('strings', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{count} thủ tục', { count: 3 })).to.equal('3 thủ tục');
    expect(format('Còn {dayz} ngày', { days: 2 })).to.equal('Còn {dayz} ngày');
    expect(format('{a}{a}', { a: '<b>' })).to.equal('<b><b>');
  });

  it('reads lang attributes', () => {
    expect(toLanguage('vi-VN')).to.equal('vi');
    expect(toLanguage(' EN ')).to.equal('en');
    expect(toLanguage('fr')).to.equal(undefined);
    expect(toLanguage(null)).to.equal(undefined);
    expect(['vi', 'VI', 'en-GB', 'en-', 'vie', 'eng', 'env', '', ' ', undefined, 'x-vi'].map(toLanguage)).to.deep.equal(
      ['vi', 'vi', 'en', 'en', undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });
});
